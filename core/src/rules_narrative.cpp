// Narrative rules: what the text says against what the tables show (format.md §2.1, §8,
// §9, §11 E5/E8/E12–E14, T3-12, S-6/S-7). The facts come from facts.cpp; this file only
// compares them with the tables and words the findings.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "facts.hpp"
#include "rules.hpp"

namespace nianbao::detail {

std::vector<RuleInfo> narrative_rule_infos() {
  return {
      {"narrative-applications", "正文申请数字与表三不一致",
       "Narrative application figures differ from table 3", Severity::warning,
       "正文中关于政府信息公开申请的数字（收到/受理/新收、上年结转、办结/"
       "答复、结转下年度、按申请人类别、"
       "按办理结果分组）应与表三一致。“受理”可能指本年新收，也可能含上年结转：只要报告自身的数字允"
       "许其中一种"
       "理解即视为一致，并注明按哪种理解；两种理解都不符时才报告。",
       "Figures the narrative gives about applications (received, carried over, concluded, "
       "carried forward, by applicant type, by result group) must match table 3. Where the "
       "wording allows several readings (受理 may or may not include carried-over "
       "applications), any reading the report's own numbers allow is accepted.",
       "《政府信息公开条例》第五十条；format.md §9、§11 E8"},
      {"narrative-review-litigation", "正文复议诉讼情况与表四不一致",
       "Narrative review/lawsuit figures differ from table 4", Severity::warning,
       "正文中的行政复议、行政诉讼（未经复议直接起诉、复议后起诉）件数及结果（维持、纠正、其他、尚"
       "未审结），"
       "以及“均维持”“未被纠错”“无败诉”等表述，应与表四一致。表四数字个数异常时，按表四数字所有可能"
       "的读法"
       "比较，所有读法都不符时才报告。",
       "Review and lawsuit counts and outcomes stated in the narrative, and words such as "
       "均维持 (all upheld) or 未被纠错 (never corrected), must match table 4. When table 4 is "
       "ambiguous every reading of its numbers is tried.",
       "《政府信息公开条例》第五十条第（三）项；format.md §9、§11 E8"},
      {"narrative-zero-claim", "正文称未发生，表格却有数字",
       "Narrative denies what the table shows", Severity::error,
       "正文称未收到政府信息公开申请、未发生行政复议或行政诉讼，而表三、表四相应单元格不为0，二者必"
       "有一错。",
       "The narrative says no applications were received or no review/lawsuit took place, "
       "but the corresponding table cells are not zero.",
       "format.md §9（zero statements）、§11 E8"},
      {"narrative-table2", "正文主动公开数字与表二不一致", "Narrative figures differ from table 2",
       Severity::warning,
       "正文中规章、行政规范性文件的制发、废止、现行有效件数，行政许可、行政处罚、行政强制的处理决"
       "定数量，"
       "以及行政事业性收费金额，应与表二一致。只写“公开”“发布”而未写“制发”的，按本年制发或现行有效"
       "两种理解"
       "比较，不符时仅作提示。",
       "Figures the narrative gives about rules, normative documents, licensing, penalty and "
       "coercion decisions and administrative fees must match table 2.",
       "《政府信息公开条例》第二十条；format.md §9"},
      {"narrative-fee", "信息处理费与收费通知情况矛盾或未报告",
       "Information processing fee contradicts table 3 or is not reported", Severity::error,
       "表三“申请人逾期未按收费通知要求缴纳费用”不为0，说明本年至少发出了同样数量的收费通知。此时第"
       "六部分"
       "应报告收费通知件数，且不得称未发出收费通知或未发生收费事项；正文的收费通知件数也不得少于该"
       "行数字。"
       "只写“未收取信息处理费”并不矛盾（申请人可能均未缴费），但未报告收费通知件数。",
       "If table 3's row 'fee notice not paid' is non-zero, at least that many fee notices "
       "were issued: section 6 must report them and must not say none were issued.",
       "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；format.md T3-12、§2.1"},
      {"narrative-partition", "正文办理结果分项之和不等于办结总数",
       "Narrative result groups do not add up to its own total", Severity::warning,
       "正文列出了全部六类办理结果（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）时"
       "，"
       "各项之和应等于正文自己给出的办结（答复）总数。",
       "When the narrative lists all six result groups, they must add up to the number of "
       "applications it says were concluded.",
       "format.md §9（narrative partition）、§11 E8"},
      {"narrative-reading", "正文数字按另一种口径与表格一致",
       "Narrative figure matches the table under another reading", Severity::info,
       "正文数字与表格的直接对应项不同，但按另一种口径一致（如“受理33件”等于本年新收31件加上年结转2"
       "件），"
       "或表格有歧义而正文数字与其中的读法一致。仅作说明，不是错误。",
       "The narrative figure matches the table only under a wider reading (e.g. received "
       "including carried-over applications), or matches one reading of an ambiguous table.",
       "format.md §9（受理 vs 新收）、§12"},
      {"year-consistency", "年份前后不一致", "Years do not agree", Severity::error,
       "标题年份应与前言的统计期限（YYYY年1月1日至12月31日）以及总体情况首句“YYYY年，…”的年份一致"
       "。",
       "The title year must equal the year of the statistical period in the preamble and the "
       "year that opens section 1.",
       "format.md §2、§8 Y-1"},
      {"year-stale", "正文出现上年或其他年份作为本年", "Narrative presents another year as current",
       Severity::warning,
       "正文以“YYYY年，我局…”的句式叙述本年工作，但YYYY为上一年或其他年份（比较、上年结转、整改情况"
       "除外），"
       "通常是照搬上年报告时遗留的年份。",
       "A sentence presents the previous (or another) year as the current one, usually left "
       "over from last year's report.",
       "format.md §8 Y-2、§11 E5 E12；国办公开办函〔2021〕30号“（四）明确责任”"},
      {"publication-late", "发布日期晚于法定期限", "Publication date after the legal deadline",
       Severity::error,
       "《条例》第四十九条：县级以上人民政府部门应于每年1月31日前公布上一年度报告，县级以上地方人民"
       "政府"
       "应于每年3月31日前公布（2019年以前的报告统一为3月31日）。报告中写明的日期晚于期限的，至少从"
       "文本看"
       "属于逾期发布。乡镇、街道及无法判断机关类型的不检查。",
       "Departments publish by 31 January, local people's governments by 31 March; a date in "
       "the text later than that means late publication as far as the text shows.",
       "《政府信息公开条例》第四十九条；format.md S-6、S-7、§11 E1"},
      {"section5-no-problem", "第五部分没有写存在的问题", "Section 5 names no problem",
       Severity::warning,
       "第五部分应写明政府信息公开工作存在的主要问题及改进情况。只有下一步计划、没有任何问题陈述（"
       "问题、不足、"
       "短板、差距、有待、仍需等）的，不符合要求。",
       "Section 5 must name the main problems, not only plans.",
       "《政府信息公开条例》第五十条第（四）项；format.md §2.1、§11 E14"},
      {"section6-no-fee", "第六部分未报告信息处理费", "Section 6 says nothing about fees",
       Severity::warning,
       "2021年格式要求在第六部分报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（发"
       "出收费通知的"
       "件数和总金额、实际收取的总金额）。第六部分完全未提及信息处理费或收费的，属于内容缺项。",
       "Section 6 should report the information processing fee (notices issued, amounts); it "
       "does not mention fees at all.",
       "国办公开办函〔2021〕30号；国办函〔2020〕109号；format.md §2.1、§11 E13"},
      {"section1-topics", "总体情况缺少规定内容", "Section 1 lacks required topics", Severity::info,
       "第一部分“总体情况”应概述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障"
       "五方面"
       "情况。未出现相应关键词的方面在此列出，供核对。",
       "Section 1 should cover proactive disclosure, disclosure on request, information "
       "management, platforms, and supervision; the topics not found are listed.",
       "国办公开办函〔2021〕30号；format.md §2.1"},
  };
}

namespace {

using Reading = std::vector<std::optional<double>>;  // the 15 table-4 cells

struct Formula {
  std::string zh, en;
  std::vector<std::string> ids;
};

// The table side: table 2/3 cells as read, table 4 as one or more readings.
class TableSide {
 public:
  explicit TableSide(const Document& doc) : doc_(doc) {
    Reading direct(15);
    bool ambiguous = false;
    for (int g = 0; g < 3; ++g) {
      for (int c = 0; c < 5; ++c) {
        const CellRead* x = doc.tables.cell(t4_id(g, c));
        direct[static_cast<std::size_t>(g * 5 + c)] = plain(x);
        t4_ids_.push_back(t4_id(g, c));
        ambiguous = ambiguous || (x && x->status == CellStatus::ambiguous);
      }
    }
    if (ambiguous) {
      t4_ambiguous_ = true;
      enumerate(doc.tables.cell(t4_id(0, 0)));
    } else {
      readings_.push_back(direct);
    }
  }
  bool t4_ambiguous() const { return t4_ambiguous_; }
  const std::string& t4_numbers() const { return t4_numbers_; }
  std::size_t reading_count() const { return readings_.size(); }

