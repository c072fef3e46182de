// HTML to text (see html.hpp). One forward pass over the source:
//
//   markup   comments, doctype, processing instructions: skipped; tags: parsed (name and the
//            few attributes used: colspan, rowspan, charset, http-equiv, content);
//            <script>, <style>, <title>, <select>, ... : their content skipped (a browser
//            does not show it either).
//   text     whitespace collapsed, entities decoded, written to the current sink.
//   sinks    the document, or the open cell of the innermost open table (text a table holds
//            outside its cells goes to the sink around the table, as browsers do).
//   tables   a stack (bounded depth) of tables being read; a table is rendered when it closes:
//            as a grid of TAB-separated lines, or, for a layout table (one holding another
//            table, a heading or page-sized text in a cell, or a single column), as the
//            blocks of its cells one after another.
//
// Nothing is recursive and nothing keeps an element stack, so deep nesting costs nothing;
// attribute values and unclosed constructs are found with single forward searches.
#include "html.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <iterator>

#include "text.hpp"

namespace nianbao::detail {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;
constexpr std::size_t kMaxTableDepth = 16;    // deeper tables are read as plain blocks
constexpr std::uint32_t kMaxColspan = 1000;   // the HTML limits
constexpr std::uint32_t kMaxRowspan = 65534;  //
constexpr std::size_t kLayoutCellLines = 8;   // a cell with more lines is page content
constexpr std::size_t kLayoutCellBytes = 4000;

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (lower(a[k]) != lower(b[k])) return false;
  }
  return true;
}

// s[at..] starts with `word` (lower-case ASCII), case-insensitively.
bool istarts(std::string_view s, std::size_t at, std::string_view word) {
  if (at > s.size() || s.size() - at < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (lower(s[at + k]) != word[k]) return false;
  }
  return true;
}

// Length of the UTF-8 sequence starting at s[i] (1 for ASCII and for invalid bytes, which
// are passed through one by one).
std::size_t char_len(std::string_view s, std::size_t i) {
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

// ----- output buffers -------------------------------------------------------------------

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

// ----- tables ---------------------------------------------------------------------------

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

// Appends text on one line: its line breaks become spaces.
void put_flat(Buf& out, const Buf& in, std::size_t begin, std::size_t end) {
  for (std::size_t k = begin; k < end; ++k) {
    const char c = in.text[k];
    out.put(c == '\n' || c == '\t' ? ' ' : c, in.origin[k]);
  }
}
void put_flat(Buf& out, const Buf& in) { put_flat(out, in, 0, in.text.size()); }
void put_cell(Buf& out, const TableCtx& t, const CellRec& cell) {
  put_flat(out, t.text.buf, cell.begin, cell.end);
}

bool is_layout(const TableCtx& t) {
  if (t.layout) return true;
  std::size_t width = 0;
  bool any = false;
  for (const auto& row : t.rows) {
    std::size_t w = 0;
    for (const auto& cell : row.cells) {
      any = true;
      w += cell.colspan;
      if (cell.lines >= kLayoutCellLines || cell.end - cell.begin > kLayoutCellBytes) {
        return true;
      }
    }
    width = std::max(width, w);
  }
  return any && width <= 1;
}

// One cell per slot, spans ignored: the fallback when the grid would be too large.
Buf render_plain(const TableCtx& t) {
  Buf out;
  for (const auto& row : t.rows) {
    if (row.cells.empty()) continue;
    if (!out.empty()) out.put('\n', row.tag);
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (c > 0) out.put('\t', row.cells[c].tag);
      put_cell(out, t, row.cells[c]);
    }
  }
  return out;
}

Buf render_layout(const TableCtx& t) {
  Buf out;
  auto add = [&](const Buf& b, std::size_t begin, std::size_t end, std::uint32_t before) {
    if (begin == end) return;
    if (!out.empty()) out.put('\n', before);
    out.text.append(b.text, begin, end - begin);
    out.origin.insert(out.origin.end(), b.origin.begin() + static_cast<std::ptrdiff_t>(begin),
                      b.origin.begin() + static_cast<std::ptrdiff_t>(end));
  };
  add(t.caption.buf, 0, t.caption.buf.text.size(), t.tag);
  for (const auto& row : t.rows) {
    for (const auto& cell : row.cells) add(t.text.buf, cell.begin, cell.end, cell.tag);
  }
  return out;
}

