// Table 2 settled by last year's report (issue 13): a row of run-together digits that cuts
// several ways, when exactly one cut satisfies last year's 现行有效 + this year's 制发 − 废止 =
// this year's 现行有效. Runs only with a comparable previous report (check(), before the
// result is described); each settled cell says so in its note, and cross-in-force reports the
// row as an uncertain info (the identity chose the reading, so it proves nothing).
#include "rules/cross/cross.hpp"
#include "tables/tables_internal.hpp"

namespace nianbao::detail {

const ShapeIssue* t2_run_issue(const Document& doc, std::size_t row) {
  const std::vector<CellId> cells = tables::t2_row(row).cells;
  for (const ShapeIssue& is : doc.tables.issues) {
    if (is.kind == ShapeKind::run_together && is.table == 2 && is.cells == cells) return &is;
  }
  return nullptr;
}

std::vector<SettledRow> settle_by_previous(Document& doc, const Document& previous) {
  std::vector<SettledRow> out;
  Tables& t = doc.tables;
  for (std::size_t row = 0; row < 2; ++row) {
    const tables::RowSpec spec = tables::t2_row(row);
    const auto before = cross_value(previous, spec.cells[2]);
    const ShapeIssue* is = t2_run_issue(doc, row);
    if (!before || is == nullptr || !is->all_cuts || spec.cells.size() != 3) continue;
    std::vector<const Cut*> fit;
    for (const Cut& c : is->cuts) {
      if (c.size() == 3 && *before + c[0].value - c[1].value == c[2].value) fit.push_back(&c);
    }
    if (fit.size() != 1) continue;
    SettledRow s{row, is->run, *fit.front(), *before, is->offset};
    tables::fill_cut(doc, t, spec, s.cut,
                     std::string(tables::kRunNote) + "；按上一年度报告的现行有效件数" +
                         fmt_num(*before) +
                         "（上年现行有效 + 本年制发 − 本年废止 = 本年现行有效）确定");
    t.issues.erase(t.issues.begin() + (is - t.issues.data()));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace nianbao::detail
