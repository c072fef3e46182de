// Shared by the libFuzzer targets (fuzz/*.cpp): invariants that abort with the failing condition
// on stderr, and the way check() reads a text into a Document (plain text, or an HTML page
// through html_to_text with its origin map), so the stage targets read inputs as check() does.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "document.hpp"
#include "html.hpp"
#include "text.hpp"

namespace nianbao::fuzz {

// libFuzzer reports the abort as a crash and keeps the input; the line says which invariant.
[[noreturn]] inline void fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "nianbao fuzz: invariant failed: %s (%s:%d)\n", what, file, line);
  std::abort();
}

#define NIANBAO_REQUIRE(cond) \
  ((cond) ? static_cast<void>(0) : ::nianbao::fuzz::fail(#cond, __FILE__, __LINE__))

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// A text read as check() reads it: an HTML page becomes its text with an origin map, so that
// every offset of the Document is still an offset into `input`.
struct ReadText {
  std::string_view input;
  std::optional<detail::HtmlText> html;
  std::unique_ptr<detail::Document> doc;
};

inline ReadText read_text(std::string_view input) {
  ReadText r;
  r.input = input;
  if (detail::looks_like_html(input)) r.html = detail::html_to_text(input);
  r.doc = r.html ? std::make_unique<detail::Document>(input, r.html->text, r.html->origin)
                 : std::make_unique<detail::Document>(input);
  return r;
}

// The text layer of a Document: the normalised and compact views map back into the input.
inline void require_text_layer(const detail::Document& doc, std::string_view input) {
  const auto& n = doc.norm;
  NIANBAO_REQUIRE(n.orig.size() == n.text.size() + 1);
  for (const std::uint32_t o : n.orig) NIANBAO_REQUIRE(o <= input.size());
  NIANBAO_REQUIRE(doc.flat.pos.size() == doc.flat.text.size() + 1);
  for (std::size_t k = 0; k + 1 < doc.flat.pos.size(); ++k) {
    NIANBAO_REQUIRE(doc.flat.pos[k] < n.text.size());
    NIANBAO_REQUIRE(doc.flat.text[k] == n.text[doc.flat.pos[k]]);
    NIANBAO_REQUIRE(!detail::is_space_byte(doc.flat.text[k]));
  }
  NIANBAO_REQUIRE(doc.source.line_count() >= 1);
}

// An original byte offset: inside the input (or kNone where the type allows "not located").
inline void require_offset(std::size_t offset, std::string_view input) {
  NIANBAO_REQUIRE(offset < input.size() || (input.empty() && offset == 0));
}

inline bool is_finite(double v) { return std::isfinite(v); }

}  // namespace nianbao::fuzz

namespace nianbao::fuzz {

inline void require_cell(const detail::CellRead& c, std::string_view input, bool valid_utf8) {
  if (c.status == CellStatus::ok) {
    NIANBAO_REQUIRE(c.value.has_value() && is_finite(*c.value));
  }
  if (c.located()) require_offset(c.offset, input);
  if (valid_utf8) NIANBAO_REQUIRE(detail::is_valid_utf8(c.raw));
}

inline void require_cut(const detail::Cut& cut, std::size_t cells, const detail::Document& doc,
                        std::string_view input) {
  NIANBAO_REQUIRE(cut.size() == cells);
  for (const auto& part : cut) {
    NIANBAO_REQUIRE(is_finite(part.value) && part.value >= 0);
    NIANBAO_REQUIRE(!part.digits.empty());
    NIANBAO_REQUIRE(part.nb < doc.norm.text.size());
    require_offset(part.offset, input);
  }
}

// The tables as read: every cell in the layout with a value when ok and a place inside the
// input; every issue of a table 2..4, its cells of that table, its cuts one part per cell.
inline void require_tables(const detail::Document& doc, std::string_view input) {
  const bool valid = detail::is_valid_utf8(input);
  const auto& t = doc.tables;
  for (const auto& [id, c] : t.cells) {
    NIANBAO_REQUIRE(detail::find_cell(id).has_value());
    require_cell(c, input, valid);
  }
  for (const auto& issue : t.issues) {
    NIANBAO_REQUIRE(issue.table >= 2 && issue.table <= 4);
    if (issue.offset != kNone) require_offset(issue.offset, input);
    for (const detail::CellId id : issue.cells) {
      NIANBAO_REQUIRE(detail::index(id) < detail::kCellCount);
      NIANBAO_REQUIRE(detail::table_of(id) == issue.table);
    }
    for (const auto& n : issue.numbers) require_cell(n, input, valid);
    for (const auto& cut : issue.cuts) require_cut(cut, issue.cells.size(), doc, input);
  }
  for (const auto& p : t.t2_pending) {
    NIANBAO_REQUIRE(p.row <= 1);
    NIANBAO_REQUIRE(p.cuts.size() >= 2);
    NIANBAO_REQUIRE(p.region_begin <= p.region_end && p.region_end <= input.size());
    for (const auto& cut : p.cuts) require_cut(cut, p.cells.size(), doc, input);
  }
}

// The outline: sections 1..6, each at most once, in the order of the text, inside the input.
inline void require_outline(const detail::Document& doc, std::string_view input) {
  const auto& o = doc.outline;
  bool seen[7] = {};
  std::size_t last = 0;
  for (const auto& s : o.sections) {
    NIANBAO_REQUIRE(s.number >= 1 && s.number <= 6 && !seen[s.number]);
    seen[s.number] = true;
    require_offset(s.begin, input);
    // In the order of the text read: for a page that is not always the page's own order
    // (text standing between table cells is put before the table, as browsers do).
    NIANBAO_REQUIRE(s.norm_begin >= last);
    last = s.norm_begin;
    NIANBAO_REQUIRE(s.norm_begin <= s.norm_end && s.norm_end <= doc.norm.text.size());
  }
  for (const auto& s : o.lost) {
    NIANBAO_REQUIRE(s.number >= 1 && s.number <= 6 && !seen[s.number]);
    require_offset(s.begin, input);
  }
  if (o.title_found) require_offset(o.title_offset, input);
  for (const auto& [b, e] : o.furniture) NIANBAO_REQUIRE(b <= e && e <= doc.norm.text.size());
}

}  // namespace nianbao::fuzz