// The HTML table model: each cell takes the first free column of its row and occupies
// colspan columns there and in the next rowspan-1 rows.
Buf render_grid(const TableCtx& t, std::size_t source_bytes) {
  // Slots placed and written are bounded by the table's size in the source (a colspan can
  // ask for a thousand columns in a dozen bytes); beyond that the table is read without spans.
  // Real tables take far fewer: table 3 is 10 x 28 slots in several KB of markup, and even
  // bare <td>0</td> cells take 9 bytes each.
  const std::size_t limit = std::max<std::size_t>(std::size_t{1} << 16, source_bytes / 2);
  std::size_t used = 0;
  constexpr int kFree = -1, kHeld = -2;
  struct Slot {
    int cell = kFree;  // index of the cell in its row, kFree or kHeld
    bool start = false;
  };
  std::vector<std::vector<Slot>> grid(t.rows.size());
  std::vector<std::uint32_t> span_left;  // rows still held below, per column
  std::size_t width = 0, shown_rows = 0;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    auto& g = grid[r];
    g.resize(span_left.size());
    used += g.size();
    for (std::size_t c = 0; c < span_left.size(); ++c) {
      if (span_left[c] > 0) {
        g[c].cell = kHeld;
        --span_left[c];
      }
    }
    std::size_t col = 0;
    const auto& cells = t.rows[r].cells;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      while (col < g.size() && g[col].cell != kFree) ++col;
      const std::size_t cs = cells[i].colspan;
      used += cs;
      if (used > limit) return render_plain(t);
      if (g.size() < col + cs) g.resize(col + cs);
      if (span_left.size() < col + cs) span_left.resize(col + cs, 0);
      for (std::size_t c = col; c < col + cs; ++c) {
        g[c].cell = static_cast<int>(i);
        g[c].start = c == col;
        span_left[c] = cells[i].rowspan - 1;
      }
      col += cs;
    }
    if (!cells.empty()) ++shown_rows;
    width = std::max(width, g.size());
    if (used > limit) return render_plain(t);
  }
  if (width * shown_rows > limit) return render_plain(t);

  Buf out;
  if (!t.caption.buf.empty()) put_flat(out, t.caption.buf);
  std::vector<std::uint32_t> tab_origin;
  bool first_row = true;
  std::uint32_t last_end = t.tag;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const RowRec& row = t.rows[r];
    if (row.cells.empty()) continue;  // a row with no cell of its own shows nothing
    auto& g = grid[r];
    g.resize(width);
    // A TAB before slot c comes from the cell starting there, else from the next cell
    // starting in this row (or the row's end), so that origins run forward.
    tab_origin.assign(width, row.end);
    std::uint32_t next = row.end;
    for (std::size_t c = width; c-- > 0;) {
      if (g[c].start) next = row.cells[static_cast<std::size_t>(g[c].cell)].tag;
      tab_origin[c] = next;
    }
    if (!out.empty() || !first_row) out.put('\n', first_row ? row.tag : last_end);
    first_row = false;
    last_end = row.end;
    for (std::size_t c = 0; c < width; ++c) {
      if (c > 0) out.put('\t', tab_origin[c]);
      if (g[c].start) put_cell(out, t, row.cells[static_cast<std::size_t>(g[c].cell)]);
    }
  }
  return out;
}

// ----- entities -------------------------------------------------------------------------

