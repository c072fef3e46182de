// Table 3 balances per column: new + carried in = results total + carried out (format.md T3-1),
// with the hint of T3-10 when two applicant columns are off by equal and opposite amounts.
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kT3Balance{
    "t3-balance",
    {"表三勾稽关系不平衡", "Table 3 does not balance"},
    Severity::error,
    {"表三左上角注明：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”，即每一"
     "列"
     "“本年新收 + 上年结转 = 办理结果总计 + "
     "结转下年度继续办理”。两个申请人类别一栏多一栏少、总计平衡时，"
     "通常是同一申请在不同行被归入不同申请人类别。",
     "Each column must satisfy new + carried in = results total + carried out, as printed in "
     "the table's stub. Equal and opposite differences in two applicant columns mean one "
     "application was classified differently in different rows."},
    "国办公开办函〔2021〕30号表三表头注释；format.md T3-1、T3-10",
    check,
    Applies::template_format,
};

namespace {

// One column's outcome: whether it failed, its difference (out - in) and its finding (an index
// into the emitter's findings, which later findings may move).
struct Column {
  bool failed = false;
  double delta = 0;
  std::size_t finding = 0;
};

// Checks column c.
Column check_column(const Document& doc, int c, Emitter& em) {
  const Sum in = sum_of(doc, {t3_cell(kRowNew, c), t3_cell(kRowCarriedIn, c)});
  const Sum out = sum_of(doc, {t3_cell(kRowResultsTotal, c), t3_cell(kRowCarriedOut, c)});
  if (!in.usable || !out.usable) {
    em.not_assessable();
    return {};
  }
  if (out.value == in.value) {
    em.pass();
    return {};
  }
  auto v = [&](int row) {
    const CellRead* x = doc.tables.cell(t3_cell(row, c));
    return x && x->value ? fmt_num(*x->value) : std::string("0");
  };
  const auto col = static_cast<std::size_t>(c);
  std::string msg = std::string(kT3ColumnLabels[col]) + "一栏：本年新收(" + v(kRowNew) +
                    ")+上年结转(" + v(kRowCarriedIn) + ")=" + fmt_num(in.value) +
                    "，但办理结果总计(" + v(kRowResultsTotal) + ")+结转下年度(" +
                    v(kRowCarriedOut) + ")=" + fmt_num(out.value) + zeroed_note(in, out, false);
  std::string en = std::string("column ") + kT3ColumnLabelsEn[col] + ": new (" + v(kRowNew) +
                   ") + carried in (" + v(kRowCarriedIn) + ") = " + fmt_num(in.value) +
                   ", but results total (" + v(kRowResultsTotal) + ") + carried out (" +
                   v(kRowCarriedOut) + ") = " + fmt_num(out.value) + zeroed_note(in, out, true);
  Finding& f = em.add(kT3Balance, FindingStatus::fail, msg, en, offset_of(doc, t3_cell(kRowNew, c)),
                      cell_names({t3_cell(kRowNew, c), t3_cell(kRowCarriedIn, c),
                                  t3_cell(kRowResultsTotal, c), t3_cell(kRowCarriedOut, c)}));
  f.expected = in.value;
  f.actual = out.value;
  return {true, out.value - in.value, em.findings().size() - 1};
}

// T3-10: two applicant columns off by equal and opposite amounts while 总计 balances: one
// application was probably counted under different applicant types in different rows.
void add_misclassification_hint(const Column (&cols)[7], std::vector<Finding>& findings) {
  std::vector<int> bad;
  for (int c = 0; c < 6; ++c) {
    if (cols[c].failed) bad.push_back(c);
  }
  if (cols[6].failed || bad.size() != 2 || cols[bad[0]].delta != -cols[bad[1]].delta) return;
  for (int c : bad) {
    const auto self = static_cast<std::size_t>(c);
    const auto other = static_cast<std::size_t>(c == bad[0] ? bad[1] : bad[0]);
    Finding& f = findings[cols[c].finding];
    f.message +=
        std::string("。“") + kT3ColumnLabels[self] + "”与“" + kT3ColumnLabels[other] +
        "”两栏差额相等、方向相反，而总计平衡：很可能是同一申请在不同行被归入了不同的申请人类别";
    f.message_en += std::string("; columns ") + kT3ColumnLabelsEn[self] + " and " +
                    kT3ColumnLabelsEn[other] +
                    " differ by equal and opposite amounts while the total balances: the "
                    "application was probably counted under different applicant types in "
                    "different rows";
  }
}

void check(const RuleContext& ctx, Emitter& em) {
  if (!ctx.doc.tables.t3_found) {
    em.not_assessable(7);
    return;
  }
  Column cols[7];
  for (int c = 0; c < 7; ++c) cols[c] = check_column(ctx.doc, c, em);
  add_misclassification_hint(cols, em.findings());
}

}  // namespace
}  // namespace nianbao::detail
