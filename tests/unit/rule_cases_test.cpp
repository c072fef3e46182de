// Rule cases as data, in the style of ESLint's RuleTester. Each case is a rule id, edits to the
// builder's valid fictional report (report_builder.hpp), and whether the rule fires; a firing
// case says what its first finding must be: the line it points at (and column), the cells, the
// expected and actual numbers (absent when not given), severity and status (the rule's default
// severity and "fail" unless given), how many findings of the rule there are, and a part of its
// message. A rule in the registry without a firing and a quiet case fails the coverage test.
//
// Adding a case is adding one entry to cases() below.
#include <gtest/gtest.h>

#include <algorithm>
#include <nianbao/nianbao.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "report_builder.hpp"
#include "rules/registry.hpp"

namespace {

using nianbao::Finding;
using nianbao::FindingStatus;
using nianbao::Result;
using nianbao::Severity;
using nianbao::testing::Edit;
using nianbao::testing::ReportBuilder;
using namespace nianbao::testing::edit;

// What the first finding of a firing case must be.
struct Expect {
  std::string at_text;  // the finding's line is the line of this text; "" = no line
  bool at_column = false;
  std::size_t count = 1;  // findings of the rule
  std::vector<std::string> cell_ids;
  std::size_t cell_total = 0;  // non-zero: cell_ids are only the first of this many
  std::optional<double> expected_value, actual_value;
  std::optional<Severity> severity_value;
  FindingStatus status_value = FindingStatus::fail;
  std::string message_part;
  std::string previous_at;  // cross-year: previous_line is the line of this text in last year's
  std::vector<std::string> previous_cell_ids;

  Expect& column() {
    at_column = true;
    return *this;
  }
  Expect& n(std::size_t findings) {
    count = findings;
    return *this;
  }
  Expect& cells(std::vector<std::string> ids) {
    cell_ids = std::move(ids);
    return *this;
  }
  Expect& cells_first(std::vector<std::string> ids, std::size_t total) {
    cell_ids = std::move(ids);
    cell_total = total;
    return *this;
  }
  Expect& expected(double v) {
    expected_value = v;
    return *this;
  }
  Expect& actual(double v) {
    actual_value = v;
    return *this;
  }
  Expect& severity(Severity s) {
    severity_value = s;
    return *this;
  }
  Expect& uncertain() {
    status_value = FindingStatus::uncertain;
    return *this;
  }
  Expect& says(std::string part) {
    message_part = std::move(part);
    return *this;
  }
  Expect& before(std::string text, std::vector<std::string> ids = {}) {
    previous_at = std::move(text);
    previous_cell_ids = std::move(ids);
    return *this;
  }
};

Expect at(std::string text) {
  Expect e;
  e.at_text = std::move(text);
  return e;
}
Expect nowhere() { return Expect(); }

struct RuleCase {
  std::string rule;
  std::string name;  // unique per rule, [a-z0-9_]
  std::vector<Edit> edits;
  bool fires = false;
  Expect expect;
  // Cross-year rules: edits to last year's report (report_builder.hpp previous_year()), checked
  // with it as Options::previous; none: no previous report.
  std::optional<std::vector<Edit>> previous;
};

// Test output names a case by its rule and name.
void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.rule << " / " << c.name; }

RuleCase fires(std::string rule, std::string name, std::vector<Edit> edits, Expect e) {
  return {std::move(rule), std::move(name), std::move(edits), true, std::move(e), std::nullopt};
}
RuleCase quiet(std::string rule, std::string name, std::vector<Edit> edits = {}) {
  return {std::move(rule), std::move(name), std::move(edits), false, {}, std::nullopt};
}
// With last year's report, edited by `before`.
RuleCase fires_vs(std::string rule, std::string name, std::vector<Edit> edits,
                  std::vector<Edit> before, Expect e) {
  return {std::move(rule), std::move(name),  std::move(edits), true,
          std::move(e),    std::move(before)};
}
RuleCase quiet_vs(std::string rule, std::string name, std::vector<Edit> edits = {},
                  std::vector<Edit> before = {}) {
  return {std::move(rule), std::move(name), std::move(edits), false, {}, std::move(before)};
}

// Section 1 covering the five topics, so section1-topics stays quiet.
const std::string kTopics = "主动公开、依申请公开、政府信息管理、平台建设和监督保障工作稳步推进。";
const std::string kSection5 = "五、存在的主要问题及改进情况";
const std::string kProblems = "一是主动公开的及时性仍有不足。下一步将加强培训。";
// Section 5's content under subheadings, as it stands when OCR drops the heading.
const std::string kLostProblems =
    "（一）存在的主要问题\n主动公开的及时性仍有不足。\n（二）改进措施\n下一步将加强培训。";

// A consistent table 3 with `n` applications dropped for unpaid fee notices.
std::vector<Edit> unpaid_fees(const std::string& n, const std::string& granted) {
  return {cell("t3.other.unpaid_fee.natural_person", n), cell("t3.other.unpaid_fee.total", n),
          cell("t3.granted.natural_person", granted), cell("t3.granted.total", granted)};
}
std::vector<Edit> with(std::vector<Edit> edits, const Edit& more) {
  edits.push_back(more);
  return edits;
}