struct Entity {
  const char* name;
  char32_t cp;
};
constexpr Entity kEntities[] = {
    {"nbsp", 0xA0},     {"amp", '&'},       {"lt", '<'},        {"gt", '>'},
    {"quot", '"'},      {"apos", '\''},     {"ensp", 0x2002},   {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},
    {"rlm", 0x200F},    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},
    {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"trade", 0x2122},
    {"larr", 0x2190},   {"uarr", 0x2191},   {"rarr", 0x2192},   {"darr", 0x2193},
    {"harr", 0x2194},   {"minus", 0x2212},  {"times", 0xD7},    {"divide", 0xF7},
    {"middot", 0xB7},   {"deg", 0xB0},      {"plusmn", 0xB1},   {"sup1", 0xB9},
    {"sup2", 0xB2},     {"sup3", 0xB3},     {"micro", 0xB5},    {"para", 0xB6},
    {"sect", 0xA7},     {"copy", 0xA9},     {"reg", 0xAE},      {"yen", 0xA5},
    {"pound", 0xA3},    {"cent", 0xA2},     {"laquo", 0xAB},    {"raquo", 0xBB},
    {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},   {"shy", 0xAD},
    {"iexcl", 0xA1},    {"iquest", 0xBF},   {"le", 0x2264},     {"ge", 0x2265},
    {"ne", 0x2260},     {"asymp", 0x2248},  {"infin", 0x221E},  {"radic", 0x221A},
    {"sum", 0x2211},    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"hyphen", 0x2010},
    {"AMP", '&'},       {"LT", '<'},        {"GT", '>'},        {"QUOT", '"'},
    {"COPY", 0xA9},     {"REG", 0xAE},
};
// Names a browser also reads without the closing ';'.
constexpr const char* kLegacy[] = {"nbsp", "amp", "lt", "gt", "quot", "copy",
                                   "reg",  "AMP", "LT", "GT", "QUOT"};

// Windows-1252 for &#128; ... &#159; (the HTML rule for these references).
constexpr char16_t kCp1252[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

// The reference at h[i] == '&': sets *cp and returns its length, or 0 when it is not one.
std::size_t parse_entity(std::string_view h, std::size_t i, char32_t* cp) {
  const std::size_t n = h.size();
  std::size_t j = i + 1;
  if (j < n && h[j] == '#') {
    ++j;
    bool hex = false;
    if (j < n && (h[j] == 'x' || h[j] == 'X')) {
      hex = true;
      ++j;
    }
    const std::size_t d0 = j;
    std::uint32_t v = 0;
    while (j < n && (hex ? std::isxdigit(static_cast<unsigned char>(h[j])) != 0 : is_digit(h[j]))) {
      const char c = h[j];
      const std::uint32_t d = is_digit(c) ? static_cast<std::uint32_t>(c - '0')
                                          : static_cast<std::uint32_t>(lower(c) - 'a' + 10);
      v = v > 0x10FFFF ? v : v * (hex ? 16 : 10) + d;
      ++j;
    }
    if (j == d0) return 0;
    if (j < n && h[j] == ';') ++j;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
      v = 0xFFFD;
    } else if (v >= 0x80 && v <= 0x9F) {
      v = kCp1252[v - 0x80];
    }
    *cp = v;
    return j - i;
  }
  while (j < n && j - i <= 32 && is_alnum(h[j])) ++j;
  const std::string_view name = h.substr(i + 1, j - i - 1);
  if (name.empty()) return 0;
  const bool semi = j < n && h[j] == ';';
  if (semi) {
    for (const auto& e : kEntities) {
      if (name == e.name) {
        *cp = e.cp;
        return j + 1 - i;
      }
    }
    return 0;
  }
  for (const char* l : kLegacy) {
    if (name == l) {
      for (const auto& e : kEntities) {
        if (name == e.name) *cp = e.cp;
      }
      return j - i;
    }
  }
  return 0;
}

// ----- tags -----------------------------------------------------------------------------

struct Tag {
  char name[16] = {};  // lower-case; empty when longer than 15 bytes
  bool end_tag = false;
  std::string_view colspan, rowspan, charset, http_equiv, content;
  std::string_view view() const { return std::string_view(name); }
};

class TagReader {
 public:
  explicit TagReader(std::string_view h) : h_(h) {}

