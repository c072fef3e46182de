// What the pieces of the HTML reader share (html.hpp is its interface; nothing here is used
// outside core/src/html/):
//
//   markup.cpp    tags (name and the few attributes used), comments and declarations, raw text
//                 (<script>, <style> ...), span attributes, what each element does to the text
//   entities.cpp  character references (&amp; &#8212; &#x4e00; and the legacy ones without ';')
//   grid.cpp      a table read into rows of cells, rendered as TAB-separated lines with
//                 rowspan/colspan expanded, or as blocks (layout tables)
//   convert.cpp   the one forward pass: text into the current sink, tags acted on, tables
//                 stacked and rendered when they close
//   detect.cpp    whether an input is HTML at all, and the charset it declares
//   meta.cpp      the page's own fields: <title>, <meta name="ArticleTitle"> / PubDate / SiteName
//
// Every byte written carries the offset of the source byte behind it (Buf::origin).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html.hpp"

namespace nianbao::detail::html_internal {

constexpr std::size_t kNpos = std::string_view::npos;

// ----- bytes ------------------------------------------------------------------------------

inline bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// ASCII case-insensitive equality.
inline bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (lower(a[k]) != lower(b[k])) return false;
  }
  return true;
}

// s[at..] starts with `word` (lower-case ASCII), case-insensitively.
inline bool istarts(std::string_view s, std::size_t at, std::string_view word) {
  if (at > s.size() || s.size() - at < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (lower(s[at + k]) != word[k]) return false;
  }
  return true;
}

// Length of the UTF-8 sequence starting at s[i] (1 for ASCII and for invalid bytes, which
// are passed through one by one).
inline std::size_t char_len(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = 1;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
  }
  if (len == 1 || i + len > s.size()) return 1;
  for (std::size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 1;
  }
  return len;
}

// ----- output: text and its origin map -----------------------------------------------------

// Text with the source offset of every byte.
struct Buf {
  std::string text;
  std::vector<std::uint32_t> origin;
  void put(char c, std::uint32_t o) {
    text.push_back(c);
    origin.push_back(o);
  }
  void put(std::string_view bytes, std::uint32_t o) {
    text.append(bytes.data(), bytes.size());
    origin.insert(origin.end(), bytes.size(), o);
  }
  bool empty() const { return text.empty(); }
};

// Writes running text: runs of whitespace become one space, block boundaries one line break,
// with no space at either end of a line and no empty lines.
class Flow {
 public:
  Buf buf;
  std::size_t lines = 0;  // line breaks written

  // The bytes of one visible character, from source offset o.
  void word(std::string_view bytes, std::uint32_t o) {
    flush();
    buf.put(bytes, o);
  }
  void space(std::uint32_t o) {
    if (!pending_space_) {
      pending_space_ = true;
      space_origin_ = o;
    }
  }
  void newline(std::uint32_t o) {
    pending_space_ = false;
    if (!pending_newline_) {
      pending_newline_ = true;
      newline_origin_ = o;
    }
  }
  // Starts a new segment (a table cell): nothing pending, and the next character writes no
  // separator before it.
  void begin_segment() {
    pending_space_ = false;
    pending_newline_ = false;
    segment_start_ = true;
  }
  // Another buffer (a rendered table), on lines of its own.
  void block(const Buf& b, std::uint32_t before, std::uint32_t after) {
    if (b.empty()) return;
    newline(before);
    pending_space_ = false;
    flush();
    segment_start_ = false;
    buf.text += b.text;
    buf.origin.insert(buf.origin.end(), b.origin.begin(), b.origin.end());
    lines += static_cast<std::size_t>(std::count(b.text.begin(), b.text.end(), '\n'));
    newline(after);
  }

 private:
  void flush() {
    const bool at_line_start = segment_start_ || buf.empty() || buf.text.back() == '\n';
    segment_start_ = false;
    if (pending_newline_ && !at_line_start) {
      buf.put('\n', newline_origin_);
      ++lines;
    } else if (pending_space_ && !at_line_start) {
      buf.put(' ', space_origin_);
    }
    pending_newline_ = false;
    pending_space_ = false;
  }
  bool pending_space_ = false;
  bool pending_newline_ = false;
  bool segment_start_ = false;
  std::uint32_t space_origin_ = 0;
  std::uint32_t newline_origin_ = 0;
};

