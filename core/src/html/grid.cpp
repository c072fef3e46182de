// Tables: a table read into rows of cells (CellRec: where its text lies in the table's text,
// its spans) rendered when it closes. A data table becomes a grid: one line per row, cells
// joined by TABs, rowspan/colspan expanded so that a spanned slot is an empty cell and every
// number stands in its true column. A layout table (page content set in a table) becomes the
// blocks of its cells one after another. A grid far larger than the table's source (a colspan
// of a thousand in a dozen bytes) is read without spans.
#include "html_internal.hpp"

namespace nianbao::detail::html_internal {

namespace {

constexpr std::size_t kLayoutCellLines = 8;  // a cell with more lines is page content
constexpr std::size_t kLayoutCellBytes = 4000;

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

constexpr int kFree = -1, kHeld = -2;
struct Slot {
  int cell = kFree;  // index of the cell in its row, kFree or kHeld
  bool start = false;
};

// The slots of every row, and the grid's width.
struct Grid {
  std::vector<std::vector<Slot>> rows;
  std::size_t width = 0;
};

// Places the cells by the HTML table model: each cell takes the first free column of its row
// and occupies colspan columns there and in the next rowspan-1 rows. False when the slots
// placed, or the grid, exceed `limit`.
bool place_cells(const TableCtx& t, std::size_t limit, Grid* grid) {
  std::size_t used = 0;
  grid->rows.resize(t.rows.size());
  std::vector<std::uint32_t> span_left;  // rows still held below, per column
  std::size_t shown_rows = 0;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    auto& g = grid->rows[r];
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
      if (used > limit) return false;
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
    grid->width = std::max(grid->width, g.size());
    if (used > limit) return false;
  }
  return grid->width * shown_rows <= limit;
}

// Writes the placed grid: the caption, then one line per row that has cells of its own.
Buf write_grid(const TableCtx& t, Grid& grid) {
  const std::size_t width = grid.width;
  Buf out;
  if (!t.caption.buf.empty()) put_flat(out, t.caption.buf);
  std::vector<std::uint32_t> tab_origin;
  bool first_row = true;
  std::uint32_t last_end = t.tag;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const RowRec& row = t.rows[r];
    if (row.cells.empty()) continue;  // a row with no cell of its own shows nothing
    auto& g = grid.rows[r];
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

}  // namespace

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

Buf render_grid(const TableCtx& t, std::size_t source_bytes) {
  // Slots placed and written are bounded by the table's size in the source (a colspan can
  // ask for a thousand columns in a dozen bytes); beyond that the table is read without spans.
  // Real tables take far fewer: table 3 is 10 x 28 slots in several KB of markup, and even
  // bare <td>0</td> cells take 9 bytes each.
  const std::size_t limit = std::max<std::size_t>(std::size_t{1} << 16, source_bytes / 2);
  Grid grid;
  if (!place_cells(t, limit, &grid)) return render_plain(t);
  return write_grid(t, grid);
}

}  // namespace nianbao::detail::html_internal