  // h[i] == '<' and h[i+1] is a letter (start tag) or '/' + letter (end tag): reads the tag
  // and returns the offset just past it.
  std::size_t read(std::size_t i, Tag* t) {
    const std::size_t n = h_.size();
    *t = Tag();
    std::size_t j = i + 1;
    if (h_[j] == '/') {
      t->end_tag = true;
      ++j;
    }
    const std::size_t n0 = j;
    while (j < n && !is_ws(h_[j]) && h_[j] != '/' && h_[j] != '>') ++j;
    if (j - n0 < sizeof(t->name)) {
      for (std::size_t k = n0; k < j; ++k) t->name[k - n0] = lower(h_[k]);
    }
    while (j < n) {
      const char c = h_[j];
      if (c == '>') return j + 1;
      if (is_ws(c) || c == '/') {
        ++j;
        continue;
      }
      const std::size_t a0 = j;
      do {
        ++j;
      } while (j < n && !is_ws(h_[j]) && h_[j] != '/' && h_[j] != '>' && h_[j] != '=');
      const std::string_view attr = h_.substr(a0, j - a0);
      while (j < n && is_ws(h_[j])) ++j;
      if (j >= n || h_[j] != '=') continue;
      ++j;
      while (j < n && is_ws(h_[j])) ++j;
      std::string_view value;
      if (j < n && (h_[j] == '"' || h_[j] == '\'')) {
        const std::size_t close = find_quote(h_[j], j + 1);
        if (close == kNpos) {
          // An unclosed quote: the value ends with the tag, at the next '>'.
          std::size_t gt = h_.find('>', j + 1);
          if (gt == kNpos) gt = n;
          value = h_.substr(j + 1, gt - j - 1);
          j = gt;
        } else {
          value = h_.substr(j + 1, close - j - 1);
          j = close + 1;
        }
      } else {
        const std::size_t v0 = j;
        while (j < n && !is_ws(h_[j]) && h_[j] != '>') ++j;
        value = h_.substr(v0, j - v0);
      }
      if (ieq(attr, "colspan")) {
        t->colspan = value;
      } else if (ieq(attr, "rowspan")) {
        t->rowspan = value;
      } else if (ieq(attr, "charset")) {
        t->charset = value;
      } else if (ieq(attr, "http-equiv")) {
        t->http_equiv = value;
      } else if (ieq(attr, "content")) {
        t->content = value;
      }
    }
    return n;
  }

 private:
  // The next `q` at or after `from`; remembers where none is left, so that many unclosed
  // quotes cost one search in all.
  std::size_t find_quote(char q, std::size_t from) {
    std::size_t& none = q == '"' ? no_dquote_ : no_squote_;
    if (from >= none) return kNpos;
    const std::size_t at = h_.find(q, from);
    if (at == kNpos) none = from;
    return at;
  }
  std::string_view h_;
  std::size_t no_dquote_ = kNpos, no_squote_ = kNpos;
};

// Skips a comment, doctype, processing instruction or bogus end tag at h[i] == '<'; returns
// the offset past it, or i when h[i] does not start one.
std::size_t skip_declaration(std::string_view h, std::size_t i) {
  const std::size_t n = h.size();
  if (i + 1 >= n) return i;
  const char c = h[i + 1];
  if (c == '!') {
    if (h.compare(i + 2, 2, "--") == 0) {
      const std::size_t end = h.find("-->", i + 2);
      return end == kNpos ? n : end + 3;
    }
    const std::size_t end = h.find('>', i + 2);
    return end == kNpos ? n : end + 1;
  }
  if (c == '?' || (c == '/' && i + 2 < n && !is_alpha(h[i + 2]))) {
    const std::size_t end = h.find('>', i + 2);
    return end == kNpos ? n : end + 1;
  }
  return i;
}

// The offset just past the end tag </name ...> closing raw text that starts at `from`, or n.
std::size_t skip_raw_text(std::string_view h, std::size_t from, std::string_view name) {
  const std::size_t n = h.size();
  std::size_t at = from;
  while (true) {
    at = h.find("</", at);
    if (at == kNpos) return n;
    const std::size_t after = at + 2 + name.size();
    if (istarts(h, at + 2, name) &&
        (after >= n || is_ws(h[after]) || h[after] == '>' || h[after] == '/')) {
      const std::size_t gt = h.find('>', after);
      return gt == kNpos ? n : gt + 1;
    }
    at += 2;
  }
}