std::vector<RuleCase> structure_cases() {
  return {
      fires("section-missing", "section_5", {drop_heading(kSection5)},
            nowhere().says("五、存在的主要问题及改进情况")),
      fires("section-missing", "two_sections",
            {drop_heading(kSection5), drop_heading("六、其他需要报告的事项")}, nowhere().n(2)),
      quiet("section-missing", "all_six"),
      quiet("section-missing", "heading_lost_content_there",
            {drop_heading(kSection5), problems(kLostProblems)}),
      fires("section-heading-lost", "problems_after_table_4",
            {drop_heading(kSection5), problems(kLostProblems)},
            at("（一）存在的主要问题").column().says("五、存在的主要问题及改进情况")),
      fires("section-heading-lost", "table_4_without_heading",
            {drop_heading("四、政府信息公开行政复议、行政诉讼情况")},
            at("行政复议\t行政诉讼").column().says("四、政府信息公开行政复议")),
      fires("section-heading-lost", "heading_words_without_numeral",
            {replace("六、其他需要报告的事项", "其他需要报告的事项")}, at("其他需要报告的事项")),
      quiet("section-heading-lost", "all_headings"),
      quiet("section-heading-lost", "nothing_recognisable", {drop_heading(kSection5)}),
      fires("section-order", "five_after_six",
            {replace(kSection5 + "\n" + kProblems + "\n\n", ""),
             append("\n" + kSection5 + "\n" + kProblems + "\n")},
            at(kSection5).column()),
      quiet("section-order", "in_order"),
      fires("section-heading-variant", "accepted_variant",
            {replace(kSection5, "五、存在问题及改进情况")},
            at("五、存在问题及改进情况").says("五、存在问题及改进情况")),
      quiet("section-heading-variant", "official_headings"),
      fires("title-year", "no_year", {title("某某市某某局", "政府信息公开工作年度报告")},
            at("某某市某某局").says("年份")),
      fires("title-year", "no_year_lists_the_checks_that_need_it",
            {title("某某市某某局", "政府信息公开工作年度报告")},
            at("某某市某某局").says("依赖报告年度的5项检查无法进行：")),
      fires("title-year", "no_agency", {title("", "2024年政府信息公开工作年度报告")},
            at("2024年政府信息公开工作年度报告").says("机关")),
      quiet("title-year", "agency_and_year"),
      fires("format-outdated", "single_other_row", {single_other_row()},
            at("（六）其他处理").says("只有一行")),
      fires("format-outdated", "old_table2_label", {replace("本年制发件数", "本年新制作数量")},
            at("本年新制作数量").says("本年新制作数量")),
      quiet("format-outdated", "format_2021"),
      quiet("format-outdated", "report_2020_in_its_format",
            {title("某某市某某局", "2020年政府信息公开工作年度报告"), single_other_row()}),
      fires("format-legacy", "report_2020_in_2019_format",
            {title("某某市某某局", "2020年政府信息公开工作年度报告"), single_other_row()},
            at("某某市某某局").says("试行格式")),
      quiet("format-legacy", "report_2024"),
  };
}

std::vector<RuleCase> table_cases() {  // shape and cell values
  return {
      fires("table-shape", "missing_row", {erase_line("2.重复申请")},
            nowhere()
                .cells_first({"t3.declined.duplicate.natural_person"}, 7)
                .says("缺少“（五）不予处理 2.重复申请”行")),
      fires("table-shape", "missing_table_4",
            {erase_between("行政复议\t行政诉讼", "五、存在的主要问题")},
            at("四、政府信息公开行政复议").says("未找到表四")),
      fires("table-shape", "row_with_too_few_numbers",
            {shape(ReportBuilder::Shape::spaces), replace("5   2   0", "2   0")},
            at("2   0   0   7")
                .severity(Severity::warning)
                .uncertain()
                .cells_first({"t4.review.upheld", "t4.review.corrected"}, 15)
                .expected(15)
                .actual(14)),
      quiet("table-shape", "complete_tables"),
      quiet("table-shape", "spaces", {shape(ReportBuilder::Shape::spaces)}),
      quiet("table-shape", "markdown", {shape(ReportBuilder::Shape::markdown)}),
      fires("cell-value", "negative", {cell("t2.penalty", "-3")},
            at("行政处罚").cells({"t2.penalty"}).says("负数")),
      fires("cell-value", "fraction", {cell("t2.coercion", "2.5")},
            at("行政强制").cells({"t2.coercion"}).says("不是整数")),
      quiet("cell-value", "decimal_fee"),
      fires("cell-placeholder", "slash", {cell("t3.withheld.query.social_welfare", "/")},
            at("8.属于行政查询事项").cells({"t3.withheld.query.social_welfare"})),
      fires("cell-placeholder", "blank_tab_cell", {cell("t3.withheld.query.social_welfare", "")},
            at("8.属于行政查询事项").cells({"t3.withheld.query.social_welfare"})),
      fires("cell-placeholder", "one_finding_per_table",
            {cell("t3.withheld.query.social_welfare", "/"),
             cell("t3.withheld.query.legal_service", "—"),
             cell("t3.declined.duplicate.research", "无")},
            at("8.属于行政查询事项")
                .cells({"t3.withheld.query.social_welfare", "t3.withheld.query.legal_service",
                        "t3.declined.duplicate.research"})),
      quiet("cell-placeholder", "numbers_everywhere"),
      fires("cell-unit", "yuan_in_the_wan_yuan_column", {cell("t2.fees", "251000元")},
            at("行政事业性收费").cells({"t2.fees"}).says("25.1万元")),
      quiet("cell-unit", "no_units"),
  };
}

