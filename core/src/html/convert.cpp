// HTML to text (see html.hpp). One forward pass over the source:
//
//   markup   comments, doctype, processing instructions: skipped; tags: parsed (name and the
//            few attributes used: colspan, rowspan, charset, http-equiv, content, name);
//            <script>, <style>, <title>, <select>, ... : their content skipped (a browser
//            does not show it either); the first <title> and the page's <meta> fields are
//            kept aside (HtmlText::meta).
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
#include "html_internal.hpp"
#include "text.hpp"

namespace nianbao::detail::html_internal {

namespace {

constexpr std::size_t kMaxTableDepth = 16;    // deeper tables are read as plain blocks
constexpr std::uint32_t kMaxColspan = 1000;   // the HTML limits
constexpr std::uint32_t kMaxRowspan = 65534;  //

class Converter {
 public:
  explicit Converter(std::string_view h) : h_(h), tags_(h) {}

  HtmlText run() {
    const std::size_t n = h_.size();
    std::size_t i = 0;
    Flow* cur = nullptr;
    while (i < n) {
      if (h_[i] == '<') {
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
      i = text(*cur, i);
    }
    while (!tables_.empty()) {
      close_table(static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(n));
    }
    HtmlText out;
    out.meta = std::move(out_meta_);
    out.text = std::move(doc_.buf.text);
    out.origin = std::move(doc_.buf.origin);
    out.origin.push_back(static_cast<std::uint32_t>(n));
    return out;
  }

 private:
  // Writes the text character (or reference) at h[i] to `f`; returns the offset after it.
  std::size_t text(Flow& f, std::size_t i) {
    const char c = h_[i];
    const auto o = static_cast<std::uint32_t>(i);
    if (c == '&') {
      char32_t cp = 0;
      const std::size_t len = parse_entity(h_, i, &cp);
      if (len > 0) {
        emit_cp(f, cp, o);
        return i + len;
      }
    }
    if (is_ws(c)) {
      if (pre_depth_ > 0 && c == '\n') {
        f.newline(o);
      } else if (pre_depth_ > 0 && c != '\r') {
        f.word(" ", o);
      } else {
        f.space(o);
      }
      return i + 1;
    }
    const std::size_t len = char_len(h_, i);
    if (len == 2 && static_cast<unsigned char>(c) == 0xC2 &&
        static_cast<unsigned char>(h_[i + 1]) == 0xA0) {
      f.space(o);  // a raw no-break space
    } else {
      f.word(h_.substr(i, len), o);
    }
    return i + len;
  }

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
  // A <td>/<th> at `at`: a new cell of the current row (a row is opened if none is).
  static void open_cell(TableCtx& tb, const Tag& t, std::uint32_t at) {
    close_cell(tb);
    if (!tb.row_open) open_row(tb, at);
    CellRec cell;
    cell.tag = at;
    cell.colspan = parse_span(t.colspan, kMaxColspan, false);
    cell.rowspan = parse_span(t.rowspan, kMaxRowspan, true);
    tb.text.begin_segment();
    cell.begin = cell.end = tb.text.buf.text.size();
    cell.lines = tb.text.lines;  // the count so far, until the cell closes
    tb.rows.back().cells.push_back(cell);
    tb.cell_open = true;
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
    return t.end_tag ? end_tag(t, i, after) : start_tag(t, i, after);
  }

  std::size_t start_tag(const Tag& t, std::size_t i, std::size_t after) {
    const std::string_view name = t.view();
    const auto o = static_cast<std::uint32_t>(i);
    const bool tables_live = ignored_tables_ == 0;
    const unsigned flags = element_flags(name);
    if (flags & kSkipped) {
      const std::size_t past = skip_raw_text(h_, after, name);
      if (name == "title") {
        const std::size_t close = past > after ? h_.rfind('<', past - 1) : kNpos;
        note_title(h_, after, close == kNpos || close < after ? past : close, &out_meta_);
      }
      return past;
    }
    if (name == "meta") note_meta(h_, t, &out_meta_);
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
      if (name == "tr") {
        open_row(tables_.back(), o);
      } else {
        open_cell(tables_.back(), t, o);
      }
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

  std::size_t end_tag(const Tag& t, std::size_t i, std::size_t after) {
    const std::string_view name = t.view();
    const auto o = static_cast<std::uint32_t>(i);
    const bool tables_live = ignored_tables_ == 0;
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
    } else if (name == "tr" || (element_flags(name) & kBlock)) {
      sink().newline(o);
    }
    return after;
  }

  std::string_view h_;
  TagReader tags_;
  Flow doc_;
  std::vector<TableCtx> tables_;
  PageMeta out_meta_;
  std::size_t ignored_tables_ = 0;  // open tables beyond kMaxTableDepth
  int pre_depth_ = 0;
};

}  // namespace

}  // namespace nianbao::detail::html_internal

namespace nianbao::detail {

HtmlText html_to_text(std::string_view html) { return html_internal::Converter(html).run(); }

}  // namespace nianbao::detail