std::uint32_t parse_span(std::string_view v, std::uint32_t max, bool zero_is_max) {
  std::size_t k = 0;
  while (k < v.size() && is_ws(v[k])) ++k;
  if (k < v.size() && v[k] == '+') ++k;
  std::uint32_t value = 0;
  bool any = false;
  while (k < v.size() && is_digit(v[k])) {
    any = true;
    value = std::min<std::uint32_t>(max + 1, value * 10 + static_cast<std::uint32_t>(v[k] - '0'));
    ++k;
  }
  if (!any) return 1;
  if (value == 0) return zero_is_max ? max : 1;
  return std::min(value, max);
}

// What an element does to the text: starts a line (block), hides its content (skipped), is
// a heading. Elements not listed (span, font, a, b, meta, ...) do nothing.
enum : unsigned { kBlock = 1, kSkipped = 2, kHeading = 4 };
struct ElementInfo {
  std::string_view name;
  unsigned flags;
};
constexpr ElementInfo kElements[] = {
    // sorted by name
    {"address", kBlock},
    {"applet", kSkipped},
    {"article", kBlock},
    {"aside", kBlock},
    {"blockquote", kBlock},
    {"body", kBlock},
    {"br", kBlock},
    {"caption", kBlock},
    {"center", kBlock},
    {"dd", kBlock},
    {"details", kBlock},
    {"dialog", kBlock},
    {"dir", kBlock},
    {"div", kBlock},
    {"dl", kBlock},
    {"dt", kBlock},
    {"fieldset", kBlock},
    {"figcaption", kBlock},
    {"figure", kBlock},
    {"footer", kBlock},
    {"form", kBlock},
    {"frame", kBlock},
    {"frameset", kBlock},
    {"h1", kBlock | kHeading},
    {"h2", kBlock | kHeading},
    {"h3", kBlock | kHeading},
    {"h4", kBlock | kHeading},
    {"h5", kBlock | kHeading},
    {"h6", kBlock | kHeading},
    {"header", kBlock},
    {"hgroup", kBlock},
    {"hr", kBlock},
    {"html", kBlock},
    {"iframe", kSkipped},
    {"legend", kBlock},
    {"li", kBlock},
    {"listing", kBlock},
    {"main", kBlock},
    {"math", kSkipped},
    {"menu", kBlock},
    {"nav", kBlock},
    {"noembed", kSkipped},
    {"noframes", kSkipped},
    {"noscript", kSkipped},
    {"object", kSkipped},
    {"ol", kBlock},
    {"optgroup", kBlock},
    {"option", kBlock},
    {"p", kBlock},
    {"pre", kBlock},
    {"script", kSkipped},
    {"section", kBlock},
    {"select", kSkipped},
    {"style", kSkipped},
    {"summary", kBlock},
    {"svg", kSkipped},
    {"tbody", kBlock},
    {"template", kSkipped},
    {"textarea", kSkipped},
    {"tfoot", kBlock},
    {"thead", kBlock},
    {"title", kSkipped},
    {"ul", kBlock},
};

constexpr bool elements_sorted() {
  for (std::size_t k = 1; k < sizeof(kElements) / sizeof(kElements[0]); ++k) {
    if (!(kElements[k - 1].name < kElements[k].name)) return false;
  }
  return true;
}
static_assert(elements_sorted(), "kElements must be sorted for the binary search");

unsigned element_flags(std::string_view name) {
  const auto* end = std::end(kElements);
  const auto* it =
      std::lower_bound(std::begin(kElements), end, name,
                       [](const ElementInfo& e, std::string_view n) { return e.name < n; });
  return it != end && it->name == name ? it->flags : 0;
}

// ----- the converter --------------------------------------------------------------------

class Converter {
 public:
  explicit Converter(std::string_view h) : h_(h), tags_(h) {}