std::vector<RuleCase> arithmetic_cases() {
  return {
      fires("t3-balance", "natural_person_and_total",
            {cell("t3.results_total.natural_person", "13"), cell("t3.granted.natural_person", "12"),
             cell("t3.results_total.total", "13"), cell("t3.granted.total", "12")},
            at("一、本年新收")
                .n(2)
                .cells({"t3.new.natural_person", "t3.carried_in.natural_person",
                        "t3.results_total.natural_person", "t3.carried_out.natural_person"})
                .expected(12)
                .actual(13)
                .says("自然人一栏")),
      fires(
          "t3-balance", "misclassified_application",
          {cell("t3.granted.natural_person", "10"), cell("t3.granted.other_org", "1"),
           cell("t3.results_total.natural_person", "11"), cell("t3.results_total.other_org", "1")},
          at("一、本年新收")
              .n(2)
              .cells_first({"t3.new.natural_person"}, 4)
              .expected(12)
              .actual(11)
              .says("不同的申请人类别")),
      quiet("t3-balance", "balanced"),
      fires("t3-results-total", "natural_person",
            {cell("t3.granted.natural_person", "10"), cell("t3.carried_in.natural_person", "1"),
             cell("t3.new.natural_person", "11")},
            at("（七）总计")
                .cells_first({"t3.results_total.natural_person", "t3.granted.natural_person"}, 22)
                .expected(11)
                .actual(12)),
      quiet("t3-results-total", "sums_up"),
      quiet("t3-results-total", "format_2019_rows", {single_other_row()}),
      fires("t3-row-total", "process_information",
            {cell("t3.withheld.process.natural_person", "1")},
            at("6.属于四类过程性信息")
                .cells({"t3.withheld.process.total", "t3.withheld.process.natural_person",
                        "t3.withheld.process.commercial", "t3.withheld.process.research",
                        "t3.withheld.process.social_welfare", "t3.withheld.process.legal_service",
                        "t3.withheld.process.other_org"})
                .expected(1)
                .actual(0)),
      quiet("t3-row-total", "rows_sum_up"),
      fires("t3-carry-over", "more_carried_out_than_new",
            {cell("t3.new.natural_person", "1"), cell("t3.new.total", "1"),
             cell("t3.carried_in.natural_person", "11"), cell("t3.carried_in.total", "11"),
             cell("t3.granted.natural_person", "9"), cell("t3.granted.total", "9"),
             cell("t3.results_total.natural_person", "10"), cell("t3.results_total.total", "10"),
             cell("t3.carried_out.natural_person", "2"), cell("t3.carried_out.total", "2")},
            at("四、结转下年度继续办理")
                .cells({"t3.carried_out.total", "t3.new.total"})
                .expected(1)
                .actual(2)),
      quiet("t3-carry-over", "nothing_carried_out"),
      fires("t4-group-total", "suit_after_review", {cell("t4.suit_after_review.pending", "1")},
            at("5\t2\t0\t0\t7")
                .cells({"t4.suit_after_review.upheld", "t4.suit_after_review.corrected",
                        "t4.suit_after_review.other", "t4.suit_after_review.pending",
                        "t4.suit_after_review.total"})
                .expected(1)
                .actual(0)
                .says("复议后起诉")),
      quiet("t4-group-total", "groups_sum_up"),
      fires("t2-in-force", "normative_documents", {cell("t2.normative.made", "3")},
            at("行政规范性文件\t3").cells({"t2.normative.made", "t2.normative.in_force"})),
      quiet("t2-in-force", "some_in_force",
            {cell("t2.normative.made", "3"), cell("t2.normative.in_force", "40")}),
  };
}

