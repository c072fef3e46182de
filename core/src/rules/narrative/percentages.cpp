// Percentages the narrative states (予以公开及部分公开208件（17.46%）, 自然人申请占92%, 纠错率为0%)
// against the tables, within the precision written (format.md §9 percentages, §11 E8).
//
// Each percentage has readings, the direct one first: a result group's share of the results
// total (办理结果总计), an applicant type's share of the applications received, an outcome's
// share of its group, corrected cases over the cases of the groups named. Wider readings: the
// other bases reports use (本年新收+上年结转, 本年新收), the narrative's own count, truncation
// instead of rounding, for a rate the other groups. What a value admits is set by its digits
// (17.46% admits [17.455, 17.465)) and its words (约 ±5 units of the last digit, 近 up to 5
// below, 超/以上 at least, 不足/以下 at most).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "rules/narrative/claims.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kNarrativePercentage{
    "narrative-percentage",
    {"正文百分比与表格不符", "Narrative percentage does not match the tables"},
    Severity::warning,
    {"正文给出的百分比（如“予以公开及部分公开208件（17.46%）”“自然人申请占92%”“纠错率为0%”）"
     "按表格数字计算核对：办理结果各类占办理结果总计的比例，申请人类别占本年新收的比例，复议诉讼"
     "结果占该组总计的比例，纠错率为结果纠正占总计的比例。允许的误差由写出的精度决定（17.46%即"
     "±0.005个百分点，17.5%即±0.05）；“约、近、超过、以上、不足”等按其含义放宽。所有读法都不符"
     "时提示警告；只有按较宽的读法（以本年新收加上年结转或本年新收为基数、按正文自己的件数、按截尾"
     "而非四舍五入）才相符时，仅作说明。",
     "Percentages in the narrative are computed from the tables: a result group over the "
     "results total, an applicant type over the applications received, an outcome over its "
     "group's total, a correction rate as corrected over total. The tolerance is the precision "
     "written (17.46% means ±0.005 points); 约/近/超过/以上/不足 widen it as they say. No "
     "reading fitting is a warning; one fitting only under a wider reading (another base, the "
     "narrative's own count, truncation) is noted as info."},
    "《政府信息公开条例》第五十条；format.md §9（percentages）、§11 E8",
    check,
    Applies::template_format,
};