  HtmlText run() {
    const std::size_t n = h_.size();
    std::size_t i = 0;
    Flow* cur = nullptr;
    while (i < n) {
      const char c = h_[i];
      if (c == '<') {
        const std::size_t skipped = skip_declaration(h_, i);
        if (skipped != i) {
          i = skipped;
          continue;
        }
        const bool start = i + 1 < n && is_alpha(h_[i + 1]);
        const bool end = i + 2 < n && h_[i + 1] == '/' && is_alpha(h_[i + 2]);
        if (start || end) {
          Tag t;
          const std::size_t after = tags_.read(i, &t);
          i = handle_tag(t, i, after);
          cur = nullptr;
          continue;
        }
      }
      if (!cur) cur = &sink();
      const auto o = static_cast<std::uint32_t>(i);
      if (c == '&') {
        char32_t cp = 0;
        const std::size_t len = parse_entity(h_, i, &cp);
        if (len > 0) {
          emit_cp(*cur, cp, o);
          i += len;
          continue;
        }
      }
      if (is_ws(c)) {
        if (pre_depth_ > 0 && c == '\n') {
          cur->newline(o);
        } else if (pre_depth_ > 0 && c != '\r') {
          cur->word(" ", o);
        } else {
          cur->space(o);
        }
        ++i;
        continue;
      }
      const std::size_t len = char_len(h_, i);
      if (len == 2 && static_cast<unsigned char>(c) == 0xC2 &&
          static_cast<unsigned char>(h_[i + 1]) == 0xA0) {
        cur->space(o);  // a raw no-break space
      } else {
        cur->word(h_.substr(i, len), o);
      }
      i += len;
    }
    while (!tables_.empty()) {
      close_table(static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(n));
    }
    HtmlText out;
    out.text = std::move(doc_.buf.text);
    out.origin = std::move(doc_.buf.origin);
    out.origin.push_back(static_cast<std::uint32_t>(n));
    return out;
  }