std::vector<RuleCase> narrative_figure_cases() {
  return {
      fires("narrative-applications", "received",
            {overview("2024年，我局受理政府信息公开申请15件。" + kTopics)},
            at("15件")
                .column()
                .cells({"t3.new.total", "t3.carried_in.total"})
                .expected(10)
                .actual(15)),
      fires("narrative-applications", "concluded",
            {overview("2024年，我局共收到政府信息公开申请10件，办结13件。" + kTopics)},
            at("13件").column().cells({"t3.results_total.total"}).expected(12).actual(13)),
      quiet("narrative-applications", "matching_figures",
            {overview("2024年，我局共收到政府信息公开申请10件，上年结转2件，办结12件，其中予以公开"
                      "11件，部分公开1件。" +
                      kTopics)}),
      fires("narrative-applications", "as_of_another_date_is_info",
            {overview("2024年，我局认真开展工作。截至目前，我局共收到政府信息公开申请15件。" +
                      kTopics)},
            at("15件")
                .column()
                .severity(Severity::info)
                .cells({"t3.new.total", "t3.carried_in.total"})
                .expected(10)
                .actual(15)
                .says("另一时点")),
      fires("narrative-applications", "previous_year_is_info",
            {overview("2024年，我局认真开展工作，上年共收到政府信息公开申请15件。" + kTopics)},
            at("15件")
                .column()
                .severity(Severity::info)
                .cells({"t3.new.total", "t3.carried_in.total"})
                .expected(10)
                .actual(15)
                .says("其他年度")),
      fires("narrative-applications", "whole_city_in_a_department_report_is_info",
            {overview("2024年，全市共收到政府信息公开申请150件。" + kTopics)},
            at("150件")
                .column()
                .severity(Severity::info)
                .cells({"t3.new.total", "t3.carried_in.total"})
                .expected(10)
                .actual(150)
                .says("全地区")),
      fires("narrative-applications", "whole_city_in_a_government_report_is_its_own",
            {title("某某市人民政府", "2024年政府信息公开工作年度报告"),
             overview("2024年，全市共收到政府信息公开申请150件。" + kTopics)},
            at("150件")
                .column()
                .cells({"t3.new.total", "t3.carried_in.total"})
                .expected(10)
                .actual(150)),
      quiet("narrative-applications", "year_end_is_the_tables_date",
            {overview("截至2024年12月31日，我局共收到政府信息公开申请10件。" + kTopics)}),
      fires("narrative-review-litigation", "review_count",
            {overview("2024年，我局发生政府信息公开行政复议8件。" + kTopics)},
            at("8件").column().cells({"t4.review.total"}).expected(7).actual(8)),
      fires("narrative-review-litigation", "all_upheld",
            {overview("2024年，我局行政复议案件均被维持。" + kTopics)},
            at("均被维持")
                .cells({"t4.review.corrected", "t4.review.other", "t4.review.pending"})
                .expected(2)
                .actual(0)
                .says("并非全部维持")),
      quiet("narrative-review-litigation", "matching_review",
            {overview("2024年，我局发生政府信息公开行政复议7件，其中结果维持5件，结果纠正2件。" +
                      kTopics)}),
      fires("narrative-zero-claim", "no_applications",
            {overview("2024年，我局未收到政府信息公开申请。" + kTopics)},
            at("未收到").column().cells({"t3.new.total"}).expected(10).actual(0)),
      quiet("narrative-zero-claim", "no_lawsuit_indeed",
            {overview("2024年，我局未发生因政府信息公开引起的行政诉讼。" + kTopics)}),
      fires("narrative-table2", "documents_made",
            {cell("t2.normative.made", "3"), cell("t2.normative.in_force", "20"),
             overview("2024年，我局制发行政规范性文件4件。" + kTopics)},
            at("4件").column().cells({"t2.normative.made"}).expected(3).actual(4)),
      fires("narrative-table2", "stock_at_a_clean_up_is_info",
            {cell("t2.normative.made", "3"), cell("t2.normative.in_force", "20"),
             overview("2024年，我局清理并集中发布现行有效行政规范性文件15件，本年制发行政规范性"
                      "文件3件。" +
                      kTopics)},
            at("15件")
                .column()
                .severity(Severity::info)
                .cells({"t2.normative.in_force"})
                .expected(20)
                .actual(15)
                .says("清理")),
      fires("narrative-table2", "licensing_is_info",
            {overview("2024年，我局作出行政许可决定131件。" + kTopics)},
            at("131件")
                .column()
                .severity(Severity::info)
                .cells({"t2.licensing"})
                .expected(130)
                .actual(131)),
      quiet("narrative-table2", "matching_documents",
            {cell("t2.normative.made", "3"), cell("t2.normative.in_force", "20"),
             overview("2024年，我局制发行政规范性文件3件，作出行政许可决定130件。" + kTopics)}),
      fires("narrative-reading", "received_including_carried_over",
            {overview("2024年，我局受理政府信息公开申请12件。" + kTopics)},
            at("12件")
                .column()
                .uncertain()
                .cells({"t3.new.total", "t3.carried_in.total"})
                .expected(12)
                .actual(12)
                .says("上年结转")),
      quiet("narrative-reading", "direct_reading",
            {overview("2024年，我局共收到政府信息公开申请10件。" + kTopics)}),
      fires("narrative-partition", "groups_do_not_add_up",
            {overview("2024年，我局办结申请12件，其中予以公开10件，部分公开1件，不予公开0件，"
                      "无法提供0件，不予处理0件，其他处理0件。" +
                      kTopics)},
            at("12件").column().expected(12).actual(11)),
      fires(
          "narrative-percentage", "share_of_results",
          {overview("2024年，我局办结申请12件，其中予以公开11件（90%），部分公开1件。" + kTopics)},
          at("90%")
              .column()
              .cells({"t3.granted.total", "t3.results_total.total"})
              .expected(92)
              .actual(90)),
      fires("narrative-percentage", "truncated_is_a_wider_reading",
            {overview("2024年，我局办结申请12件，其中予以公开11件，占91.6%。" + kTopics)},
            at("91.6%")
                .column()
                .severity(Severity::info)
                .uncertain()
                .cells({"t3.granted.total", "t3.results_total.total"})
                .actual(91.6)
                .says("截尾")),
      fires("narrative-percentage", "correction_rate",
            {overview("2024年，我局行政复议纠错率为0%。" + kTopics)},
            at("0%")
                .column()
                .cells({"t4.review.corrected", "t4.review.total"})
                .expected(29)
                .actual(0)),
      quiet("narrative-percentage", "shares_as_written",
            {overview("2024年，我局办结申请12件，其中予以公开11件（91.67%），部分公开1件（8.33%）"
                      "，行政复议纠错率约为29%。" +
                      kTopics)}),
      quiet(
          "narrative-percentage", "changes_and_other_rates",
          {overview("2024年，我局收到申请同比增长20%，办结率100%，群众满意率达98.5%。" + kTopics)}),
      quiet("narrative-partition", "groups_add_up",
            {overview("2024年，我局办结申请12件，其中予以公开11件，部分公开1件，不予公开0件，"
                      "无法提供0件，不予处理0件，其他处理0件。" +
                      kTopics)}),
  };
}