// ----- markup (markup.cpp) ------------------------------------------------------------------

struct Tag {
  char name[16] = {};  // lower-case; empty when longer than 15 bytes
  bool end_tag = false;
  std::string_view colspan, rowspan, charset, http_equiv, content;
  std::string_view name_attr;  // the name="..." attribute (of a <meta>)
  std::string_view view() const { return std::string_view(name); }
};

class TagReader {
 public:
  explicit TagReader(std::string_view h) : h_(h) {}

  // h[i] == '<' and h[i+1] is a letter (start tag) or '/' + letter (end tag): reads the tag
  // and returns the offset just past it.
  std::size_t read(std::size_t i, Tag* t);

 private:
  // An attribute's value at h[j] (after the '='); moves j past it.
  std::string_view read_value(std::size_t& j);
  // The next `q` at or after `from`; remembers where none is left, so that many unclosed
  // quotes cost one search in all.
  std::size_t find_quote(char q, std::size_t from);
  std::string_view h_;
  std::size_t no_dquote_ = kNpos, no_squote_ = kNpos;
};

// Skips a comment, doctype, processing instruction or bogus end tag at h[i] == '<'; returns
// the offset past it, or i when h[i] does not start one.
std::size_t skip_declaration(std::string_view h, std::size_t i);

// The offset just past the end tag </name ...> closing raw text that starts at `from`, or n.
std::size_t skip_raw_text(std::string_view h, std::size_t from, std::string_view name);

// A colspan / rowspan value: 1 when absent or invalid, at most `max` (0 means `max` when
// zero_is_max, as rowspan="0" does).
std::uint32_t parse_span(std::string_view v, std::uint32_t max, bool zero_is_max);

// What an element does to the text: starts a line (block), hides its content (skipped), is
// a heading. Elements not listed (span, font, a, b, meta, ...) do nothing.
enum : unsigned { kBlock = 1, kSkipped = 2, kHeading = 4 };
unsigned element_flags(std::string_view name);

// ----- the page's own fields (meta.cpp) ----------------------------------------------------

// A <meta name=... content=...> tag: its content kept in *meta when the name is one of the
// page fields and the field is still empty (the first one counts).
void note_meta(std::string_view h, const Tag& t, PageMeta* meta);
// The text of a <title> element, source bytes [begin, end); the first <title> counts.
void note_title(std::string_view h, std::size_t begin, std::size_t end, PageMeta* meta);

// ----- entities (entities.cpp) --------------------------------------------------------------

// The reference at h[i] == '&': sets *cp and returns its length, or 0 when it is not one.
std::size_t parse_entity(std::string_view h, std::size_t i, char32_t* cp);

// ----- tables (grid.cpp) -------------------------------------------------------------------

// A cell's text is the range [begin, end) of its table's text.
struct CellRec {
  std::uint32_t tag = 0;  // offset of the <td>/<th>
  std::uint32_t colspan = 1, rowspan = 1;
  std::size_t begin = 0, end = 0;
  std::size_t lines = 0;  // line breaks in it
};

struct RowRec {
  std::uint32_t tag = 0;  // offset of the <tr> (or of the tag that opened the row)
  std::uint32_t end = 0;  // offset of the tag that closed it
  std::vector<CellRec> cells;
};

struct TableCtx {
  std::uint32_t tag = 0;
  std::vector<RowRec> rows;
  bool row_open = false, cell_open = false, caption_open = false;
  bool layout = false;
  Flow text;  // the text of all cells, one after another
  Flow caption;
};

// A layout table: one marked so (it holds another table or a heading), one with a
// page-sized cell, or a single column.
bool is_layout(const TableCtx& t);
// The cells' blocks one after another (a layout table).
Buf render_layout(const TableCtx& t);
// The grid, one TAB-separated line per row with spans expanded; `source_bytes` (the table's
// size in the source) bounds the grid, a larger one is read without spans.
Buf render_grid(const TableCtx& t, std::size_t source_bytes);

}  // namespace nianbao::detail::html_internal
