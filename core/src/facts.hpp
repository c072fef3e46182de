// Facts: what the narrative of a report states, read by hand-written scanning (no regex).
//
// The prose of the report (sections 一, 五, 六 and the prose lines of 二–四, never table
// rows) is gathered into one whitespace-free text. Every number with a unit (digits or
// Chinese numerals) is a quantity; the topic words before it (or, failing that, right after
// it) decide what it counts. Zero statements (未发生行政复议, 未收到…申请), outcome words
// (均维持, 未被纠错, 无败诉) and years and dates are collected alongside. Everything is linear in
// the size of the input: keyword hits are found in one pass and quantities only look at
// the text between the previous quantity and themselves.
//
// The code is in core/src/facts/ (facts_internal.hpp lists the pieces).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "document.hpp"

namespace nianbao::detail {

// What a narrative number counts. Each topic maps to one or more table formulas
// (rules_narrative.cpp).
enum class Topic {
  none,
  // table 3
  app_new,              // 收到 / 受理 / 新收 申请
  app_handled,          // 办理 (received or concluded: both readings)
  app_concluded,        // 办结 / 答复
  app_carried_in,       // 上年结转
  app_carried_out,      // 结转下年度 / 顺延到下年度
  app_natural,          // 自然人
  app_org,              // 法人或其他组织
  res_granted,          // 予以公开
  res_partial,          // 部分公开
  res_granted_partial,  // 予以公开及部分公开
  res_withheld,         // 不予公开
  res_unavailable,      // 无法提供
  res_declined,         // 不予处理
  res_other,            // 其他处理
  // table 4
  rv,      // 行政复议
  lit,     // 行政诉讼 (both lawsuit groups)
  ld,      // 未经复议直接起诉
  lr,      // 复议后起诉
  rv_lit,  // 行政复议、行政诉讼 together
  t4_upheld,
  t4_corrected,
  t4_other,
  t4_pending,
  // table 2
  normative,  // 规范性文件 (verb decides the column)
  rules,      // 规章
  licensing,
  penalty,
  coercion,
  admin_fee,  // 行政事业性收费 (元 / 万元)
  // 信息处理费
  fee_notices,  // 收费通知 count
  fee_amount,   // 信息处理费 amount
};

// What a figure is about when it is not this year's count of the report's own agency: such a
// figure is compared with the tables as info at most.
enum class FigureContext {
  none,
  cleanup,  // 清理: the stock at a clean-up (清理并集中发布现行有效规范性文件393件)
  as_of,       // 截至…: the figure at another date (截至目前, 截至发稿)
  cumulative,  // 累计 / 历年 / …以来
  other_year,  // 上年 / 去年 / a year other than the report's
};

// Column of a table-2 document statement.
enum class DocVerb { unknown, made, repealed, in_force };

struct Fact {
  Topic topic = Topic::none;
  Topic parent = Topic::none;  // t4_* sub-results: the group they belong to
  DocVerb verb = DocVerb::unknown;
  bool strong_verb = false;      // 制发 / 出台 / 印发 (not just 公开 / 发布)
  bool with_carried_in = false;  // the sentence says 含上年结转
  FigureContext context = FigureContext::none;
  std::string context_word;  // the words that set it (清理, 截至目前 ...)
  bool area_wide = false;  // 全市 / 全区 / 全县 …: a whole area's figure (in a department's
                           // report, not the department's own)
  double value = 0;
  std::string unit;        // as written (件, 个, 元, 万元 ...), may be empty (为0)
  std::size_t offset = 0;  // original byte offset of the number
  std::string phrase;      // the words quoted in messages (compact, ≤ ~40 characters)
  int section = 0;         // statutory section holding it, 0 = preamble / unknown
};

enum class ZeroKind {
  applications,    // 未收到政府信息公开申请
  review,          // 未发生行政复议
  litigation,      // 未发生行政诉讼
  fee_notice,      // 未发出收费通知 / 未发生收费事项
  fee_collection,  // 未收取信息处理费 (says nothing about notices)
};

struct ZeroClaim {
  ZeroKind kind = ZeroKind::applications;
  std::size_t offset = 0;  // original offset of the negation
  std::string phrase;
  int section = 0;
};

enum class OutcomeKind { all_upheld, no_correction };

struct OutcomeClaim {
  OutcomeKind kind = OutcomeKind::all_upheld;
  bool review = false, direct = false, after_review = false;  // groups it speaks of
  std::size_t offset = 0;
  std::string phrase;
};

// How a percentage is qualified: 约 / 近 / 超 … widen what it admits.
enum class Approx {
  exact,   // as written, rounded to its last digit
  about,   // 约 / 大约 / 左右
  nearly,  // 近 / 接近 / 将近 (at most a little more than the true value)
  over,    // 超 / 超过 / 逾 / 以上
  under,   // 不足 / 不到 / 低于 / 以下
};

// A percentage the narrative states: the share of a count in its total (予以公开及部分公开208件
// （17.46%）, 自然人申请占92%), or a rate (纠错率为0%).
struct Percentage {
  Topic topic = Topic::none;     // what is counted: a result group, an applicant type ...
  Topic parent = Topic::none;    // table-4 outcomes: their group
  bool correction_rate = false;  // 纠错率 / 纠正率: corrected over total of the groups
  bool review = false, lawsuit = false;  // the groups a rate speaks of (neither: both)
  double value = 0;                      // as written (17.46)
  int decimals = 0;                      // digits written after the point
  Approx approx = Approx::exact;
  bool has_count = false;  // the narrative states the count with it ("208件（17.46%）")
  double count = 0;
  std::size_t offset = 0;  // original offset of the number
  std::string phrase;
  int section = 0;
};

// "YYYY年，…" at the start of a sentence (the year the sentence presents as its own).
struct YearLead {
  int year = 0;
  std::size_t offset = 0;
  int section = 0;
  bool first_in_section = false;  // the first such sentence of its section
  bool comparison = false;        // the sentence compares (同比, 上年, 整改 ...)
  std::string phrase;
};

// "统计期限…YYYY年1月1日至(YYYY年)12月31日".
struct Period {
  int start_year = 0, end_year = 0;  // end_year = start_year when not written
  std::size_t offset = 0;            // of the start year
  std::string phrase;
};

// Where a date of the report comes from.
enum class DateSource {
  text,  // the report's text: a line holding only a date, or a 成文日期 … field
  page_field,  // the page around the report: 发布时间： / 发布日期： / 公开日期 in its furniture
  page_meta,  // the page's <meta name="PubDate">
};

// A date that reads as the report's own date (a line holding only a date, or a
// 发布时间 / 发布日期 / 成文日期 field), or the page's publication date.
struct DocDate {
  int year = 0, month = 0, day = 0;
  std::size_t offset = 0;
  std::string phrase;
  DateSource source = DateSource::text;
  std::string field;  // the field's name (发布时间, PubDate ...), empty for a date line
};

struct Facts {
  std::vector<Fact> facts;
  std::vector<Percentage> percentages;
  std::vector<ZeroClaim> zeros;
  std::vector<OutcomeClaim> outcomes;
  std::vector<YearLead> year_leads;
  std::vector<Period> periods;
  std::vector<DocDate> dates;
};

Facts extract_facts(const Document& doc);

// Parses a run of Chinese numerals (十二, 一百零五, 两千, 三万). Returns false if the run
// is not a well-formed number. Exposed for tests.
bool parse_chinese_number(std::string_view s, double* value);

}  // namespace nianbao::detail
