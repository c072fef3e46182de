// The narrative's figures against the tables: applications (table 3), reviews and lawsuits
// (table 4, with the outcome words 均维持 / 未被纠错), and table 2; a figure that agrees only
// under a wider reading is noted as narrative-reading (format.md §9, §11 E8, §12). A figure about
// another stock, date, period or area (清理, 截至…, 累计, 上年, 全市 in a department's report;
// Fact::context) is compared as info at most.
#include <algorithm>
#include <cmath>

#include "rules/narrative/claims.hpp"
#include "rules/narrative/section_text.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kNarrativeApplications{
    "narrative-applications",
    {"正文申请数字与表三不一致", "Narrative application figures differ from table 3"},
    Severity::warning,
    {"正文中关于政府信息公开申请的数字（收到/受理/新收、上年结转、办结/"
     "答复、结转下年度、按申请人类别、"
     "按办理结果分组）应与表三一致。“受理”可能指本年新收，也可能含上年结转：只要报告自身的数字允"
     "许其中一种"
     "理解即视为一致，并注明按哪种理解；两种理解都不符时才报告。",
     "Figures the narrative gives about applications (received, carried over, concluded, "
     "carried forward, by applicant type, by result group) must match table 3. Where the "
     "wording allows several readings (受理 may or may not include carried-over "
     "applications), any reading the report's own numbers allow is accepted."},
    "《政府信息公开条例》第五十条；format.md §9、§11 E8",
    check,
    Applies::template_format,
};

extern const RuleDef kNarrativeReviewLitigation{
    "narrative-review-litigation",
    {"正文复议诉讼情况与表四不一致", "Narrative review/lawsuit figures differ from table 4"},
    Severity::warning,
    {"正文中的行政复议、行政诉讼（未经复议直接起诉、复议后起诉）件数及结果（维持、纠正、其他、尚"
     "未审结），"
     "以及“均维持”“未被纠错”“无败诉”等表述，应与表四一致。表四数字个数异常时，按表四数字所有可能"
     "的读法"
     "比较，所有读法都不符时才报告。",
     "Review and lawsuit counts and outcomes stated in the narrative, and words such as "
     "均维持 (all upheld) or 未被纠错 (never corrected), must match table 4. When table 4 is "
     "ambiguous every reading of its numbers is tried."},
    "《政府信息公开条例》第五十条第（三）项；format.md §9、§11 E8",
    nullptr,  // checked with narrative-applications
    Applies::template_format,
};

extern const RuleDef kNarrativeTable2{
    "narrative-table2",
    {"正文主动公开数字与表二不一致", "Narrative figures differ from table 2"},
    Severity::warning,
    {"正文中规章、行政规范性文件的制发、废止、现行有效件数，行政许可、行政处罚、行政强制的处理决"
     "定数量，"
     "以及行政事业性收费金额，应与表二一致。只写“公开”“发布”而未写“制发”的，按本年制发或现行有效"
     "两种理解"
     "比较，不符时仅作提示。",
     "Figures the narrative gives about rules, normative documents, licensing, penalty and "
     "coercion decisions and administrative fees must match table 2."},
    "《政府信息公开条例》第二十条；format.md §9",
    nullptr,  // checked with narrative-applications
    Applies::template_format,
};

extern const RuleDef kNarrativeReading{
    "narrative-reading",
    {"正文数字按另一种口径与表格一致", "Narrative figure matches the table under another reading"},
    Severity::info,
    {"正文数字与表格的直接对应项不同，但按另一种口径一致（如“受理33件”等于本年新收31件加上年结转2"
     "件），"
     "或表格有歧义而正文数字与其中的读法一致。仅作说明，不是错误。",
     "The narrative figure matches the table only under a wider reading (e.g. received "
     "including carried-over applications), or matches one reading of an ambiguous table."},
    "format.md §9（受理 vs 新收）、§12",
    nullptr,  // checked with narrative-applications
    Applies::template_format,
};

