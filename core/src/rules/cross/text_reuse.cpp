// Text repeated word for word from last year's report (format.md Y-4, E5 内容雷同).
#include <cmath>

#include "rules/cross/cross.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kCrossTextReuse{
    "cross-text-reuse",
    {"正文与上年报告逐字重复", "Text repeated from last year's report"},
    Severity::info,
    {"统计本报告正文中与上一年度报告逐字相同的句子（去掉空白、至少15个字、不含表格）所占比例，"
     "分全文和各部分，并指出最长的重复段落在两份报告中的位置。第五部分所列问题与上年逐字相同"
     "（问题没有变化，或照抄上年），或第一、五、六部分合计80%以上的句子与上年相同时为警告；"
     "否则作为提示给出比例。",
     "The share of this report's sentences (whitespace removed, at least 15 characters, tables "
     "left out) that stand word for word in last year's report, overall and per section, with the "
     "longest repeated passages located in both. A warning when the problems named in section 5 "
     "repeat last year's word for word, or when 80% or more of sections 1, 5 and 6 together does; "
     "otherwise an info with the figure."},
    "国办公开办函〔2021〕30号（四）明确责任（内容雷同）；format.md Y-4、E5",
    check,
    Applies::previous_comparable,
};

namespace {

constexpr double kCopiedShare = 0.8;

int percent(int part, int whole) {
  return whole > 0 ? static_cast<int>(std::lround(100.0 * part / whole)) : 0;
}

const char* const kNumerals[] = {"前言", "一", "二", "三", "四", "五", "六"};

// "全文 12/40 句（30%）；一 5/8，五 2/2，六 1/1".
std::pair<std::string, std::string> figures(const TextReuse& r) {
  std::string zh = "全文" + std::to_string(r.repeated) + "/" + std::to_string(r.sentences) +
                   "句（" + std::to_string(percent(r.repeated, r.sentences)) + "%）";
  std::string en = std::to_string(r.repeated) + " of " + std::to_string(r.sentences) +
                   " sentences (" + std::to_string(percent(r.repeated, r.sentences)) + "%)";
  std::string zs, es;
  for (const auto& c : r.sections) {
    if (c.section < 0 || c.section > 6) continue;
    zs += std::string(zs.empty() ? "" : "，") + kNumerals[c.section] + " " +
          std::to_string(c.repeated) + "/" + std::to_string(c.sentences);
    es += std::string(es.empty() ? "" : ", ") + "section " + std::to_string(c.section) + " " +
          std::to_string(c.repeated) + "/" + std::to_string(c.sentences);
  }
  if (!zs.empty()) zh += "，其中" + zs;
  if (!es.empty()) en += "; " + es;
  return {zh, en};
}

std::pair<std::string, std::string> longest(const TextReuse& r) {
  if (r.passages.empty()) return {};
  const ReusedPassage& p = r.passages.front();
  return {"；最长的重复段落" + std::to_string(p.chars) + "字（本报告第" + std::to_string(p.line) +
              "行，上年报告第" + std::to_string(p.previous_line) + "行）：“" + p.text + "”",
          "; the longest repeated passage has " + std::to_string(p.chars) + " characters (line " +
              std::to_string(p.line) + ", last year's line " + std::to_string(p.previous_line) +
              "): \"" + p.text + "\""};
}

void check(const RuleContext& ctx, Emitter& em) {
  const Previous& p = *ctx.previous;
  if (!p.reuse || p.reuse->reuse.sentences == 0) {
    em.not_assessable();
    return;
  }
  const ReuseDetail& d = *p.reuse;
  const TextReuse& r = d.reuse;
  int main = 0, main_repeated = 0;  // sections 一, 五, 六
  for (const auto& c : r.sections) {
    if (c.section == 1 || c.section == 5 || c.section == 6) {
      main += c.sentences;
      main_repeated += c.repeated;
    }
  }
  const bool problems = d.problems_repeated > 0;
  const bool mostly = main > 0 && main_repeated >= kCopiedShare * main;
  if (r.repeated == 0) {
    em.pass();
    return;
  }
  std::string zh, en;
  if (problems) {
    zh += "第五部分所列问题有" + std::to_string(d.problems_repeated) + "句（共" +
          std::to_string(d.problems) + "句）与上年报告逐字相同；";
    en += std::to_string(d.problems_repeated) + " of the " + std::to_string(d.problems) +
          " problems named in section 5 repeat last year's word for word; ";
  }
  if (mostly) {
    zh += "第一、五、六部分" + std::to_string(percent(main_repeated, main)) + "%的句子与上年相同；";
    en += std::to_string(percent(main_repeated, main)) +
          "% of sections 1, 5 and 6 repeats last year's; ";
  }
  const auto [fz, fe] = figures(r);
  const auto [lz, le] = longest(r);
  const bool warn = problems || mostly;
  Finding& f = em.add(kCrossTextReuse, warn ? Severity::warning : Severity::info,
                      FindingStatus::fail, zh + "与上一年度报告逐字相同的句子：" + fz + lz,
                      en + "sentences repeated word for word from last year's report: " + fe + le,
                      problems ? d.problem_at : d.passage_at);
  at_previous(f, p, problems ? d.problem_previous_at : d.passage_previous_at);
}

}  // namespace
}  // namespace nianbao::detail