namespace {

CellId t3(int row, int col = 6) { return t3_cell(row, col); }

bool is_result_topic(Topic t) {
  switch (t) {
    case Topic::res_granted:
    case Topic::res_partial:
    case Topic::res_granted_partial:
    case Topic::res_withheld:
    case Topic::res_unavailable:
    case Topic::res_declined:
    case Topic::res_other:
      return true;
    default:
      return false;
  }
}

// The table-4 group (0 review, 1 direct lawsuit, 2 lawsuit after review) of a table-4 cell.
int table4_group(CellId id) {
  return static_cast<int>((index(id) - kT2CellCount - kT3CellCount) / kT4Columns.size());
}

// A ratio a percentage may mean: num / den × 100, and how messages name the reading.
struct Ratio {
  Formula num, den;
  std::string zh, en;      // the reading ("以办理结果总计为基数")
  bool narrative = false;  // num is the narrative's own count (Percentage::count)
};

const Formula kResults{"办理结果总计", "results total", {t3(kRowResultsTotal)}};
const Formula kNew{"本年新收", "new applications", {t3(kRowNew)}};
const Formula kNewAndCarried{
    "本年新收+上年结转", "new + carried over", {t3(kRowNew), t3(kRowCarriedIn)}};

// Ratios with `num` over each base in turn, the first one direct.
void over_bases(std::vector<Ratio>& out, const Formula& num, std::initializer_list<Formula> dens) {
  for (const Formula& den : dens) {
    out.push_back({num, den, "以" + den.zh + "为基数", "over " + den.en, false});
  }
}

// A correction rate over the groups: corrected / total.
Ratio rate_of(bool rv, bool lit, const char* zh, const char* en) {
  Ratio r;
  r.num = {std::string(zh) + "结果纠正", std::string(en) + " corrected",
           t4_column(rv, lit, lit, 1)};
  r.den = {std::string(zh) + "总计", std::string(en) + " total", t4_column(rv, lit, lit, 4)};
  r.zh = std::string("按") + zh + "计算";
  r.en = std::string("for ") + en;
  return r;
}

// The readings of a percentage, the direct one first; empty when no table speaks of it.
std::vector<Ratio> ratios(const Document& doc, const Percentage& p) {
  std::vector<Ratio> out;
  if (p.correction_rate) {
    const bool rv = p.review || !p.lawsuit, lit = p.lawsuit || !p.review;
    out.push_back(rate_of(rv, lit,
                          rv && lit ? "行政复议和行政诉讼"
                          : rv      ? "行政复议"
                                    : "行政诉讼",
                          rv && lit ? "reviews and lawsuits"
                          : rv      ? "reviews"
                                    : "lawsuits"));
    if (rv && lit) {
      out.push_back(rate_of(true, false, "行政复议", "reviews"));
      out.push_back(rate_of(false, true, "行政诉讼", "lawsuits"));
    } else {
      out.push_back(rate_of(true, true, "行政复议和行政诉讼", "reviews and lawsuits"));
    }
    return out;
  }
  Fact f;
  f.topic = p.topic;
  f.parent = p.parent;
  const auto claim = claim_for(doc, f);
  if (!claim || claim->formulas.empty()) return out;
  const Formula& num = claim->formulas[0];
  if (is_result_topic(p.topic)) {
    over_bases(out, num, {kResults, kNewAndCarried, kNew});
  } else if (p.topic == Topic::app_natural || p.topic == Topic::app_org) {
    over_bases(out, num, {kNew});
    if (claim->formulas.size() > 1) over_bases(out, claim->formulas[1], {kNewAndCarried});
  } else if (p.topic == Topic::app_carried_out) {
    over_bases(out, num, {kNewAndCarried, kNew});
  } else {  // a table-4 outcome over its group's total
    std::vector<CellId> total;
    for (const CellId id : num.ids) total.push_back(t4_cell(table4_group(id), 4));
    over_bases(out, num, {Formula{"该组总计", "the group's total", total}});
  }
  if (p.has_count) {
    const std::size_t direct = out.size();
    for (std::size_t k = 0; k < direct; ++k) {
      Ratio r = out[k];
      r.narrative = true;
      r.zh = "按正文的件数" + r.zh;
      r.en = "the narrative's count " + r.en;
      out.push_back(std::move(r));
    }
  }
  return out;
}

// Whether the computed value v fits the stated one, as written (or truncated, when `trunc`).
bool fits(double v, const Percentage& p, bool trunc) {
  const double u = std::pow(10.0, -p.decimals), half = u / 2, eps = 1e-9;
  const double x = p.value;
  switch (p.approx) {
    case Approx::about:
      return v >= x - 5 * u - eps && v <= x + 5 * u + eps;
    case Approx::nearly:
      return v >= x - 5 * u - eps && v < x + half + eps;
    case Approx::over:
      return v >= x - half - eps;
    case Approx::under:
      return v < x + half + eps;
    case Approx::exact:
      break;
  }
  if (trunc) return v >= x - eps && v < x + u - eps;
  return v >= x - half - eps && v < x + half - eps;
}

// A ratio's values over the readings of the tables (none where a cell is unreadable or the
// base is 0).
std::vector<double> values(const TableReadings& tr, const Ratio& r, const Percentage& p) {
  const bool t4 = tr.uses_t4(r.num) || tr.uses_t4(r.den);
  const std::size_t n = t4 ? tr.reading_count() : 1;
  std::vector<double> out;
  for (std::size_t k = 0; k < n; ++k) {
    const auto num = r.narrative ? std::optional<double>(p.count) : tr.sum(r.num, k);
    const auto den = tr.sum(r.den, k);
    if (num && den && *den > 0) out.push_back(*num / *den * 100);
  }
  return out;
}

std::string pct_text(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f%%", std::max(2, decimals + 1), v);
  return buf;
}

// The first wider reading that fits: a reading index, with truncation or not; none: -1.
struct Wider {
  int ratio = -1;
  bool trunc = false;
  double value = 0;
};

Wider wider_fit(const std::vector<std::vector<double>>& vals, const Percentage& p) {
  for (std::size_t k = 0; k < vals.size(); ++k) {
    for (const bool trunc : {false, true}) {
      if (k == 0 && !trunc && vals[0].size() <= 1) continue;  // the direct reading, as written
      for (double v : vals[k]) {
        if (fits(v, p, trunc)) return {static_cast<int>(k), trunc, v};
      }
    }
  }
  return {};
}

void check_one(const RuleContext& ctx, const Percentage& p, Emitter& em) {
  const std::vector<Ratio> rs = ratios(ctx.doc, p);
  if (rs.empty()) return;
  std::vector<std::vector<double>> vals;
  bool any = false;
  for (const auto& r : rs) {
    vals.push_back(values(ctx.readings, r, p));
    any = any || !vals.back().empty();
  }
  const Ratio& direct = rs[0];
  const std::vector<double>& dv = vals[0];
  if (!any) {
    em.not_assessable();
    return;
  }
  if (!dv.empty() &&
      std::all_of(dv.begin(), dv.end(), [&](double v) { return fits(v, p, false); })) {
    em.pass();
    return;
  }
  std::vector<CellId> cells = direct.num.ids;
  cells.insert(cells.end(), direct.den.ids.begin(), direct.den.ids.end());
  const std::string q = "正文“" + p.phrase + "”", q_en = "the narrative's '" + p.phrase + "'";
  const std::string computed =
      dv.empty() ? direct.num.zh + "÷" + direct.den.zh + "无法计算"
                 : direct.num.zh + "÷" + direct.den.zh + "=" + pct_text(dv.front(), p.decimals);
  const std::string computed_en =
      dv.empty() ? "cannot be computed"
                 : direct.num.en + " / " + direct.den.en + " = " + pct_text(dv.front(), p.decimals);
  const Wider w = wider_fit(vals, p);
  if (w.ratio >= 0) {
    const Ratio& r = rs[static_cast<std::size_t>(w.ratio)];
    const std::string how = w.trunc ? r.zh + "并截尾" : r.zh;
    Finding& f =
        em.add(kNarrativePercentage, Severity::info, FindingStatus::uncertain,
               q + "：" + computed + "，与所写精度不符；" + how + "为" +
                   pct_text(w.value, p.decimals) + "，按此理解相符",
               q_en + ": " + computed_en + "; it fits " + r.en + (w.trunc ? " (truncated)" : "") +
                   " (" + pct_text(w.value, p.decimals) + ")",
               p.offset, cell_names(cells));
    f.actual = p.value;
    return;
  }
  Finding& f =
      em.add(kNarrativePercentage, FindingStatus::fail, q + "与表格不符：" + computed,
             q_en + " does not match the tables: " + computed_en, p.offset, cell_names(cells));
  if (dv.size() == 1)
    f.expected = std::round(dv.front() * std::pow(10.0, p.decimals)) / std::pow(10.0, p.decimals);
  f.actual = p.value;
}

void check(const RuleContext& ctx, Emitter& em) {
  for (const auto& p : ctx.facts.percentages) check_one(ctx, p, em);
}

}  // namespace
}  // namespace nianbao::detail