 private:
  void emit_cp(Flow& f, char32_t cp, std::uint32_t o) {
    if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == 0xA0) {
      f.space(o);
    } else if (cp == '\n') {
      if (pre_depth_ > 0) {
        f.newline(o);
      } else {
        f.space(o);
      }
    } else {
      std::string bytes;
      append_utf8(bytes, cp);
      f.word(bytes, o);
    }
  }

  // The flow that text goes to now.
  Flow& sink() {
    for (std::size_t k = tables_.size(); k-- > 0;) {
      TableCtx& t = tables_[k];
      if (t.caption_open) return t.caption;
      if (t.cell_open) return t.text;
    }
    return doc_;
  }
  // The innermost table with an open cell (where a nested table or heading stands).
  TableCtx* table_with_open_cell() {
    for (std::size_t k = tables_.size(); k-- > 0;) {
      if (tables_[k].cell_open || tables_[k].caption_open) return &tables_[k];
    }
    return nullptr;
  }

  static void close_cell(TableCtx& t) {
    if (t.cell_open) {
      CellRec& cell = t.rows.back().cells.back();
      cell.end = t.text.buf.text.size();
      cell.lines = t.text.lines - cell.lines;
    }
    t.cell_open = false;
    t.caption_open = false;
  }
  static void close_row(TableCtx& t, std::uint32_t at) {
    close_cell(t);
    if (t.row_open) t.rows.back().end = at;
    t.row_open = false;
  }
  static void open_row(TableCtx& t, std::uint32_t at) {
    close_row(t, at);
    RowRec row;
    row.tag = at;
    row.end = at;
    t.rows.push_back(std::move(row));
    t.row_open = true;
  }

  void open_table(std::uint32_t at) {
    if (TableCtx* outer = table_with_open_cell()) outer->layout = true;
    tables_.emplace_back();
    tables_.back().tag = at;
  }

  // Renders the innermost table into the sink around it; `at` is where its closing tag (or
  // the end of the source) stands, `end` where that tag ends.
  void close_table(std::uint32_t at, std::uint32_t end) {
    TableCtx t = std::move(tables_.back());
    tables_.pop_back();
    close_row(t, at);
    const Buf out = is_layout(t) ? render_layout(t) : render_grid(t, end - t.tag);
    sink().block(out, t.tag, at);
  }

  // Acts on a tag spanning [i, after); returns where reading goes on.
  std::size_t handle_tag(const Tag& t, std::size_t i, std::size_t after) {
    const std::string_view name = t.view();
    const auto o = static_cast<std::uint32_t>(i);
    const bool tables_live = ignored_tables_ == 0;
    const unsigned flags = element_flags(name);

    if (!t.end_tag) {
      if (flags & kSkipped) return skip_raw_text(h_, after, name);
      if (name == "pre" || name == "listing") ++pre_depth_;
      if (name == "table") {
        if (tables_live && tables_.size() < kMaxTableDepth) {
          open_table(o);
        } else {
          ++ignored_tables_;
          sink().newline(o);
        }
        return after;
      }
      if (name == "tr" || name == "td" || name == "th") {
        if (!tables_live) {
          if (name == "tr") {
            sink().newline(o);
          } else {
            sink().space(o);
          }
          return after;
        }
        if (tables_.empty()) open_table(o);  // a fragment of rows or cells
        TableCtx& tb = tables_.back();
        if (name == "tr") {
          open_row(tb, o);
          return after;
        }
        close_cell(tb);
        if (!tb.row_open) open_row(tb, o);
        CellRec cell;
        cell.tag = o;
        cell.colspan = parse_span(t.colspan, kMaxColspan, false);
        cell.rowspan = parse_span(t.rowspan, kMaxRowspan, true);
        tb.text.begin_segment();
        cell.begin = cell.end = tb.text.buf.text.size();
        cell.lines = tb.text.lines;  // the count so far, until the cell closes
        tb.rows.back().cells.push_back(cell);
        tb.cell_open = true;
        return after;
      }
      if (tables_live && !tables_.empty() &&
          (name == "tbody" || name == "thead" || name == "tfoot")) {
        close_row(tables_.back(), o);
        return after;
      }
      if (tables_live && !tables_.empty() && name == "caption") {
        TableCtx& tb = tables_.back();
        close_row(tb, o);
        tb.caption_open = true;
        tb.caption.newline(o);
        return after;
      }
      if (flags & kHeading) {
        if (TableCtx* tb = table_with_open_cell()) tb->layout = true;
      }
      if (flags & kBlock) sink().newline(o);
      return after;
    }

    // End tags.
    if (name == "pre" || name == "listing") {
      if (pre_depth_ > 0) --pre_depth_;
    }
    if (name == "table") {
      if (ignored_tables_ > 0) {
        --ignored_tables_;
        sink().newline(o);
      } else if (!tables_.empty()) {
        close_table(o, static_cast<std::uint32_t>(after));
      }
      return after;
    }
    if (tables_live && !tables_.empty()) {
      TableCtx& tb = tables_.back();
      if (name == "td" || name == "th") {
        close_cell(tb);
        return after;
      }
      if (name == "tr" || name == "tbody" || name == "thead" || name == "tfoot") {
        close_row(tb, o);
        return after;
      }
      if (name == "caption") {
        tb.caption_open = false;
        return after;
      }
    }
    if (name == "td" || name == "th") {
      sink().space(o);
    } else if (name == "tr" || (flags & kBlock)) {
      sink().newline(o);
    }
    return after;
  }

  std::string_view h_;
  TagReader tags_;
  Flow doc_;
  std::vector<TableCtx> tables_;
  std::size_t ignored_tables_ = 0;  // open tables beyond kMaxTableDepth
  int pre_depth_ = 0;
};

}  // namespace

HtmlText html_to_text(std::string_view html) { return Converter(html).run(); }

// ----- detection ------------------------------------------------------------------------