std::vector<RuleCase> narrative_text_cases() {
  const std::string period = "2024年政府信息公开工作年度报告\n本报告所列数据统计期限为";
  return {
      fires("narrative-fee", "no_notice_said_but_unpaid_row", unpaid_fees("2", "9"),
            at("未发出收费通知").cells({"t3.other.unpaid_fee.total"}).expected(2).actual(0)),
      fires("narrative-fee", "notices_not_reported",
            with(unpaid_fees("2", "9"), other_matters("本年度未收取信息处理费。")),
            at("六、其他需要报告的事项")
                .severity(Severity::warning)
                .cells({"t3.other.unpaid_fee.total"})
                .expected(2)),
      quiet("narrative-fee", "nothing_unpaid"),
      quiet("narrative-fee", "notices_reported",
            with(unpaid_fees("2", "9"), other_matters("本年度发出收费通知2件，申请人均未缴费。"))),
      fires("year-consistency", "period",
            {title("某某市某某局", period + "2023年1月1日至12月31日。")},
            at("2023年1月1日").expected(2024).actual(2023)),
      fires("year-consistency", "opening_sentence",
            {overview("2023年，我局认真开展工作。" + kTopics)},
            at("2023年，我局").expected(2024).actual(2023)),
      quiet("year-consistency", "same_years",
            {title("某某市某某局", period + "2024年1月1日至12月31日。")}),
      fires("year-stale", "previous_year_as_current",
            {overview("2024年，我局认真开展工作。2023年，我局共收到政府信息公开申请10件。" +
                      kTopics)},
            at("2023年，我局共").column().expected(2024).actual(2023)),
      quiet("year-stale", "comparison_and_plans",
            {overview("2024年，我局认真开展工作。2023年，我局收到申请8件，同比增长25%。" + kTopics),
             problems("2025年，我局将继续加强培训，解决公开不及时的问题。")}),
      fires("publication-late", "department_after_january",
            {append("\n\n某某市某某局\n2025年2月10日\n")}, at("2025年2月10日")),
      fires(
          "publication-late", "government_after_march",
          {title("某某市人民政府", "2024年政府信息公开工作年度报告"), append("\n\n2025年4月1日\n")},
          at("2025年4月1日")),
      quiet("publication-late", "department_in_time", {append("\n\n2025年1月20日\n")}),
      quiet("publication-late", "government_in_time",
            {title("某某市人民政府", "2024年政府信息公开工作年度报告"),
             append("\n\n（2025年3月20日）\n")}),
      fires("section5-no-problem", "plans_only",
            {problems("2025年，我局将继续围绕中心工作，拓宽公开渠道，提高公开水平。")},
            at(kSection5)),
      quiet("section5-no-problem", "a_problem_named"),
      fires("section6-no-fee", "nothing_on_fees", {other_matters("无。")},
            at("六、其他需要报告的事项")),
      quiet("section6-no-fee", "fee_reported"),
      quiet("section6-no-fee", "report_2020",
            {title("某某市某某局", "2020年政府信息公开工作年度报告"),
             other_matters("无其他需要报告的事项。")}),
      fires("section1-topics", "two_topics_only",
            {overview("2024年，我局认真贯彻《条例》，做好主动公开和依申请公开工作。")},
            at("一、总体情况").says("政府信息管理、政府信息公开平台建设、监督保障")),
      quiet("section1-topics", "five_topics"),
      quiet("section1-topics", "report_2020",
            {title("某某市某某局", "2020年政府信息公开工作年度报告"),
             overview("2020年，我局认真开展工作。")}),
  };
}

// The cross-year rules, with last year's report (previous_year(): 2023, continuous with this
// year's) or without one (then no cross-year rule may fire).
const std::string kCopiedProblem = "一是主动公开的及时性和完整性仍有不足。下一步将加强培训。";
const std::string kCopiedOverview =
    "本年度我局认真贯彻《条例》，做好主动公开、依申请公开、政府信息管理、政府信息公开平台建设和"
    "监督保障工作。";

