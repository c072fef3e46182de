// The internal model of one report as read: outline (title, sections, format) and the
// cells of tables 2, 3 and 4. Stages fill it in order; rules only read it.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cells.hpp"
#include "html.hpp"
#include "nianbao/nianbao.hpp"
#include "text.hpp"

namespace nianbao::detail {

// ----- outline ------------------------------------------------------------------------
struct SectionInfo {
  int number = 0;              // statutory section 1..6 (by its keywords)
  int numeral = 0;             // the numeral written in the heading (一 = 1 ...), 0 if none
  std::size_t begin = 0;       // original byte offset of the heading's first character
  std::size_t norm_begin = 0;  // same, in the normalised text
  std::size_t norm_body = 0;   // normalised offset where the body starts (next line)
  std::size_t norm_end = 0;    // normalised offset where the section ends
  std::string heading;         // as written (trimmed); empty for a lost heading
  bool variant = false;        // an accepted variant of the official heading
  // The heading is missing but the section's content stands here (Outline::lost): begin and
  // norm_begin point at where the content starts, and there is no heading to skip.
  bool lost = false;
};

// Where the title (agency, year) was read: a line of the text, else the page's <meta
// name="ArticleTitle">, else its <title> without the site name.
enum class TitleSource { none, text, article_title, html_title };

// Which national format the report follows (output: "2021" | "2019" | "pre-2019" | "unknown").
enum class FormatVersion { unknown, f2021, f2019, pre2019 };
const char* format_name(FormatVersion f);

struct Outline {
  std::optional<std::string> agency;
  std::optional<int> year;
  bool title_found = false;  // a line naming 政府信息公开…年度报告
  std::size_t title_offset = 0;
  TitleSource title_source = TitleSource::none;
  std::vector<SectionInfo> sections;  // in input order, at most one per number
  FormatVersion format = FormatVersion::unknown;
  // Old-format labels found (label, original offset).
  std::vector<std::pair<std::string, std::size_t>> old_markers;
  // The page's own fields when the input is an HTML page (<title>, ArticleTitle, PubDate ...).
  PageMeta page;
  // Page furniture: ranges [begin, end) of the normalised text, whole lines, sorted and
  // disjoint, that belong to the web page around the report (navigation, breadcrumb, the date /
  // source / font-size line, share bars, related links, footer) and not to the report.
  std::vector<std::pair<std::size_t, std::size_t>> furniture;
  // Statutory sections whose heading is missing while their content is recognisably there
  // (find_lost_sections), in input order; never also in `sections`.
  std::vector<SectionInfo> lost;