bool looks_like_html(std::string_view text) {
  const std::string_view w = text.substr(0, std::min<std::size_t>(text.size(), 8192));
  std::size_t i = 0;
  if (w.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  while (i < w.size() && is_ws(w[i])) ++i;
  if (istarts(w, i, "<!doctype html") || istarts(w, i, "<html") || istarts(w, i, "<?xml") ||
      istarts(w, i, "<!--")) {
    return true;
  }
  // Clipboard HTML as Windows stores it (CF_HTML).
  if (istarts(w, i, "version:") && w.find("StartHTML:") != kNpos) return true;

  static constexpr std::string_view kKnown[] = {
      "html", "head", "body",  "meta",   "title",   "table",   "tbody",  "thead",   "tr",
      "td",   "th",   "p",     "div",    "span",    "br",      "h1",     "h2",      "h3",
      "h4",   "h5",   "h6",    "ul",     "ol",      "li",      "font",   "strong",  "b",
      "a",    "img",  "style", "script", "section", "article", "center", "caption", "hr"};
  std::size_t tags = 0;
  bool first_is_tag = false;
  bool document = false;
  std::size_t at = i;
  while ((at = w.find('<', at)) != kNpos) {
    std::size_t j = at + 1;
    if (j < w.size() && w[j] == '/') ++j;
    const std::size_t n0 = j;
    while (j < w.size() && is_alnum(w[j])) ++j;
    const std::string_view name = w.substr(n0, j - n0);
    bool known = false;
    for (std::string_view k : kKnown) known = known || ieq(name, k);
    // A tag name must be followed by whitespace, '/' or '>', and the tag must close soon.
    const bool shaped = j < w.size() && (is_ws(w[j]) || w[j] == '/' || w[j] == '>');
    if (known && shaped) {
      const std::string_view rest = w.substr(j, 1024);
      const std::size_t gt = rest.find('>');
      const std::size_t lt = rest.find('<');
      if (gt != kNpos && (lt == kNpos || gt < lt)) {
        ++tags;
        if (at == i) first_is_tag = true;
        if (ieq(name, "html") || ieq(name, "body") || ieq(name, "head")) document = true;
      }
    }
    at = at + 1;
  }
  if (first_is_tag || document) return true;
  // Otherwise the markup must dominate: at least as many tags as lines of plain text.
  std::size_t plain_lines = 0;
  std::size_t ls = 0;
  while (ls < w.size()) {
    std::size_t le = w.find('\n', ls);
    if (le == kNpos) le = w.size();
    const std::string_view line = w.substr(ls, le - ls);
    bool visible = false;
    for (char c : line) visible = visible || !is_ws(c);
    if (visible && line.find('<') == kNpos) ++plain_lines;
    ls = le + 1;
  }
  return tags >= 4 && tags >= plain_lines;
}

std::string html_declared_charset(std::string_view bytes) {
  const std::string_view w = bytes.substr(0, std::min<std::size_t>(bytes.size(), 32768));
  TagReader reader(w);
  std::size_t i = 0;
  while ((i = w.find('<', i)) != kNpos) {
    const std::size_t skipped = skip_declaration(w, i);
    if (skipped != i) {
      i = skipped;
      continue;
    }
    if (i + 1 >= w.size() || !is_alpha(w[i + 1])) {
      ++i;
      continue;
    }
    Tag t;
    const std::size_t after = reader.read(i, &t);
    const std::string_view name = t.view();
    if (name == "script" || name == "style") {
      i = skip_raw_text(w, after, name);
      continue;
    }
    i = after;
    if (name != "meta") continue;
    std::string_view value;
    if (!t.charset.empty()) {
      value = t.charset;
    } else if (ieq(t.http_equiv, "content-type")) {
      const std::string_view c = t.content;
      for (std::size_t k = 0; k + 8 <= c.size(); ++k) {
        if (istarts(c, k, "charset")) {
          std::size_t v = k + 7;
          while (v < c.size() && is_ws(c[v])) ++v;
          if (v >= c.size() || c[v] != '=') continue;
          ++v;
          while (v < c.size() && (is_ws(c[v]) || c[v] == '"' || c[v] == '\'')) ++v;
          std::size_t e = v;
          while (e < c.size() && !is_ws(c[e]) && c[e] != ';' && c[e] != '"' && c[e] != '\'') {
            ++e;
          }
          value = c.substr(v, e - v);
          break;
        }
      }
    }
    while (!value.empty() && is_ws(value.front())) value.remove_prefix(1);
    while (!value.empty() && is_ws(value.back())) value.remove_suffix(1);
    if (value.empty()) continue;
    std::string out;
    for (char c : value.substr(0, 40)) out.push_back(lower(c));
    return out;
  }
  return "";
}

}  // namespace nianbao::detail