std::vector<RuleCase> cross_cases() {
  return {
      fires_vs("cross-year-order", "two_years_before", {},
               {title("某某市某某局", "2022年政府信息公开工作年度报告")},
               at("某某市某某局").before("某某市某某局").says("应为2023年度")),
      fires_vs("cross-year-order", "other_agency", {},
               {title("某某县某某局", "2023年政府信息公开工作年度报告")},
               at("某某市某某局").says("机关名称不同")),
      fires_vs("cross-year-order", "same_report_twice", {},
               {title("某某市某某局", "2024年政府信息公开工作年度报告")},
               at("某某市某某局").says("两份报告都是2024年度")),
      fires_vs("cross-year-order", "not_a_report", {}, {whole_text("去年的报告找不到了。")},
               at("某某市某某局").says("无法作为年报读取")),
      fires_vs("cross-year-order", "agency_unknown", {},
               {title("", "2023年政府信息公开工作年度报告")},
               at("某某市某某局").severity(Severity::warning).uncertain().says("无法确认")),
      quiet_vs("cross-year-order", "year_before_same_agency"),
      quiet_vs("cross-year-order", "names_with_spaces", {},
               {title("某某市 某某局", "2023年政府信息公开工作年度报告")}),
      quiet("cross-year-order", "no_previous_report"),
      fires_vs("cross-carry-over", "natural_person_and_total", {},
               {cell("t3.carried_out.natural_person", "3"), cell("t3.carried_out.total", "3"),
                cell("t3.granted.natural_person", "7"), cell("t3.granted.total", "7"),
                cell("t3.results_total.natural_person", "7"), cell("t3.results_total.total", "7")},
               at("二、上年结转")
                   .n(2)
                   .cells({"t3.carried_in.natural_person"})
                   .before("四、结转下年度继续办理", {"t3.carried_out.natural_person"})
                   .expected(3)
                   .actual(2)
                   .says("自然人一栏")),
      quiet_vs("cross-carry-over", "carried_over"),
      quiet_vs("cross-carry-over", "not_the_year_before", {},
               {title("某某市某某局", "2022年政府信息公开工作年度报告"),
                cell("t3.carried_out.total", "9")}),
      quiet("cross-carry-over", "no_previous_report"),
      fires_vs("cross-in-force", "normative_documents",
               {cell("t2.normative.made", "5"), cell("t2.normative.repealed", "2"),
                cell("t2.normative.in_force", "60")},
               {cell("t2.normative.in_force", "50")},
               at("行政规范性文件\t5")
                   .cells({"t2.normative.in_force", "t2.normative.made", "t2.normative.repealed"})
                   .before("行政规范性文件", {"t2.normative.in_force"})
                   .expected(53)
                   .actual(60)
                   .says("上年现行有效50 + 本年制发5 − 本年废止2 = 53，但本年现行有效为60")),
      fires_vs("cross-in-force", "clean_up_mentioned",
               {cell("t2.normative.made", "5"), cell("t2.normative.in_force", "40"),
                overview("2024年，我局开展行政规范性文件清理，" + kTopics)},
               {cell("t2.normative.in_force", "50")},
               at("行政规范性文件\t5")
                   .cells_first({"t2.normative.in_force"}, 3)
                   .expected(55)
                   .actual(40)
                   .says("提到清理")),
      fires_vs("cross-in-force", "no_cut_fits",
               {replace("行政规范性文件\t0\t0\t0", "行政规范性文件5290")},
               {cell("t2.normative.in_force", "50")},
               at("行政规范性文件5290")
                   .cells_first({"t2.normative.in_force"}, 3)
                   .uncertain()
                   .says("都不满足")),
      fires_vs("cross-in-force", "settled_by_last_year",
               {replace("行政规范性文件\t0\t0\t0", "行政规范性文件5253")},
               {cell("t2.normative.in_force", "50")},
               at("行政规范性文件5253")
                   .cells_first({"t2.normative.in_force"}, 3)
                   .severity(Severity::info)
                   .uncertain()
                   .says("5 / 2 / 53")),
      quiet_vs("cross-in-force", "continues",
               {cell("t2.normative.made", "5"), cell("t2.normative.repealed", "2"),
                cell("t2.normative.in_force", "53")},
               {cell("t2.normative.in_force", "50")}),
      quiet("cross-in-force", "no_previous_report",
            {cell("t2.normative.made", "5"), cell("t2.normative.in_force", "60")}),
      fires_vs("cross-identical", "table_3", {}, {table_as_this_year("t3.")},
               at("一、本年新收")
                   .cells({"t3.new.natural_person", "t3.new.total", "t3.carried_in.natural_person",
                           "t3.carried_in.total", "t3.granted.natural_person", "t3.granted.total",
                           "t3.partial.natural_person", "t3.partial.total",
                           "t3.results_total.natural_person", "t3.results_total.total"})
                   .says("表三")),
      fires_vs("cross-identical", "table_2_is_info", {}, {table_as_this_year("t2.")},
               at("规章").severity(Severity::info).cells({"t2.licensing", "t2.fees"}).says("表二")),
      quiet_vs("cross-identical", "zero_table_4",
               {cell("t4.review.upheld", "0"), cell("t4.review.corrected", "0"),
                cell("t4.review.total", "0")},
               {cell("t4.review.upheld", "0"), cell("t4.review.total", "0")}),
      quiet_vs("cross-identical", "new_figures"),
      quiet("cross-identical", "no_previous_report"),
      fires_vs("cross-text-reuse", "problems_of_section_5", {problems(kCopiedProblem)},
               {problems(kCopiedProblem)},
               at("一是主动公开的及时性和完整性")
                   .before("一是主动公开的及时性和完整性")
                   .severity(Severity::warning)
                   .says("第五部分所列问题有1句")),
      fires_vs(
          "cross-text-reuse", "sections_1_5_6",
          {overview(kCopiedOverview), other_matters("本年度未发出收费通知，未收取信息处理费。")},
          {overview(kCopiedOverview), other_matters("本年度未发出收费通知，未收取信息处理费。"),
           problems("一是主动公开的及时性仍有不足。下一步将加强培训。")},
          at("本年度我局认真贯彻").severity(Severity::warning).says("第一、五、六部分100%")),
      fires_vs("cross-text-reuse", "one_sentence", {},
               {other_matters("本年度未发出收费通知，未收取信息处理费。")},
               at("本年度未发出收费通知").before("本年度未发出收费通知").says("全文1/3句（33%）")),
      quiet_vs("cross-text-reuse", "new_text"),
      quiet("cross-text-reuse", "no_previous_report"),
  };
}