  std::optional<double> value(const std::string& id, std::size_t reading) const {
    if (id.compare(0, 3, "t4.") == 0) {
      if (readings_.empty()) return std::nullopt;
      for (std::size_t k = 0; k < t4_ids_.size(); ++k) {
        if (t4_ids_[k] == id) return readings_[reading][k];
      }
      return std::nullopt;
    }
    return plain(doc_.tables.cell(id));
  }
  std::optional<double> sum(const Formula& f, std::size_t reading) const {
    double s = 0;
    for (const auto& id : f.ids) {
      const auto v = value(id, reading);
      if (!v) return std::nullopt;
      s += *v;
    }
    return s;
  }
  bool uses_t4(const Formula& f) const {
    for (const auto& id : f.ids) {
      if (id.compare(0, 3, "t4.") == 0) return true;
    }
    return false;
  }

 private:
  static std::optional<double> plain(const CellRead* c) {
    if (!c) return std::nullopt;
    if (c->status == CellStatus::blank || c->status == CellStatus::placeholder) return 0.0;
    if (c->status != CellStatus::ok || !c->value) return std::nullopt;
    return c->value;
  }
  // T4-4: the numbers of an ambiguous data row placed, in order, into 15 slots (the others
  // blank); readings where every group's total equals the sum of its parts are kept.
  void enumerate(const CellRead* c) {
    if (!c) return;
    // The numbers of the row: the cell's raw text, else the list in its note
    // ("该行读到11个数字（5 2 0 0 7 …），…").
    std::string r = c->raw;
    if (r.empty()) {
      const std::size_t open = c->note.find("（");
      const std::size_t close = c->note.find("）", open == std::string::npos ? 0 : open);
      if (open == std::string::npos || close == std::string::npos) return;
      r = c->note.substr(open + 3, close - open - 3);
    }
    std::vector<double> nums;
    std::size_t i = 0;
    while (i < r.size()) {
      while (i < r.size() && r[i] == ' ') ++i;
      std::size_t e = i;
      while (e < r.size() && r[e] != ' ') ++e;
      if (e == i) break;
      const std::string tok = r.substr(i, e - i);
      if (tok == "(空)") {
        nums.push_back(0);
      } else {
        char* end = nullptr;
        const double v = std::strtod(tok.c_str(), &end);
        if (end != tok.c_str() + tok.size()) return;  // "…" or text: give up
        nums.push_back(v);
      }
      i = e;
    }
    t4_numbers_.clear();
    for (double v : nums) t4_numbers_ += (t4_numbers_.empty() ? "" : " ") + fmt_num(v);
    const int n = static_cast<int>(nums.size());
    if (n == 0 || n >= 15) return;
    std::vector<Reading> all, consistent;
    // The masks of exactly n of the 15 cells, in increasing order (Gosper's hack: the next
    // larger integer with the same number of bits set).
    for (unsigned mask = (1u << n) - 1; mask < (1u << 15);) {
      std::array<double, 15> cells{};
      int k = 0;
      for (int s = 0; s < 15; ++s) {
        if (mask & (1u << s))
          cells[static_cast<std::size_t>(s)] = nums[static_cast<std::size_t>(k++)];
      }
      bool ok = true;
      for (int g = 0; g < 3; ++g) {
        double parts = 0;
        for (int j = 0; j < 4; ++j) parts += cells[static_cast<std::size_t>(g * 5 + j)];
        ok = ok && parts == cells[static_cast<std::size_t>(g * 5 + 4)];
      }
      // Inconsistent readings are kept only while no consistent one has been found.
      if (ok || consistent.empty()) {
        (ok ? consistent : all).emplace_back(cells.begin(), cells.end());
      }
      const unsigned low = mask & (0u - mask);
      const unsigned ripple = mask + low;
      mask = (((ripple ^ mask) >> 2) / low) | ripple;
    }
    readings_ = consistent.empty() ? all : consistent;
    if (!consistent.empty()) t4_consistent_ = true;
  }

