// Rows: the cells of each row of the layout, values put into them, and the shape issues a
// row can raise (missing, or a number count that differs from its cell count: then its cells
// are marked ambiguous and nothing is guessed).
#include <utility>

#include "tables/tables_internal.hpp"

namespace nianbao::detail::tables {

RowSpec t2_row(std::size_t row) {
  const T2RowDef& def = kT2Rows[row];
  std::size_t first = 0;  // dense ids follow kT2Rows' order
  for (std::size_t r = 0; r < row; ++r) first += kT2Rows[r].ids.size();
  RowSpec s;
  s.table = 2;
  s.label = def.label;
  s.label_en = def.label_en;
  for (std::size_t k = 0; k < def.ids.size(); ++k) s.cells.push_back(t2_cell(first + k));
  s.decimal_last = def.decimal;
  return s;
}

RowSpec t3_row(int row) {
  const RowDef& def = kT3Rows[static_cast<std::size_t>(row)];
  RowSpec s;
  s.table = 3;
  s.label = def.label;
  s.label_en = def.label_en;
  for (int c = 0; c < static_cast<int>(kT3Columns.size()); ++c) s.cells.push_back(t3_cell(row, c));
  return s;
}

RowSpec t4_row() {
  RowSpec s;
  s.table = 4;
  s.label = "表四数据行";
  s.label_en = "table 4 data row";
  for (int g = 0; g < static_cast<int>(kT4Groups.size()); ++g) {
    for (int c = 0; c < static_cast<int>(kT4Columns.size()); ++c) s.cells.push_back(t4_cell(g, c));
  }
  return s;
}

CellRead cell_from(const Document& doc, const Token& tk, bool decimal_cell) {
  CellRead c;
  c.offset = doc.orig(tk.nb);
  c.raw = doc.raw(tk.nb, tk.ne);
  c.decimal = decimal_cell;
  if (tk.kind == TokKind::blank) {
    c.status = CellStatus::blank;
    c.raw.clear();
  } else if (tk.kind == TokKind::placeholder) {
    c.status = CellStatus::placeholder;
  } else {
    c.status = CellStatus::ok;
    c.value = tk.value;
    c.negative = tk.negative;
    c.unit = tk.unit;
    if (tk.decimal && !decimal_cell) c.decimal = true;  // flagged by the value rule
  }
  return c;
}

ShapeIssue issue_for(ShapeKind kind, const RowSpec& spec) {
  ShapeIssue is;
  is.kind = kind;
  is.table = spec.table;
  is.row = spec.label;
  is.row_en = spec.label_en;
  is.cells = spec.cells;
  return is;
}

void missing_row(Tables& t, const RowSpec& spec) {
  t.issues.push_back(issue_for(ShapeKind::missing_row, spec));
}

namespace {

// The row's numbers as the note quotes them: at most 20, blanks as (空).
std::string quoted_numbers(const Document& doc, const std::vector<Token>& vals) {
  std::string seen;
  for (std::size_t k = 0; k < vals.size() && k < 20; ++k) {
    if (!seen.empty()) seen += " ";
    seen += vals[k].kind == TokKind::blank ? std::string("(空)") : doc.raw(vals[k].nb, vals[k].ne);
  }
  if (vals.size() > 20) seen += " …";
  return seen;
}

}  // namespace

void assign_row(const Document& doc, Tables& t, const RowSpec& spec, const std::vector<Token>& vals,
                std::size_t label_nb) {
  const std::size_t n = spec.cells.size();
  if (vals.size() == n) {
    for (std::size_t k = 0; k < n; ++k) {
      t.cells[spec.cells[k]] = cell_from(doc, vals[k], spec.decimal_last && k + 1 == n);
    }
    return;
  }
  ShapeIssue is = issue_for(ShapeKind::cell_count, spec);
  is.expected = static_cast<int>(n);
  is.found = static_cast<int>(vals.size());
  is.offset = vals.empty() ? doc.orig(label_nb) : doc.orig(vals.front().nb);
  for (const Token& v : vals) is.numbers.push_back(cell_from(doc, v, false));
  CellRead c;
  if (vals.empty()) {
    c.status = CellStatus::unreadable;
    c.offset = doc.orig(label_nb);
    c.note = "该行未读到数字";
  } else {
    c.status = CellStatus::ambiguous;
    c.offset = doc.orig(vals.front().nb);
    c.note = "该行读到" + std::to_string(vals.size()) + "个数字（" + quoted_numbers(doc, vals) +
             "），应为" + std::to_string(n) + "个，无法确定对应关系";
  }
  for (std::size_t k = 0; k < n; ++k) {
    c.decimal = spec.decimal_last && k + 1 == n;
    t.cells[spec.cells[k]] = c;
  }
  t.issues.push_back(std::move(is));
}

}  // namespace nianbao::detail::tables