// Part of a report pasted alone, and two reports pasted together (scope.hpp, reports.hpp).
const std::string kTable3 = "（本列数据";
const std::string kSection3 = "三、收到和处理政府信息公开申请情况";
const std::string kSection4 = "四、政府信息公开行政复议、行政诉讼情况";

std::vector<RuleCase> scope_cases() {
  return {
      fires("excerpt-scope", "table3_alone", {keep_between(kTable3, kSection4)},
            at(kTable3).column().says(
                "只粘贴了报告的一部分（表三）：已检查表三的勾稽关系；标题、章节和其他表格未检查")),
      fires("excerpt-scope", "section3_with_its_table", {keep_between(kSection3, kSection4)},
            at(kSection3).says("（第三部分、表三）：已检查表三的勾稽关系和正文数字与表格的一致性"
                               "；标题、其他章节和其他表格未检查")),
      fires("excerpt-scope", "tables_2_to_4",
            {keep_between("第二十条第（一）项", kSection5), replace(kSection3 + "\n", ""),
             replace(kSection4 + "\n", "")},
            at("第二十条第（一）项")
                .says("（表二、表三、表四）：已检查表二的数值、表三的勾稽关系和表四的勾稽关系；"
                      "标题和章节未检查")),
      fires("excerpt-scope", "section1_alone", {keep_between("一、总体情况", "二、主动公开")},
            at("一、总体情况").says("（第一部分）：没有表格，正文中的数字无法与表格核对")),
      quiet("excerpt-scope", "whole_report"),
      quiet("excerpt-scope", "report_without_section_5", {drop_heading(kSection5)}),
      quiet("excerpt-scope", "title_then_table3",
            {erase_between("一、总体情况", kTable3), erase_between(kSection4, "六、其他")}),
      fires(
          "multiple-reports", "two_years", {then_next_year()},
          at("某某市某某局")
              .column()
              .says("粘贴的文本包含2份报告，分别检查：第1份（第1行起，某某市某某局2024年度）、第2份"
                    "（第")),
      quiet("multiple-reports", "one_report"),
      quiet("multiple-reports", "title_quoted_in_the_text",
            {append("\n某某市某某局2024年政府信息公开工作年度报告\n")}),
      // What does not fire on an excerpt: the checks about the parts not pasted.
      quiet("title-year", "excerpt_table3", {keep_between(kTable3, kSection4)}),
      quiet("section-missing", "excerpt_section3", {keep_between(kSection3, kSection4)}),
      quiet("section-order", "excerpt_sections_3_then_2",
            {keep_between(kSection3, kSection4),
             append("\n二、主动公开政府信息情况\n本年主动公开政府信息120条。\n")}),
      quiet("table-shape", "excerpt_table3", {keep_between(kTable3, kSection4)}),
      fires("table-shape", "excerpt_table3_row_short",
            {keep_between(kTable3, kSection4), erase_line("2.重复申请")},
            nowhere().cells_first({"t3.declined.duplicate.natural_person"}, 7).says("缺少")),
      quiet("narrative-fee", "excerpt_table3_unpaid_fee",
            with(unpaid_fees("1", "10"), keep_between(kTable3, kSection4))),
      // What does fire on an excerpt: the narrative against the table pasted with it.
      fires("narrative-applications", "excerpt_section3_with_a_sentence",
            {keep_between(kSection3, kSection4),
             replace(kSection3 + "\n", kSection3 + "\n本年受理政府信息公开申请15件。\n")},
            at("15件")
                .column()
                .cells({"t3.new.total", "t3.carried_in.total"})
                .expected(10)
                .actual(15)),
      quiet("section1-topics", "excerpt_section1",
            {keep_between("一、总体情况", "二、主动公开"),
             overview("2024年，我局认真贯彻《条例》，做好主动公开工作。")}),
  };
}