  // The section with this number whose heading was found, else none.
  const SectionInfo* section(int number) const;
  // The section's heading, else the place of its lost heading, else none.
  const SectionInfo* part(int number) const;
  bool in_furniture(std::size_t norm_offset) const;
};

// ----- tables -------------------------------------------------------------------------
struct CellRead {
  CellStatus status = CellStatus::ok;
  std::optional<double> value;  // ok cells only
  bool decimal = false;
  bool negative = false;
  std::string raw;
  std::string unit;        // a unit written in the cell (元, 万元, 件 ...), else empty
  std::size_t offset = 0;  // original byte offset of raw; SIZE_MAX when not located
  std::string note;
  bool located() const { return offset != static_cast<std::size_t>(-1); }
};

// A number cut out of digits that ran together ("8855698" -> 88 / 55 / 698).
struct CutPart {
  double value = 0;
  std::string digits;      // as cut, normalised ("698", "9116.36")
  std::size_t nb = 0;      // normalised offset of its first digit
  std::size_t offset = 0;  // original byte offset of its first digit
};
using Cut = std::vector<CutPart>;  // one part per cell of the row, in column order

// Something the reader could not settle, reported by the table-shape rule.
enum class ShapeKind {
  missing_row,   // a row of the layout was not found
  cell_count,    // a row holds more or fewer numbers than cells
  run_together,  // digits run together and could be cut in several ways
  conflict,      // two rows share one set of numbers
};

struct ShapeIssue {
  ShapeKind kind = ShapeKind::missing_row;
  int table = 0;    // 2, 3 or 4
  std::string row;  // row label (Chinese), may be empty
  std::string row_en;
  int expected = 0, found = 0;
  std::size_t offset = static_cast<std::size_t>(-1);  // original offset, or none
  std::vector<CellId> cells;                          // the row's cells, in column order
  std::string hint;                                   // extra explanation (e.g. table-4 runs)
  std::string hint_en;
  // cell_count: the numbers of the row in input order, none mapped to a cell, each read as
  // a cell would be: status ok (value, raw, unit), placeholder (raw) or blank (a blank
  // between two numbers), with its offset. found != expected: too many or too few;
  // found == expected: the right count in an order that cannot be trusted (table 4 values
  // interleaved with header words).
  std::vector<CellRead> numbers;
  // run_together: the digits as read (groups separated by a space), and the ways found to cut
  // them that fit the table's arithmetic (table 2, after settle_tables: and the numbers the
  // narrative states), one part per cell of `cells`. Empty when no cut fits. all_cuts is
  // false when the search stopped early (too many ways): `cuts` then holds only some of them.
  std::string run;
  std::vector<Cut> cuts;
  bool all_cuts = true;
};

// A table-2 row of run-together digits that can be cut in several ways (table 2 has no
// arithmetic to choose by). read_tables leaves it read as if the narrative said nothing: a
// run_together issue holding the cuts, the cells every cut agrees on, the others ambiguous.
// settle_tables then chooses among the cuts by what the narrative states.
struct PendingCuts {
  std::size_t row = 0;        // kT2Rows index: 0 规章, 1 行政规范性文件
  std::vector<CellId> cells;  // made, repealed, in force
  std::vector<Cut> cuts;      // every cut found (more than one), as on the issue
  // Table 2's region, original offsets: numbers stated there are the table's own.
  std::size_t region_begin = 0, region_end = 0;
};

struct Tables {
  bool t2_found = false, t3_found = false, t4_found = false;
  bool t3_single_other_row = false;  // 2019 layout: one （六）其他处理 row
  std::size_t t3_single_other_offset = 0;
  CellArray<CellRead> cells;  // only cells that belong to the layout
  std::vector<ShapeIssue> issues;
  std::vector<PendingCuts> t2_pending;  // until settle_tables (which empties it)
  const CellRead* cell(CellId id) const { return cells.get(id); }
  const CellRead* cell(std::string_view id) const { return cells.get(id); }
};

struct Document {
  Source source;
  Normalised norm;
  Compact flat;  // the whole normalised text without whitespace
  Outline outline;
  Tables tables;
  explicit Document(std::string_view text)
      : source(text),
        norm(normalise(text)),
        flat(compact(norm, 0, norm.text.size())),
        read_text_(text) {}
  // A document read from `text` derived from `original` (e.g. HTML turned into text):
  // origin[i] is the byte of `original` behind byte i of `text`, so every position still
  // points into the input as supplied.
  Document(std::string_view original, std::string_view text,
           const std::vector<std::uint32_t>& origin)
      : source(original), norm(normalise(text)), read_text_(text) {
    to_read_ = norm.orig;
    for (auto& o : norm.orig) o = origin[o];
    flat = compact(norm, 0, norm.text.size());
  }
  std::size_t orig(std::size_t norm_offset) const { return norm.orig[norm_offset]; }
  // The text behind the normalised range [nb, ne) as the reader saw it: the input itself,
  // or for HTML the page's text without its markup (entities decoded).
  std::string raw(std::size_t nb, std::size_t ne) const {
    if (ne <= nb) return {};
    const auto& map = to_read_.empty() ? norm.orig : to_read_;
    const std::size_t b = map[nb];
    std::size_t e = map[ne - 1];
    if (e < read_text_.size()) next_cp(read_text_, e);
    return e > b ? std::string(read_text_.substr(b, e - b)) : std::string();
  }

 private:
  std::string_view read_text_;          // what was normalised
  std::vector<std::uint32_t> to_read_;  // normalised byte -> read_text_ byte (derived text only)
};

struct Facts;  // facts.hpp

// The outline; `page` is what an HTML page says about itself (nullptr for plain text).
void read_outline(Document& doc, const PageMeta* page = nullptr);
void read_tables(Document& doc);
// After the facts stage: settles what the tables alone could not and the narrative states
// (Tables::t2_pending). core/src/tables/settle.cpp.
void settle_tables(Document& doc, const Facts& facts);

}  // namespace nianbao::detail