  const Document& doc_;
  std::vector<Reading> readings_;
  std::vector<std::string> t4_ids_;
  bool t4_ambiguous_ = false;
  bool t4_consistent_ = false;
  std::string t4_numbers_;
};

std::string t3(int row, int col = 6) { return t3_id(row, col); }

std::vector<std::string> t3_rows(const Document& doc, int from, int to, int col = 6) {
  std::vector<std::string> ids;
  for (int r = from; r <= to; ++r) {
    if (doc.tables.t3_single_other_row && (r == kRowNoCorrection || r == kRowUnpaidFee)) continue;
    ids.push_back(t3_id(r, col));
  }
  return ids;
}

std::vector<std::string> t4_col(bool rv, bool ld, bool lr, int col) {
  std::vector<std::string> ids;
  if (rv) ids.push_back(t4_id(0, col));
  if (ld) ids.push_back(t4_id(1, col));
  if (lr) ids.push_back(t4_id(2, col));
  return ids;
}

struct Groups {
  bool rv = false, ld = false, lr = false;
  std::string zh, en;
};

Groups groups_of(Topic t) {
  switch (t) {
    case Topic::rv:
      return {true, false, false, "行政复议", "administrative review"};
    case Topic::lit:
      return {false, true, true, "行政诉讼（直接起诉+复议后起诉）",
              "lawsuits (direct + after review)"};
    case Topic::ld:
      return {false, true, false, "未经复议直接起诉", "lawsuits without review"};
    case Topic::lr:
      return {false, false, true, "复议后起诉", "lawsuits after review"};
    default:
      return {true, true, true, "行政复议与行政诉讼合计", "reviews and lawsuits together"};
  }
}

struct Claim {
  std::string rule;
  Severity severity = Severity::warning;
  std::vector<Formula> formulas;  // primary first
  double scale = 1;               // claim value × scale is compared (元 → 万元)
  double tolerance = 0;
  std::string what_zh, what_en;  // the kind of figure, for messages
};

// The formulas a fact is compared with.
std::optional<Claim> claim_for(const Document& doc, const Fact& f) {
  Claim c;
  c.rule = "narrative-applications";
  auto add = [&](std::string zh, std::string en, std::vector<std::string> ids) {
    c.formulas.push_back({std::move(zh), std::move(en), std::move(ids)});
  };
  std::vector<std::string> org_new, org_both;
  for (int col = 1; col <= 5; ++col) {
    org_new.push_back(t3_id(kRowNew, col));
    org_both.push_back(t3_id(kRowNew, col));
    org_both.push_back(t3_id(kRowCarriedIn, col));
  }
  switch (f.topic) {
    case Topic::app_new:
      c.what_zh = "收到申请数";
      c.what_en = "applications received";
      if (f.with_carried_in) {
        add("本年新收+上年结转", "new + carried over", {t3(kRowNew), t3(kRowCarriedIn)});
        add("本年新收", "new this year", {t3(kRowNew)});
      } else {
        add("本年新收", "new this year", {t3(kRowNew)});
        add("本年新收+上年结转", "new + carried over", {t3(kRowNew), t3(kRowCarriedIn)});
      }
      break;
    case Topic::app_handled:
      c.what_zh = "办理申请数";
      c.what_en = "applications handled";
      add("办理结果总计", "results total", {t3(kRowResultsTotal)});
      add("本年新收", "new this year", {t3(kRowNew)});
      add("本年新收+上年结转", "new + carried over", {t3(kRowNew), t3(kRowCarriedIn)});
      break;
    case Topic::app_concluded:
      c.what_zh = "办结申请数";
      c.what_en = "applications concluded";
      add("办理结果总计", "results total", {t3(kRowResultsTotal)});
      break;
    case Topic::app_carried_in:
      c.what_zh = "上年结转数";
      c.what_en = "applications carried over";
      add("上年结转", "carried over from last year", {t3(kRowCarriedIn)});
      break;
    case Topic::app_carried_out:
      c.what_zh = "结转下年度数";
      c.what_en = "applications carried forward";
      add("结转下年度继续办理", "carried over to next year", {t3(kRowCarriedOut)});
      break;
    case Topic::app_natural:
      c.what_zh = "自然人申请数";
      c.what_en = "applications by natural persons";
      add("自然人本年新收", "natural persons, new", {t3(kRowNew, 0)});
      add("自然人新收+上年结转", "natural persons, new + carried over",
          {t3(kRowNew, 0), t3(kRowCarriedIn, 0)});
      break;
    case Topic::app_org:
      c.what_zh = "法人或其他组织申请数";
      c.what_en = "applications by legal persons and organisations";
      add("法人或其他组织（五栏）本年新收", "organisations, new", org_new);
      add("法人或其他组织新收+上年结转", "organisations, new + carried over", org_both);
      break;
    case Topic::res_granted:
      c.what_zh = "予以公开数";
      c.what_en = "granted";
      add("予以公开", "granted", {t3(2)});
      break;
    case Topic::res_partial:
      c.what_zh = "部分公开数";
      c.what_en = "partly granted";
      add("部分公开", "partly granted", {t3(3)});
      break;
    case Topic::res_granted_partial:
      c.what_zh = "予以公开及部分公开数";
      c.what_en = "granted and partly granted";
      add("予以公开+部分公开", "granted + partly granted", {t3(2), t3(3)});
      break;
    case Topic::res_withheld:
      c.what_zh = "不予公开数";
      c.what_en = "withheld";
      add("不予公开（8项之和）", "withheld (8 rows)", t3_rows(doc, 4, 11));
      break;
    case Topic::res_unavailable:
      c.what_zh = "无法提供数";
      c.what_en = "unavailable";
      add("无法提供（3项之和）", "unavailable (3 rows)", t3_rows(doc, 12, 14));
      break;
    case Topic::res_declined:
      c.what_zh = "不予处理数";
      c.what_en = "declined";
      add("不予处理（5项之和）", "declined (5 rows)", t3_rows(doc, 15, 19));
      break;
    case Topic::res_other:
      c.what_zh = "其他处理数";
      c.what_en = "other handling";
      add("其他处理（之和）", "other handling", t3_rows(doc, 20, 22));
      break;
    case Topic::rv:
    case Topic::lit:
    case Topic::ld:
    case Topic::lr:
    case Topic::rv_lit: {
      c.rule = "narrative-review-litigation";
      const Groups g = groups_of(f.topic);
      c.what_zh = g.zh + "件数";
      c.what_en = g.en;
      add(g.zh + "总计", g.en + " total", t4_col(g.rv, g.ld, g.lr, 4));
      break;
    }
    case Topic::t4_upheld:
    case Topic::t4_corrected:
    case Topic::t4_other:
    case Topic::t4_pending: {
      c.rule = "narrative-review-litigation";
      const Groups g = groups_of(f.parent);
      const int col = f.topic == Topic::t4_upheld      ? 0
                      : f.topic == Topic::t4_corrected ? 1
                      : f.topic == Topic::t4_other     ? 2
                                                       : 3;
      c.what_zh = g.zh + kT4ColumnLabels[static_cast<std::size_t>(col)] + "数";
      c.what_en = g.en + ", " + kT4Columns[static_cast<std::size_t>(col)];
      add(g.zh + kT4ColumnLabels[static_cast<std::size_t>(col)],
          g.en + " " + kT4Columns[static_cast<std::size_t>(col)], t4_col(g.rv, g.ld, g.lr, col));
      break;
    }
    case Topic::normative:
    case Topic::rules: {
      c.rule = "narrative-table2";
      const bool norm = f.topic == Topic::normative;
      const std::string base = norm ? "t2.normative." : "t2.rules.";
      const std::string name = norm ? "行政规范性文件" : "规章";
      const std::string name_en = norm ? "normative documents" : "rules";
      c.what_zh = name + "件数";
      c.what_en = name_en;
      switch (f.verb) {
        case DocVerb::made:
          add(name + "本年制发件数", name_en + " issued", {base + "made"});
          break;
        case DocVerb::repealed:
          add(name + "本年废止件数", name_en + " repealed", {base + "repealed"});
          break;
        case DocVerb::in_force:
          add(name + "现行有效件数", name_en + " in force", {base + "in_force"});
          break;
        case DocVerb::unknown:
          add(name + "本年制发件数", name_en + " issued", {base + "made"});
          add(name + "现行有效件数", name_en + " in force", {base + "in_force"});
          c.severity = Severity::info;
          break;
      }
      break;
    }
    case Topic::licensing:
    case Topic::penalty:
    case Topic::coercion: {
      c.rule = "narrative-table2";
      c.severity = Severity::info;
      const char* id = f.topic == Topic::licensing ? "t2.licensing"
                       : f.topic == Topic::penalty ? "t2.penalty"
                                                   : "t2.coercion";
      const char* zh = f.topic == Topic::licensing ? "行政许可"
                       : f.topic == Topic::penalty ? "行政处罚"
                                                   : "行政强制";
      c.what_zh = std::string(zh) + "处理决定数";
      c.what_en = id;
      add(std::string(zh) + "本年处理决定数量", std::string(id), {id});
      break;
    }
    case Topic::admin_fee:
      c.rule = "narrative-table2";
      c.what_zh = "行政事业性收费金额";
      c.what_en = "administrative fees";
      c.scale = f.unit == "元" ? 1.0 / 10000 : 1.0;
      c.tolerance = 0.0051;
      add("行政事业性收费本年收费金额（万元）", "administrative fees (10,000 yuan)", {"t2.fees"});
      break;
    default:
      return std::nullopt;
  }
  return c;
}

std::string values_text(const std::set<double>& vs) {
  std::string s;
  for (double v : vs) s += (s.empty() ? "" : "、") + fmt_num(v);
  return s;
}

// Compares one fact with its formulas over every reading of the tables.
void compare_fact(const Document& doc, const TableSide& side, const Fact& f, Emitter& em) {
  const auto claim = claim_for(doc, f);
  if (!claim) return;
  const Claim& c = *claim;
  std::vector<std::string> cells;
  bool t4 = false;
  bool table_found = true;
  for (const auto& fm : c.formulas) {
    for (const auto& id : fm.ids) {
      if (std::find(cells.begin(), cells.end(), id) == cells.end()) cells.push_back(id);
    }
    t4 = t4 || side.uses_t4(fm);
  }
  const char kind = cells.empty() ? '3' : cells.front()[1];
  if (kind == '2') table_found = doc.tables.t2_found;
  if (kind == '3') table_found = doc.tables.t3_found;
  if (kind == '4') table_found = doc.tables.t4_found;
  if (!table_found) {
    em.not_assessable();
    return;
  }
  const double claimed = f.value * c.scale;
  auto eq = [&](double v) { return std::fabs(v - claimed) <= c.tolerance + 1e-9; };
  const std::size_t readings = t4 ? side.reading_count() : 1;
  const std::size_t nf = c.formulas.size();
  std::vector<bool> usable(nf, false), match_some(nf, false), match_all(nf, true);
  std::vector<std::set<double>> values(nf);
  for (std::size_t r = 0; r < readings; ++r) {
    for (std::size_t k = 0; k < nf; ++k) {
      const auto v = side.sum(c.formulas[k], r);
      if (!v) {
        match_all[k] = false;
        continue;
      }
      usable[k] = true;
      values[k].insert(*v);
      if (eq(*v)) {
        match_some[k] = true;
      } else {
        match_all[k] = false;
      }
    }
  }
  const std::string quoted = "正文“" + f.phrase + "”";
  const std::string quoted_en = "the narrative's '" + f.phrase + "'";
  const bool ambiguous = t4 && side.t4_ambiguous();
  std::string amb_zh, amb_en;
  if (ambiguous && side.reading_count() > 0) {
    amb_zh =
        "（表四数字个数异常，读到的数字为“" + side.t4_numbers() + "”，已按其所有可能的读法比较）";
    amb_en = " (table 4 is ambiguous: its numbers '" + side.t4_numbers() +
             "' were tried in every possible placement)";
  } else if (ambiguous) {
    amb_zh = "（表四数字的栏目无法确定）";
    amb_en = " (the columns of table 4's numbers cannot be settled)";
  }
  if (readings == 0 || std::none_of(usable.begin(), usable.end(), [](bool b) { return b; })) {
    Finding& fd = em.add(
        c.rule, Severity::info, "uncertain",
        quoted + "无法与表格核对：" + c.formulas[0].zh + "的单元格缺失、无法读取或有歧义" + amb_zh,
        quoted_en + " cannot be checked: the cells of " + c.formulas[0].en +
            " are missing, unreadable or ambiguous" + amb_en,
        f.offset, cells);
    fd.actual = f.value;
    return;
  }
  if (match_all[0] && usable[0]) {
    if (ambiguous) {
      Finding& fd = em.add(
          "narrative-reading", Severity::info, "uncertain",
          quoted + "与" + c.formulas[0].zh + "一致：表四数字个数异常，但按所有合乎算术的读法，" +
              c.formulas[0].zh + "均为" + fmt_num(claimed) + "，正文印证了这一读法",
          quoted_en + " agrees with " + c.formulas[0].en +
              ": table 4 is ambiguous but every consistent reading gives " + fmt_num(claimed),
          f.offset, c.formulas[0].ids);
      fd.expected = claimed;
      fd.actual = f.value;
    } else {
      em.pass();
    }
    return;
  }
  for (std::size_t k = 0; k < nf; ++k) {
    if (!match_some[k]) continue;
    std::string zh, en;
    if (k == 0) {
      zh = quoted + "与表四的部分读法一致（" + c.formulas[0].zh + "可能为" +
           values_text(values[0]) + "），无法确定" + amb_zh;
      en = quoted_en + " agrees with some readings of table 4 only" + amb_en;
    } else {
      const std::string direct = usable[0] ? c.formulas[0].zh + "为" + values_text(values[0])
                                           : c.formulas[0].zh + "无法读取";
      zh = quoted + "与" + direct + "不同，但等于" + c.formulas[k].zh + "（" + fmt_num(claimed) +
           "）：按此口径一致" + amb_zh;
      en = quoted_en + " differs from " + c.formulas[0].en + " but equals " + c.formulas[k].en +
           " (" + fmt_num(claimed) + "): consistent under that reading" + amb_en;
    }
    Finding& fd = em.add("narrative-reading", Severity::info, "uncertain", zh, en, f.offset,
                         c.formulas[k].ids);
    fd.expected = values[k].empty() ? claimed : *values[k].begin();
    fd.actual = f.value;
    return;
  }
  // No reading fits.
  std::string zh = quoted + "与表格不符：" + c.formulas[0].zh;
  std::string en = quoted_en + " does not match the table: " + c.formulas[0].en;
  if (usable[0]) {
    zh += (values[0].size() > 1 ? "可能为" : "为") + values_text(values[0]);
    en += (values[0].size() > 1 ? " can be " : " is ") + values_text(values[0]);
  } else {
    zh += "无法读取";
    en += " is unreadable";
  }
  for (std::size_t k = 1; k < nf; ++k) {
    if (!usable[k]) continue;
    zh += "；按“" + c.formulas[k].zh + "”理解为" + values_text(values[k]) + "，也不一致";
    en +=
        "; read as " + c.formulas[k].en + " it is " + values_text(values[k]) + ", no match either";
  }
  if (c.scale != 1) {
    zh += "（正文" + fmt_num(f.value) + f.unit + "折合" + fmt_num(claimed) + "万元）";
    en += " (the narrative's " + fmt_num(f.value) + " yuan is " + fmt_num(claimed) +
          " x 10,000 yuan)";
  }
  Finding& fd = em.add(c.rule, c.severity, "fail", zh + amb_zh, en + amb_en, f.offset, cells);
  if (usable[0] && values[0].size() == 1) fd.expected = *values[0].begin();
  fd.actual = f.value;
}

// Sum of cells over table-4 readings: the set of possible values (empty = unusable).
std::set<double> possible(const TableSide& side, const Formula& fm) {
  std::set<double> out;
  const std::size_t readings = side.uses_t4(fm) ? side.reading_count() : 1;
  for (std::size_t r = 0; r < readings; ++r) {
    const auto v = side.sum(fm, r);
    if (v) out.insert(*v);
  }
  return out;
}

void zero_rules(const Document& doc, const TableSide& side, const Facts& facts, Emitter& em) {
  for (const auto& z : facts.zeros) {
    Formula fm;
    std::string what, what_en;
    switch (z.kind) {
      case ZeroKind::applications:
        if (!doc.tables.t3_found) {
          em.not_assessable();
          continue;
        }
        fm = {"本年新收申请数", "new applications", {t3(kRowNew)}};
        break;
      case ZeroKind::review:
        if (!doc.tables.t4_found) {
          em.not_assessable();
          continue;
        }
        fm = {"行政复议总计", "administrative reviews", {t4_id(0, 4)}};
        break;
      case ZeroKind::litigation:
        if (!doc.tables.t4_found) {
          em.not_assessable();
          continue;
        }
        fm = {"行政诉讼总计（直接起诉+复议后起诉）", "lawsuits", {t4_id(1, 4), t4_id(2, 4)}};
        break;
      default:
        continue;  // fee statements: narrative-fee
    }
    const auto vs = possible(side, fm);
    const std::string q = "正文“" + z.phrase + "”";
    const std::string q_en = "the narrative's '" + z.phrase + "'";
    if (vs.empty()) {
      em.add("narrative-zero-claim", Severity::info, "uncertain",
             q + "无法与表格核对：" + fm.zh + "无法读取或有歧义",
             q_en + " cannot be checked: " + fm.en + " is unreadable or ambiguous", z.offset,
             fm.ids);
      continue;
    }
    if (vs.count(0.0) && vs.size() == 1) {
      em.pass();
      continue;
    }
    if (vs.count(0.0)) {
      em.add("narrative-zero-claim", Severity::info, "uncertain",
             q + "：表四有歧义，" + fm.zh + "可能为" + values_text(vs) + "，无法确定",
             q_en + ": table 4 is ambiguous; " + fm.en + " can be " + values_text(vs), z.offset,
             fm.ids);
      continue;
    }
    Finding& f = em.add(
        "narrative-zero-claim", "fail",
        q + "，但表格中" + fm.zh + (vs.size() > 1 ? "可能为" : "为") + values_text(vs) + "，不为0",
        q_en + ", but the table's " + fm.en + " is " + values_text(vs) + ", not 0", z.offset,
        fm.ids);
    f.expected = *vs.begin();
    f.actual = 0;
  }
}

void outcome_rules(const Document& doc, const TableSide& side, const Facts& facts, Emitter& em) {
  for (const auto& o : facts.outcomes) {
    if (!doc.tables.t4_found) {
      em.not_assessable();
      continue;
    }
    Formula fm;
    std::vector<int> cols =
        o.kind == OutcomeKind::all_upheld ? std::vector<int>{1, 2, 3} : std::vector<int>{1};
    for (int col : cols) {
      for (const auto& id : t4_col(o.review, o.direct, o.after_review, col)) fm.ids.push_back(id);
    }
    std::string groups;
    if (o.review) groups += "行政复议";
    if (o.direct || o.after_review) {
      groups += std::string(groups.empty() ? "" : "、") + (o.direct && o.after_review ? "行政诉讼"
                                                           : o.direct ? "直接起诉"
                                                                      : "复议后起诉");
    }
    fm.zh = groups + (o.kind == OutcomeKind::all_upheld ? "的结果纠正、其他结果、尚未审结合计"
                                                        : "的结果纠正");
    fm.en = o.kind == OutcomeKind::all_upheld ? "corrected + other + pending" : "corrected";
    const auto vs = possible(side, fm);
    const std::string q = "正文“" + o.phrase + "”";
    const std::string q_en = "the narrative's '" + o.phrase + "'";
    if (vs.empty()) {
      em.add("narrative-review-litigation", Severity::info, "uncertain",
             q + "无法与表四核对：相关单元格无法读取或有歧义",
             q_en + " cannot be checked against table 4", o.offset, fm.ids);
      continue;
    }
    if (vs.count(0.0)) {
      if (vs.size() == 1) {
        em.pass();
      } else {
        em.add("narrative-review-litigation", Severity::info, "uncertain",
               q + "：表四有歧义，" + fm.zh + "可能为" + values_text(vs) + "，无法确定",
               q_en + ": table 4 is ambiguous", o.offset, fm.ids);
      }
      continue;
    }
    Finding& f =
        em.add("narrative-review-litigation", "fail",
               q + "，但表四" + fm.zh + (vs.size() > 1 ? "可能为" : "为") + values_text(vs) +
                   (o.kind == OutcomeKind::all_upheld ? "，并非全部维持" : "，并非未被纠错"),
               q_en + ", but table 4's " + fm.en + " is " + values_text(vs), o.offset, fm.ids);
    f.expected = *vs.begin();
    f.actual = 0;
  }
}

std::size_t heading_offset(const Document& doc, int n) {
  const SectionInfo* s = doc.outline.section(n);
  return s ? s->begin : kNoOffset;
}

// The whitespace-free text of a section's body.
std::string_view section_body(const Document& doc, int n) {
  const SectionInfo* s = doc.outline.section(n);
  if (!s) return {};
  const Compact& f = doc.flat;
  auto at = [&](std::size_t norm) {
    return static_cast<std::size_t>(
        std::lower_bound(f.pos.begin(), f.pos.end() - 1, static_cast<std::uint32_t>(norm)) -
        f.pos.begin());
  };
  const std::size_t b = at(s->norm_body), e = at(s->norm_end);
  return std::string_view(f.text).substr(b, e > b ? e - b : 0);
}

bool has_any(std::string_view s, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (contains_text(s, w)) return true;
  }
  return false;
}

void fee_rules(const Document& doc, const Facts& facts, Emitter& em) {
  const std::string r22 = t3_id(kRowUnpaidFee, 6);
  const CellRead* c = doc.tables.cell(r22);
  if (doc.tables.t3_single_other_row) return;  // 2019 layout: no such row
  if (!doc.tables.t3_found || !c) {
    em.not_assessable();
    return;
  }
  if (c->status != CellStatus::ok && c->status != CellStatus::blank &&
      c->status != CellStatus::placeholder) {
    em.not_assessable();
    return;
  }
  const double unpaid = c->status == CellStatus::ok ? c->value.value_or(0) : 0;
  const std::string n = fmt_num(unpaid);
  // Statements that no notice was issued / no fee matter arose.
  bool reported = false;
  for (const auto& z : facts.zeros) {
    if (z.kind != ZeroKind::fee_notice) continue;
    reported = true;
    if (unpaid > 0) {
      Finding& f = em.add("narrative-fee", "fail",
                          "正文“" + z.phrase + "”，但表三有" + n +
                              "件申请因申请人逾期未按收费通知缴费而不再处理，说明至少发出了" + n +
                              "份收费通知",
                          "the narrative's '" + z.phrase + "', but table 3 has " + n +
                              " applications dropped for unpaid fee notices",
                          z.offset, {r22});
      f.expected = unpaid;
      f.actual = 0;
    } else {
      em.pass();
    }
  }
  for (const auto& f : facts.facts) {
    if (f.topic != Topic::fee_notices) continue;
    reported = true;
    if (f.value < unpaid) {
      Finding& fd =
          em.add("narrative-fee", "fail",
                 "正文“" + f.phrase + "”，但表三有" + n +
                     "件申请因逾期未按收费通知缴费而不再处理，收费通知不可能少于" + n + "份",
                 "the narrative's '" + f.phrase + "' is fewer than the " + n +
                     " applications table 3 dropped for unpaid fee notices",
                 f.offset, {r22});
      fd.expected = unpaid;
      fd.actual = f.value;
    } else {
      em.pass();
    }
  }
  if (unpaid > 0 && !reported) {
    std::size_t where = heading_offset(doc, 6);
    if (where == kNoOffset && c->located()) where = c->offset;
    Finding& f =
        em.add("narrative-fee", Severity::warning, "fail",
               "表三有" + n + "件申请因申请人逾期未按收费通知缴费而不再处理，说明本年至少发出了" +
                   n + "份收费通知，但正文未报告发出收费通知的件数",
               "table 3 has " + n +
                   " applications dropped for unpaid fee notices, so at least that many "
                   "notices were issued, but the narrative does not report them",
               where, {r22});
    f.expected = unpaid;
  } else if (unpaid == 0 && !reported) {
    em.pass();
  }
}

void year_rules(const Document& doc, const Facts& facts, Emitter& em) {
  if (!doc.outline.year) return;  // title-year reports the missing year
  const int y = *doc.outline.year;
  const std::string ys = std::to_string(y);
  if (!facts.periods.empty()) {
    const Period& p = facts.periods.front();
    if (p.start_year == y && p.end_year == y) {
      em.pass();
    } else {
      Finding& f = em.add(
          "year-consistency", "fail", "统计期限“" + p.phrase + "”与标题年份" + ys + "年不一致",
          "the statistical period '" + p.phrase + "' does not match the title year " + ys,
          p.offset);
      f.expected = y;
      f.actual = p.start_year != y ? p.start_year : p.end_year;
    }
  }
  bool first_done = false;
  for (const auto& l : facts.year_leads) {
    const bool first = l.section == 1 && l.first_in_section && !first_done;
    if (first) first_done = true;
    if (l.comparison) continue;
    if (first) {
      if (l.year == y) {
        em.pass();
      } else {
        Finding& f = em.add("year-consistency", "fail",
                            "总体情况首句“" + l.phrase + "”的年份" + std::to_string(l.year) +
                                "年与标题年份" + ys + "年不一致",
                            "section 1 opens with the year " + std::to_string(l.year) +
                                " but the title year is " + ys,
                            l.offset);
        f.expected = y;
        f.actual = l.year;
      }
      continue;
    }
    if (l.year == y || l.year == y + 1) {
      em.pass();
      continue;
    }
    const bool prev = l.year == y - 1;
    Finding& f = em.add(
        "year-stale", "fail",
        "“" + l.phrase + "”以" + std::to_string(l.year) + "年为本年叙述，而报告年度为" + ys + "年" +
            (prev ? "：可能是照搬上年报告遗留的年份" : ""),
        "'" + l.phrase + "' presents " + std::to_string(l.year) + " as the current year in a " +
            ys + " report" + (prev ? " (probably left over from last year's report)" : ""),
        l.offset);
    f.expected = y;
    f.actual = l.year;
  }
}

bool ends_with(const std::string& s, const std::string& suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

void publication_rule(const Document& doc, const Facts& facts, Emitter& em) {
  if (!doc.outline.year || facts.dates.empty()) return;  // no date stated: nothing to check
  const int y = *doc.outline.year;
  int month = 0;
  std::string kind, kind_en;
  const std::string a = doc.outline.agency.value_or("");
  const bool township = has_any(a, {"街道", "镇人民政府", "乡人民政府", "镇政府", "乡政府"}) ||
                        ends_with(a, "镇") || ends_with(a, "乡");
  const bool gov = ends_with(a, "人民政府") || has_any(a, {"政府办公室", "政府办公厅"});
  bool dept = false;
  for (const char* s : {"局", "委", "委员会", "办", "办公室", "厅", "中心", "院", "署", "馆"}) {
    dept = dept || ends_with(a, s);
  }
  if (y <= 2018) {
    month = 3;
    kind = "（2019年以前的报告）";
    kind_en = " (reports before 2019)";
  } else if (township || a.empty()) {
    em.not_assessable();
    return;
  } else if (gov) {
    month = 3;
    kind = "县级以上地方人民政府";
    kind_en = "local people's government";
  } else if (dept) {
    month = 1;
    kind = "县级以上人民政府部门";
    kind_en = "government department";
  } else {
    em.not_assessable();
    return;
  }
  const int dl = month == 3 ? 331 : 131;
  for (const auto& d : facts.dates) {
    if (d.year < y + 1) continue;  // not a publication date of this report
    const int md = d.month * 100 + d.day;
    if (d.year == y + 1 && md <= dl) {
      em.pass();
      continue;
    }
    const std::string deadline = std::to_string(y + 1) + "年" + std::to_string(month) + "月" +
                                 (month == 3 ? "31" : "31") + "日";
    em.add("publication-late", "fail",
           "报告所署日期“" + d.phrase + "”晚于" + kind + "公布" + std::to_string(y) +
               "年度报告的法定期限" + deadline,
           "the report's date '" + d.phrase + "' is after the legal deadline for a " + kind_en +
               " (" + std::to_string(y + 1) + "-" + (month == 3 ? "03" : "01") + "-31)",
           d.offset);
    return;
  }
}

void section_rules(const Document& doc, Emitter& em) {
  // A missing section is reported by section-missing; its content is not assessed.
  // 五: a problem statement.
  if (doc.outline.section(5)) {
    const std::string_view b = section_body(doc, 5);
    if (b.empty() ||
        has_any(b, {"问题",   "不足",   "短板",   "差距",   "有待", "仍需",   "尚需",   "还需",
                    "薄弱",   "欠缺",   "不够",   "不强",   "不高", "不到位", "不完善", "不充分",
                    "不平衡", "滞后",   "缺乏",   "困难",   "瓶颈", "弱项",   "亟需",   "亟待",
                    "不规范", "不及时", "不深入", "不全面", "偏少", "较少",   "单一"})) {
      em.pass();
    } else {
      em.add("section5-no-problem", "fail",
             "第五部分未写明存在的任何问题（未出现“问题”“不足”“短板”“差距”“有待”等表述），只有改进"
             "计划",
             "section 5 states no problem at all, only plans", heading_offset(doc, 5));
    }
  }
  // 六 and 一: requirements of the 2021 format (the fee rules of 国办函〔2020〕109号 apply
  // from 2021; 2019 and 2020 reports were not asked for them).
  const bool format_2021 =
      doc.outline.year ? *doc.outline.year >= 2021 : doc.outline.format == FormatVersion::f2021;
  if (!format_2021) return;
  // 六: the information processing fee.
  if (doc.outline.section(6)) {
    const std::string_view b = section_body(doc, 6);
    if (has_any(b, {"信息处理费", "收费", "费用", "处理费", "缴费"})) {
      em.pass();
    } else {
      em.add("section6-no-fee", "fail",
             "第六部分未提及信息处理费或收费情况（应报告发出收费通知的件数和金额、实际收取的金额）",
             "section 6 does not mention the information processing fee", heading_offset(doc, 6));
    }
  }
  // 一: the five topics.
  if (doc.outline.section(1)) {
    const std::string_view b = section_body(doc, 1);
    struct T {
      const char* zh;
      const char* en;
      std::initializer_list<const char*> keys;
    };
    const T topics[] = {
        {"主动公开", "proactive disclosure", {"主动公开"}},
        {"依申请公开", "disclosure on request", {"依申请"}},
        {"政府信息管理", "information management", {"信息管理"}},
        {"政府信息公开平台建设", "platforms", {"平台"}},
        {"监督保障", "supervision", {"监督", "考核", "培训", "保障"}},
    };
    std::string missing, missing_en;
    for (const auto& tp : topics) {
      bool found = false;
      for (const char* k : tp.keys) found = found || contains_text(b, k);
      if (!found) {
        missing += std::string(missing.empty() ? "" : "、") + tp.zh;
        missing_en += std::string(missing_en.empty() ? "" : ", ") + tp.en;
      }
    }
    if (missing.empty()) {
      em.pass();
    } else {
      em.add("section1-topics", "fail", "总体情况未见以下规定内容：" + missing,
             "section 1 does not mention: " + missing_en, heading_offset(doc, 1));
    }
  }
}

// The narrative's own arithmetic: 办结N件，其中予以公开a件、部分公开b件 … (all six groups).
void partition_rule(const Facts& facts, Emitter& em) {
  const Fact* total = nullptr;
  double sum = 0;
  unsigned groups = 0;  // bit per result group
  auto close = [&]() {
    if (total && groups == 0x3F) {
      if (sum == total->value) {
        em.pass();
      } else {
        Finding& f =
            em.add("narrative-partition", "fail",
                   "正文“" + total->phrase + "”，但其后列出的六类办理结果之和为" + fmt_num(sum),
                   "the narrative's '" + total->phrase +
                       "', but the six result groups it lists add up to " + fmt_num(sum),
                   total->offset);
        f.expected = total->value;
        f.actual = sum;
      }
    }
    total = nullptr;
    sum = 0;
    groups = 0;
  };
  for (const auto& f : facts.facts) {
    if (total && f.section != total->section) close();
    unsigned bit = 0;
    switch (f.topic) {
      case Topic::app_concluded:
      case Topic::app_handled:
        close();
        total = &f;
        continue;
      case Topic::res_granted:
        bit = 0x01;
        break;
      case Topic::res_partial:
        bit = 0x02;
        break;
      case Topic::res_granted_partial:
        bit = 0x03;
        break;
      case Topic::res_withheld:
        bit = 0x04;
        break;
      case Topic::res_unavailable:
        bit = 0x08;
        break;
      case Topic::res_declined:
        bit = 0x10;
        break;
      case Topic::res_other:
        bit = 0x20;
        break;
      default:
        continue;
    }
    if (!total || (groups & bit)) continue;  // a group named twice: not one partition
    groups |= bit;
    sum += f.value;
  }
  close();
}

}  // namespace

void run_narrative_rules(const Document& doc, Emitter& em) {
  const Facts facts = extract_facts(doc);
  const TableSide side(doc);
  const bool legacy = doc.outline.format == FormatVersion::pre2019;
  if (!legacy) {
    for (const auto& f : facts.facts) {
      if (f.topic == Topic::fee_notices || f.topic == Topic::fee_amount) continue;
      compare_fact(doc, side, f, em);
    }
    partition_rule(facts, em);
    zero_rules(doc, side, facts, em);
    outcome_rules(doc, side, facts, em);
    fee_rules(doc, facts, em);
    section_rules(doc, em);
  }
  year_rules(doc, facts, em);
  publication_rule(doc, facts, em);
}

}  // namespace nianbao::detail
