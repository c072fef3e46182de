// The information processing fee (国办函〔2020〕109号): table 3's row "fee notice not paid"
// against what section 六 says (narrative-fee, format.md T3-12), and section 六 mentioning fees at
// all (section6-no-fee, format.md §2.1, §11 E13).
#include "facts.hpp"
#include "rules/narrative/section_text.hpp"
#include "rules/rule.hpp"
#include "scope.hpp"

namespace nianbao::detail {

namespace {
void check_fee(const RuleContext& ctx, Emitter& em);
void check_section6(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kNarrativeFee{
    "narrative-fee",
    {"信息处理费与收费通知情况矛盾或未报告",
     "Information processing fee contradicts table 3 or is not reported"},
    Severity::error,
    {"表三“申请人逾期未按收费通知要求缴纳费用”不为0，说明本年至少发出了同样数量的收费通知。此时第"
     "六部分"
     "应报告收费通知件数，且不得称未发出收费通知或未发生收费事项；正文的收费通知件数也不得少于该"
     "行数字。"
     "只写“未收取信息处理费”并不矛盾（申请人可能均未缴费），但未报告收费通知件数。",
     "If table 3's row 'fee notice not paid' is non-zero, at least that many fee notices "
     "were issued: section 6 must report them and must not say none were issued."},
    "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；format.md T3-12、§2.1",
    check_fee,
    Applies::template_format,
};

extern const RuleDef kSection6NoFee{
    "section6-no-fee",
    {"第六部分未报告信息处理费", "Section 6 says nothing about fees"},
    Severity::warning,
    {"2021年格式要求在第六部分报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（发"
     "出收费通知的"
     "件数和总金额、实际收取的总金额）。第六部分完全未提及信息处理费或收费的，属于内容缺项。",
     "Section 6 should report the information processing fee (notices issued, amounts); it "
     "does not mention fees at all."},
    "国办公开办函〔2021〕30号；国办函〔2020〕109号；format.md §2.1、§11 E13",
    check_section6,
    Applies::template_format,
    Needs::whole_report,
};

namespace {

// Table 3's unpaid-fee cell (总计) and what it says.
struct UnpaidFees {
  CellId cell;
  double count;
  std::string text;  // the count as messages show it
};

// Statements that no notice was issued / no fee matter arose; returns whether there were any.
bool check_zero_statements(const RuleContext& ctx, const UnpaidFees& u, Emitter& em) {
  bool reported = false;
  for (const auto& z : ctx.facts.zeros) {
    if (z.kind != ZeroKind::fee_notice) continue;
    reported = true;
    if (u.count <= 0) {
      em.pass();
      continue;
    }
    Finding& f = em.add(kNarrativeFee, FindingStatus::fail,
                        "正文“" + z.phrase + "”，但表三有" + u.text +
                            "件申请因申请人逾期未按收费通知缴费而不再处理，说明至少发出了" +
                            u.text + "份收费通知",
                        "the narrative's '" + z.phrase + "', but table 3 has " + u.text +
                            " applications dropped for unpaid fee notices",
                        z.offset, {cell_name(u.cell)});
    f.expected = u.count;
    f.actual = 0;
  }
  return reported;
}

// The notice counts the narrative gives; returns whether there were any.
bool check_notice_counts(const RuleContext& ctx, const UnpaidFees& u, Emitter& em) {
  bool reported = false;
  for (const auto& f : ctx.facts.facts) {
    if (f.topic != Topic::fee_notices) continue;
    reported = true;
    if (f.value >= u.count) {
      em.pass();
      continue;
    }
    Finding& fd =
        em.add(kNarrativeFee, FindingStatus::fail,
               "正文“" + f.phrase + "”，但表三有" + u.text +
                   "件申请因逾期未按收费通知缴费而不再处理，收费通知不可能少于" + u.text + "份",
               "the narrative's '" + f.phrase + "' is fewer than the " + u.text +
                   " applications table 3 dropped for unpaid fee notices",
               f.offset, {cell_name(u.cell)});
    fd.expected = u.count;
    fd.actual = f.value;
  }
  return reported;
}

void check_fee(const RuleContext& ctx, Emitter& em) {
  const Tables& t = ctx.doc.tables;
  if (t.t3_single_other_row) return;  // 2019 layout: no such row
  const CellId cell = t3_cell(kRowUnpaidFee, 6);
  const CellRead* c = t.cell(cell);
  if (!t.t3_found || !c) {
    em.not_assessable();
    return;
  }
  if (c->status != CellStatus::ok && c->status != CellStatus::blank &&
      c->status != CellStatus::placeholder) {
    em.not_assessable();
    return;
  }
  const double unpaid = c->status == CellStatus::ok ? c->value.value_or(0) : 0;
  const UnpaidFees u{cell, unpaid, fmt_num(unpaid)};
  const bool zero_statements = check_zero_statements(ctx, u, em);
  const bool notice_counts = check_notice_counts(ctx, u, em);
  // (A negative count is cell-value's finding.)
  if (zero_statements || notice_counts || unpaid < 0) return;
  if (unpaid == 0) {
    em.pass();
    return;
  }
  // Notices were issued, and the narrative says nothing of them (an excerpt without section 六
  // may say it in the part not pasted).
  if (ctx.scope.excerpt && !ctx.doc.outline.section(6)) {
    em.not_assessable();
    return;
  }
  std::size_t where = heading_offset(ctx.doc, 6);
  if (where == kNoOffset && c->located()) where = c->offset;
  Finding& f = em.add(kNarrativeFee, Severity::warning, FindingStatus::fail,
                      "表三有" + u.text +
                          "件申请因申请人逾期未按收费通知缴费而不再处理，说明本年至少发出了" +
                          u.text + "份收费通知，但正文未报告发出收费通知的件数",
                      "table 3 has " + u.text +
                          " applications dropped for unpaid fee notices, so at least that many "
                          "notices were issued, but the narrative does not report them",
                      where, {cell_name(cell)});
  f.expected = unpaid;
}

void check_section6(const RuleContext& ctx, Emitter& em) {
  if (!asks_2021_content(ctx.doc) || !ctx.doc.outline.part(6)) return;
  if (has_any(section_body(ctx.doc, 6), {"信息处理费", "收费", "费用", "处理费", "缴费"})) {
    em.pass();
    return;
  }
  em.add(kSection6NoFee, FindingStatus::fail,
         "第六部分未提及信息处理费或收费情况（应报告发出收费通知的件数和金额、实际收取的金额）",
         "section 6 does not mention the information processing fee", heading_offset(ctx.doc, 6));
}

}  // namespace
}  // namespace nianbao::detail