namespace {

const RuleDef& rule_of(const Claim& c) {
  switch (c.table) {
    case ClaimTable::t4:
      return kNarrativeReviewLitigation;
    case ClaimTable::t2:
      return kNarrativeTable2;
    case ClaimTable::t3:
      break;
  }
  return kNarrativeApplications;
}

// The cells of all of a claim's formulas, each once, in order.
std::vector<CellId> claim_cells(const Claim& c) {
  std::vector<CellId> cells;
  for (const auto& fm : c.formulas) {
    for (const CellId id : fm.ids) {
      if (std::find(cells.begin(), cells.end(), id) == cells.end()) cells.push_back(id);
    }
  }
  return cells;
}

bool table_found(const Tables& t, const std::vector<CellId>& cells) {
  switch (cells.empty() ? 3 : table_of(cells.front())) {
    case 2:
      return t.t2_found;
    case 4:
      return t.t4_found;
    default:
      return t.t3_found;
  }
}

// How one formula fared over every reading of the tables.
struct FormulaOutcome {
  bool usable = false;  // some reading gives it a value
  bool some = false;    // some reading equals the claim
  bool all = true;      // every reading has a value equal to the claim
  std::set<double> values;
};

// A fact against its claim: one outcome per formula, and what messages say about table 4.
struct Comparison {
  std::vector<FormulaOutcome> formulas;
  std::size_t readings = 1;
  bool ambiguous = false;  // table 4 is involved and ambiguous
  std::string amb_zh, amb_en;
  bool any_usable() const {
    return std::any_of(formulas.begin(), formulas.end(),
                       [](const FormulaOutcome& o) { return o.usable; });
  }
};

// The note on an ambiguous table 4 that messages end with.
void describe_ambiguity(const TableReadings& tables, Comparison& cmp) {
  if (!cmp.ambiguous) return;
  if (tables.reading_count() > 0) {
    cmp.amb_zh =
        "（表四数字个数异常，读到的数字为“" + tables.t4_numbers() + "”，已按其所有可能的读法比较）";
    cmp.amb_en = " (table 4 is ambiguous: its numbers '" + tables.t4_numbers() +
                 "' were tried in every possible placement)";
  } else {
    cmp.amb_zh = "（表四数字的栏目无法确定）";
    cmp.amb_en = " (the columns of table 4's numbers cannot be settled)";
  }
}

Comparison compare(const TableReadings& tables, const Claim& c, double claimed) {
  bool t4 = false;
  for (const auto& fm : c.formulas) t4 = t4 || tables.uses_t4(fm);
  Comparison cmp;
  cmp.readings = t4 ? tables.reading_count() : 1;
  cmp.ambiguous = t4 && tables.t4_ambiguous();
  cmp.formulas.resize(c.formulas.size());
  for (std::size_t r = 0; r < cmp.readings; ++r) {
    for (std::size_t k = 0; k < c.formulas.size(); ++k) {
      FormulaOutcome& o = cmp.formulas[k];
      const auto v = tables.sum(c.formulas[k], r);
      if (!v) {
        o.all = false;
        continue;
      }
      o.usable = true;
      o.values.insert(*v);
      const bool eq = std::fabs(*v - claimed) <= c.tolerance + 1e-9;
      o.some = o.some || eq;
      o.all = o.all && eq;
    }
  }
  describe_ambiguity(tables, cmp);
  return cmp;
}

// What a finding about one fact shares: the fact, its claim, and how it compared.
struct FactFinding {
  const Fact& fact;
  const Claim& claim;
  const Comparison& cmp;
  double claimed;
  std::string quoted, quoted_en;
  std::string context, context_en;  // why the figure is compared as info at most, or ""
};

// Why a figure speaks of something else than the table's cell (another stock, date, period,
// or a whole area's figure in a department's report): it is then compared as info at most.
std::pair<std::string, std::string> context_note(const RuleContext& ctx, const Fact& f) {
  const std::string w = "（“" + f.context_word + "”：";
  const std::string w_en = " ('" + f.context_word + "': ";
  const std::string tail = "，与表格的口径不同，仅作提示）";
  const std::string tail_en = ", not what the table counts; noted only)";
  switch (f.context) {
    case FigureContext::cleanup:
      return {w + "此数是清理时的存量" + tail, w_en + "the stock at a clean-up" + tail_en};
    case FigureContext::as_of:
      return {w + "此数是另一时点的数字" + tail, w_en + "a figure as of another date" + tail_en};
    case FigureContext::cumulative:
      return {w + "此数是累计数" + tail, w_en + "a cumulative figure" + tail_en};
    case FigureContext::other_year:
      return {w + "此数是其他年度的数字" + tail, w_en + "another year's figure" + tail_en};
    case FigureContext::none:
      break;
  }
  if (f.area_wide && agency_kind(ctx.doc.outline.agency.value_or("")) == AgencyKind::department) {
    return {"（此数是全地区的数字，不是本部门的，与表格的口径不同，仅作提示）",
            " (a whole area's figure, not the department's own; noted only)"};
  }
  return {};
}

void add_unusable(const FactFinding& x, const std::vector<CellId>& cells, Emitter& em) {
  const Formula& f0 = x.claim.formulas[0];
  Finding& fd = em.add(
      rule_of(x.claim), Severity::info, FindingStatus::uncertain,
      x.quoted + "无法与表格核对：" + f0.zh + "的单元格缺失、无法读取或有歧义" + x.cmp.amb_zh,
      x.quoted_en + " cannot be checked: the cells of " + f0.en +
          " are missing, unreadable or ambiguous" + x.cmp.amb_en,
      x.fact.offset, cell_names(cells));
  fd.actual = x.fact.value;
}

// Table 4 is ambiguous, but every consistent reading gives the narrative's figure.
void add_confirmed_reading(const FactFinding& x, Emitter& em) {
  const Formula& f0 = x.claim.formulas[0];
  Finding& fd =
      em.add(kNarrativeReading, FindingStatus::uncertain,
             x.quoted + "与" + f0.zh + "一致：表四数字个数异常，但按所有合乎算术的读法，" + f0.zh +
                 "均为" + fmt_num(x.claimed) + "，正文印证了这一读法",
             x.quoted_en + " agrees with " + f0.en +
                 ": table 4 is ambiguous but every consistent reading gives " + fmt_num(x.claimed),
             x.fact.offset, cell_names(f0.ids));
  fd.expected = x.claimed;
  fd.actual = x.fact.value;
}

// The figure agrees with formula k under some reading only (k = 0), or with a wider formula.
void add_other_reading(const FactFinding& x, std::size_t k, Emitter& em) {
  const Formula& f0 = x.claim.formulas[0];
  const FormulaOutcome& o0 = x.cmp.formulas[0];
  std::string zh, en;
  if (k == 0) {
    zh = x.quoted + "与表四的部分读法一致（" + f0.zh + "可能为" + values_text(o0.values) +
         "），无法确定" + x.cmp.amb_zh;
    en = x.quoted_en + " agrees with some readings of table 4 only" + x.cmp.amb_en;
  } else {
    const Formula& fk = x.claim.formulas[k];
    const std::string direct =
        o0.usable ? f0.zh + "为" + values_text(o0.values) : f0.zh + "无法读取";
    zh = x.quoted + "与" + direct + "不同，但等于" + fk.zh + "（" + fmt_num(x.claimed) +
         "）：按此口径一致" + x.cmp.amb_zh;
    en = x.quoted_en + " differs from " + f0.en + " but equals " + fk.en + " (" +
         fmt_num(x.claimed) + "): consistent under that reading" + x.cmp.amb_en;
  }
  const FormulaOutcome& ok = x.cmp.formulas[k];
  Finding& fd = em.add(kNarrativeReading, FindingStatus::uncertain, zh, en, x.fact.offset,
                       cell_names(x.claim.formulas[k].ids));
  fd.expected = ok.values.empty() ? x.claimed : *ok.values.begin();
  fd.actual = x.fact.value;
}

// No formula fits under any reading.
void add_mismatch(const FactFinding& x, const std::vector<CellId>& cells, Emitter& em) {
  const Claim& c = x.claim;
  const FormulaOutcome& o0 = x.cmp.formulas[0];
  std::string zh = x.quoted + "与表格不符：" + c.formulas[0].zh;
  std::string en = x.quoted_en + " does not match the table: " + c.formulas[0].en;
  if (o0.usable) {
    zh += (o0.values.size() > 1 ? "可能为" : "为") + values_text(o0.values);
    en += (o0.values.size() > 1 ? " can be " : " is ") + values_text(o0.values);
  } else {
    zh += "无法读取";
    en += " is unreadable";
  }
  for (std::size_t k = 1; k < c.formulas.size(); ++k) {
    const FormulaOutcome& o = x.cmp.formulas[k];
    if (!o.usable) continue;
    zh += "；按“" + c.formulas[k].zh + "”理解为" + values_text(o.values) + "，也不一致";
    en += "; read as " + c.formulas[k].en + " it is " + values_text(o.values) + ", no match either";
  }
  if (c.scale != 1) {
    const std::string v = fmt_num(x.fact.value), claimed = fmt_num(x.claimed);
    zh += "（正文" + v + x.fact.unit + "折合" + claimed + "万元）";
    en += " (the narrative's " + v + " yuan is " + claimed + " x 10,000 yuan)";
  }
  const Severity sev = x.context.empty() ? c.severity : Severity::info;
  Finding& fd = em.add(rule_of(c), sev, FindingStatus::fail, zh + x.cmp.amb_zh + x.context,
                       en + x.cmp.amb_en + x.context_en, x.fact.offset, cell_names(cells));
  if (o0.usable && o0.values.size() == 1) fd.expected = *o0.values.begin();
  fd.actual = x.fact.value;
}

// Compares one fact with its formulas over every reading of the tables.
void compare_fact(const RuleContext& ctx, const Fact& f, Emitter& em) {
  const auto claim = claim_for(ctx.doc, f);
  if (!claim) return;
  const std::vector<CellId> cells = claim_cells(*claim);
  if (!table_found(ctx.doc.tables, cells)) {
    em.not_assessable();
    return;
  }
  const double claimed = f.value * claim->scale;
  const Comparison cmp = compare(ctx.readings, *claim, claimed);
  const auto [context, context_en] = context_note(ctx, f);
  const FactFinding x{f,
                      *claim,
                      cmp,
                      claimed,
                      "正文“" + f.phrase + "”",
                      "the narrative's '" + f.phrase + "'",
                      context,
                      context_en};
  if (cmp.readings == 0 || !cmp.any_usable()) {
    add_unusable(x, cells, em);
    return;
  }
  if (cmp.formulas[0].all && cmp.formulas[0].usable) {
    if (cmp.ambiguous) {
      add_confirmed_reading(x, em);
    } else {
      em.pass();
    }
    return;
  }
  for (std::size_t k = 0; k < cmp.formulas.size(); ++k) {
    if (!cmp.formulas[k].some) continue;
    add_other_reading(x, k, em);
    return;
  }
  add_mismatch(x, cells, em);
}

// 均维持 / 未被纠错: the groups' corrected (and other and pending) cells are 0.
void check_outcome(const RuleContext& ctx, const OutcomeClaim& o, Emitter& em) {
  if (!ctx.doc.tables.t4_found) {
    em.not_assessable();
    return;
  }
  const bool all_upheld = o.kind == OutcomeKind::all_upheld;
  Formula fm;
  for (int col : all_upheld ? std::vector<int>{1, 2, 3} : std::vector<int>{1}) {
    for (const CellId id : t4_column(o.review, o.direct, o.after_review, col)) {
      fm.ids.push_back(id);
    }
  }
  std::string groups;
  if (o.review) groups += "行政复议";
  if (o.direct || o.after_review) {
    groups += std::string(groups.empty() ? "" : "、") + (o.direct && o.after_review ? "行政诉讼"
                                                         : o.direct                 ? "直接起诉"
                                                                    : "复议后起诉");
  }
  fm.zh = groups + (all_upheld ? "的结果纠正、其他结果、尚未审结合计" : "的结果纠正");
  fm.en = all_upheld ? "corrected + other + pending" : "corrected";
  const auto vs = ctx.readings.possible(fm);
  const std::string q = "正文“" + o.phrase + "”";
  const std::string q_en = "the narrative's '" + o.phrase + "'";
  const auto ids = cell_names(fm.ids);
  if (vs.empty()) {
    em.add(kNarrativeReviewLitigation, Severity::info, FindingStatus::uncertain,
           q + "无法与表四核对：相关单元格无法读取或有歧义",
           q_en + " cannot be checked against table 4", o.offset, ids);
  } else if (vs.count(0.0) && vs.size() == 1) {
    em.pass();
  } else if (vs.count(0.0)) {
    em.add(kNarrativeReviewLitigation, Severity::info, FindingStatus::uncertain,
           q + "：表四有歧义，" + fm.zh + "可能为" + values_text(vs) + "，无法确定",
           q_en + ": table 4 is ambiguous", o.offset, ids);
  } else {
    Finding& f =
        em.add(kNarrativeReviewLitigation, FindingStatus::fail,
               q + "，但表四" + fm.zh + (vs.size() > 1 ? "可能为" : "为") + values_text(vs) +
                   (all_upheld ? "，并非全部维持" : "，并非未被纠错"),
               q_en + ", but table 4's " + fm.en + " is " + values_text(vs), o.offset, ids);
    f.expected = *vs.begin();
    f.actual = 0;
  }
}

void check(const RuleContext& ctx, Emitter& em) {
  for (const auto& f : ctx.facts.facts) {
    if (f.topic == Topic::fee_notices || f.topic == Topic::fee_amount) continue;  // narrative-fee
    compare_fact(ctx, f, em);
  }
  for (const auto& o : ctx.facts.outcomes) check_outcome(ctx, o, em);
}

}  // namespace
}  // namespace nianbao::detail