const std::vector<RuleCase>& cases() {
  static const std::vector<RuleCase> all = [] {
    std::vector<RuleCase> out;
    for (auto part :
         {structure_cases(), table_cases(), arithmetic_cases(), narrative_figure_cases(),
          narrative_text_cases(), cross_cases(), scope_cases()}) {
      out.insert(out.end(), part.begin(), part.end());
    }
    return out;
  }();
  return all;
}

const nianbao::detail::RuleDef* registered(const std::string& id) {
  for (const auto* r : nianbao::detail::registry()) {
    if (r->id == id) return r;
  }
  return nullptr;
}

int line_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string::npos) return -1;
  return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
}

// 1-based code-point column of the first occurrence of `needle`.
int column_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string::npos) return -1;
  const std::size_t ls = text.rfind('\n', at);
  int col = 1;
  for (std::size_t k = ls == std::string::npos ? 0 : ls + 1; k < at; ++k) {
    if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

std::string describe(const RuleCase& c, const Result& r, const std::string& text) {
  std::string s = c.rule + " / " + c.name + "; edits:";
  for (const auto& e : c.edits) s += "\n  " + e.what;
  return s + "\nfindings:\n" + nianbao::to_text(r, text, "case");
}

class RuleCases : public ::testing::TestWithParam<RuleCase> {};

TEST_P(RuleCases, Case) {
  const RuleCase& c = GetParam();
  const auto* rule = registered(c.rule);
  ASSERT_NE(rule, nullptr) << "no registered rule " << c.rule;
  std::vector<std::string> missed;
  const std::string text = nianbao::testing::edited_report(c.edits, &missed);
  nianbao::Options options;
  if (c.previous) {
    options.previous =
        nianbao::testing::edited_report(nianbao::testing::previous_year(), *c.previous, &missed);
  }
  ASSERT_TRUE(missed.empty()) << "edit found nothing to change: " << missed.front();
  const Result r = nianbao::check(text, options);
  std::vector<const Finding*> fs;
  for (const auto& f : r.findings) {
    if (f.rule == c.rule) fs.push_back(&f);
  }
  const std::string why = describe(c, r, text);
  if (!c.fires) {
    EXPECT_TRUE(fs.empty()) << why;
    return;
  }
  const Expect& e = c.expect;
  ASSERT_EQ(fs.size(), e.count) << why;
  const Finding& f = *fs.front();
  EXPECT_EQ(f.status, e.status_value) << why;
  EXPECT_EQ(f.severity, e.severity_value.value_or(rule->severity)) << why;
  if (e.at_text.empty()) {
    EXPECT_EQ(f.line, 0) << why;
  } else {
    ASSERT_NE(line_of(text, e.at_text), -1) << "not in the report: " << e.at_text;
    EXPECT_EQ(f.line, line_of(text, e.at_text)) << why;
    if (e.at_column) {
      EXPECT_EQ(f.column, column_of(text, e.at_text)) << why;
    }
  }
  if (e.cell_total == 0) {
    EXPECT_EQ(f.cells, e.cell_ids) << why;
  } else {
    EXPECT_EQ(f.cells.size(), e.cell_total) << why;
    const std::size_t n = std::min(f.cells.size(), e.cell_ids.size());
    EXPECT_EQ(std::vector<std::string>(f.cells.begin(), f.cells.begin() + static_cast<long>(n)),
              e.cell_ids)
        << why;
  }
  EXPECT_EQ(f.expected, e.expected_value) << why;
  EXPECT_EQ(f.actual, e.actual_value) << why;
  EXPECT_NE(f.message.find(e.message_part), std::string::npos) << why;
  EXPECT_FALSE(f.message_en.empty()) << why;
  if (!e.previous_at.empty()) {
    ASSERT_NE(line_of(*options.previous, e.previous_at), -1)
        << "not last year's: " << e.previous_at;
    EXPECT_EQ(f.previous_line, line_of(*options.previous, e.previous_at)) << why;
    EXPECT_EQ(f.previous_cells, e.previous_cell_ids) << why;
  }
}

std::string case_name(const ::testing::TestParamInfo<RuleCase>& info) {
  std::string s =
      info.param.rule + "__" + (info.param.fires ? "fires__" : "quiet__") + info.param.name;
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleCases, ::testing::ValuesIn(cases()), case_name);

TEST(RuleCasesCoverage, EveryRegisteredRuleHasAFiringAndAQuietCase) {
  for (const auto* rule : nianbao::detail::registry()) {
    const auto has = [&](bool firing) {
      return std::any_of(cases().begin(), cases().end(), [&](const RuleCase& c) {
        return c.rule == rule->id && c.fires == firing;
      });
    };
    EXPECT_TRUE(has(true)) << rule->id << " has no case where it fires";
    EXPECT_TRUE(has(false)) << rule->id << " has no case where it stays quiet";
  }
}

TEST(RuleCasesCoverage, EveryCaseNamesARegisteredRuleAndIsUnique) {
  std::set<std::string> names;
  for (const auto& c : cases()) {
    EXPECT_NE(registered(c.rule), nullptr) << c.rule;
    EXPECT_TRUE(names.insert(case_name({c, 0})).second) << "duplicate case " << case_name({c, 0});
  }
}

}  // namespace
