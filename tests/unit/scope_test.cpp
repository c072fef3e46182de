// Part of a report, or more than one (issue 17), on the builder's fictional report: the scope
// decision and its override, what runs on an excerpt, the splitting of a paste into reports,
// the JSON additions and the options. The same shapes cut from the corpus: excerpt_corpus_test.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "nianbao/nianbao.hpp"
#include "report_builder.hpp"
#include "reports.hpp"

namespace nianbao {
namespace {

using testing::Edit;
using testing::ReportBuilder;
using namespace testing::edit;

const std::string kTable3 = "（本列数据";
const std::string kSection3 = "三、收到和处理政府信息公开申请情况";
const std::string kSection4 = "四、政府信息公开行政复议、行政诉讼情况";

std::string report(const std::vector<Edit>& edits = {}) { return testing::edited_report(edits); }

std::set<std::string> rules_of(const Result& r) {
  std::set<std::string> out;
  for (const auto& f : r.findings) out.insert(f.rule);
  return out;
}

Result check_scope(const std::string& text, ScopeMode mode) {
  Options o;
  o.scope = mode;
  return check(text, o);
}

// The rules declared to need the whole report.
std::set<std::string> whole_report_rules() {
  std::set<std::string> out;
  for (const auto& r : rules()) {
    if (r.whole_report) out.insert(r.id);
  }
  return out;
}

TEST(Scope, TheRulesAboutTheWholeReportDeclareIt) {
  EXPECT_EQ(
      whole_report_rules(),
      (std::set<std::string>{"section-missing", "section-order", "title-year", "publication-late",
                             "section5-no-problem", "section1-topics", "section6-no-fee"}));
}

TEST(Scope, AWholeReportIsFullWithEveryPartInInputOrder) {
  const Result r = check(report());
  EXPECT_EQ(r.scope, "full");
  EXPECT_EQ(r.parts, (std::vector<std::string>{"section-1", "section-2", "t2", "section-3", "t3",
                                               "section-4", "t4", "section-5", "section-6"}));
  EXPECT_TRUE(r.reports.empty());
}

TEST(Scope, TableThreeAloneInEveryShapeIsAnExcerptWithItsArithmetic) {
  for (auto layout :
       {ReportBuilder::Shape::tabs, ReportBuilder::Shape::spaces, ReportBuilder::Shape::markdown}) {
    const std::string text = report(
        {shape(layout), keep_between(kTable3, kSection4), cell("t3.granted.natural_person", "12")});
    const Result r = check(text);
    SCOPED_TRACE(text);
    ASSERT_EQ(r.exit_code, 1) << r.input_error;
    EXPECT_EQ(r.scope, "excerpt");
    EXPECT_EQ(r.parts, std::vector<std::string>{"t3"});
    ASSERT_FALSE(r.findings.empty());
    EXPECT_EQ(r.findings.front().rule, "excerpt-scope");
    EXPECT_EQ(r.findings.front().line, 1);
    EXPECT_EQ(r.findings.front().severity, Severity::info);
    const auto fired = rules_of(r);
    EXPECT_TRUE(fired.count("t3-row-total") && fired.count("t3-results-total"))
        << to_text(r, text, "t3");
    for (const auto& id : whole_report_rules()) EXPECT_FALSE(fired.count(id)) << id;
    EXPECT_FALSE(fired.count("table-shape")) << to_text(r, text, "t3");
  }
}

TEST(Scope, TheOverrideChecksAnExcerptAsAWholeReportAndTheOtherWay) {
  const std::string t3 = report({keep_between(kTable3, kSection4)});
  const Result full = check_scope(t3, ScopeMode::full);
  EXPECT_EQ(full.scope, "full");
  const auto fired = rules_of(full);
  EXPECT_FALSE(fired.count("excerpt-scope"));
  EXPECT_TRUE(fired.count("title-year") && fired.count("section-missing") &&
              fired.count("table-shape"));
  EXPECT_EQ(full.exit_code, 1);

  const std::string whole = report({drop_heading("五、存在的主要问题及改进情况")});
  EXPECT_TRUE(rules_of(check(whole)).count("section-missing"));
  const Result part = check_scope(whole, ScopeMode::excerpt);
  EXPECT_EQ(part.scope, "excerpt");
  EXPECT_FALSE(rules_of(part).count("section-missing"));
  EXPECT_EQ(part.findings.front().rule, "excerpt-scope");
  EXPECT_EQ(part.findings.front().message.rfind("按报告的一部分检查（第一部分", 0), 0u)
      << part.findings.front().message;
  EXPECT_NE(part.findings.front().message.find("标题和其他章节未检查"), std::string::npos)
      << part.findings.front().message;
}

TEST(Scope, AFullReportMissingASectionStaysFull) {
  for (const char* heading : {"一、总体情况", "五、存在的主要问题及改进情况"}) {
    const Result r = check(report({drop_heading(heading)}));
    EXPECT_EQ(r.scope, "full") << heading;
    EXPECT_EQ(std::count_if(r.findings.begin(), r.findings.end(),
                            [](const Finding& f) {
                              // A heading dropped before content that is still recognisable is a
                              // lost heading (issue 12), else a missing section.
                              return f.rule == "section-missing" ||
                                     f.rule == "section-heading-lost";
                            }),
              1)
        << heading;
  }
}

TEST(Scope, SectionOrderIsAWholeReportCheck) {
  const std::string text =
      report({keep_between(kSection3, kSection4),
              append("\n二、主动公开政府信息情况\n本年主动公开信息120条。\n")});
  const Result part = check(text);
  EXPECT_EQ(part.scope, "excerpt");
  EXPECT_EQ(part.parts, (std::vector<std::string>{"section-3", "t3", "section-2"}));
  EXPECT_FALSE(rules_of(part).count("section-order"));
  EXPECT_TRUE(rules_of(check_scope(text, ScopeMode::full)).count("section-order"));
}

TEST(Scope, ASectionAloneSaysThereIsNothingToCompare) {
  const std::string text = report({keep_between("一、总体情况", "二、主动公开"),
                                   overview("2024年，我局共受理政府信息公开申请12件，"
                                            "行政复议案件1件，复议后起诉的行政诉讼1个。")});
  const Result r = check(text);
  ASSERT_NE(r.exit_code, 2) << r.input_error;
  EXPECT_EQ(r.parts, std::vector<std::string>{"section-1"});
  // The sentence naming 复议后起诉 is no table 4.
  EXPECT_TRUE(r.cells.empty());
  ASSERT_EQ(r.findings.size(), 1u) << to_text(r, text, "s1");
  EXPECT_NE(r.findings[0].message.find("没有表格，正文中的数字无法与表格核对"), std::string::npos);
  EXPECT_NE(r.findings[0].message.find("标题、其他章节和表格未检查"), std::string::npos);
}

TEST(Scope, ANoteCountsNoCheck) {
  const std::string t3 = report({keep_between(kTable3, kSection4)});
  const Result part = check(t3);
  const Result full = check_scope(t3, ScopeMode::full);
  EXPECT_EQ(part.summary.fail, 0);
  EXPECT_EQ(part.summary.infos, 1);
  EXPECT_EQ(part.summary.pass, full.summary.pass - 1);  // table 3 found; 2 and 4 not looked for
}

TEST(NotAReport, ALoneNumberProseAndOtherTablesStayRefused) {
  const std::vector<std::string> texts = {
      "42\n",
      "今天天气很好，我们去公园散步。政府信息公开是一项重要工作。\n",
      "项目\t2023年\t2024年\n一般公共预算收入\t120\t130\n税收收入\t80\t95\n",
      // A sentence naming table 3's first row is no table 3.
      "据统计，本年新收政府信息公开申请数量为31件，均已办结。\n",
      "一、总体情况\n一、总体情况\n",
  };
  for (const auto& t : texts) {
    const Result r = check(t);
    EXPECT_EQ(r.exit_code, 2) << t;
    EXPECT_NE(r.input_error.find("不是政府信息公开工作年度报告"), std::string::npos)
        << t << r.input_error;
    EXPECT_EQ(check_scope(t, ScopeMode::excerpt).exit_code, 2) << t;
  }
}

// ----- more than one report -------------------------------------------------------------

TEST(Reports, TwoReportsPastedTogetherAreEachChecked) {
  const std::string one = report();
  const std::string next =
      report({title("某某市某某局", "2025年政府信息公开工作年度报告"),
              cell("t3.granted.natural_person", "12"), cell("t3.granted.total", "12")});
  const std::string text = one + "\n" + next;
  const Result r = check(text);
  ASSERT_EQ(r.reports.size(), 2u);
  EXPECT_EQ(r.exit_code, 1);  // the second report's table 3 does not balance
  EXPECT_EQ(r.reports[0].year, 2024);
  EXPECT_EQ(r.reports[1].year, 2025);
  const int first_lines = static_cast<int>(std::count(one.begin(), one.end(), '\n')) + 1;
  EXPECT_EQ(r.reports[0].first_line, 1);
  EXPECT_EQ(r.reports[1].first_line, first_lines + 1);
  EXPECT_EQ(r.reports[0].last_line, first_lines);
  // Each report as checked alone, its lines moved down by the first report's.
  const Result alone = check(next);
  const auto& sub = r.reports[1];
  ASSERT_EQ(sub.findings.size(), alone.findings.size() + 1);
  EXPECT_EQ(sub.findings[0].rule, "multiple-reports");
  for (std::size_t k = 0; k < alone.findings.size(); ++k) {
    const Finding& a = alone.findings[k];
    const Finding& b = sub.findings[k + 1];
    EXPECT_EQ(a.rule, b.rule);
    EXPECT_EQ(a.cells, b.cells);
    EXPECT_EQ(a.line == 0 ? 0 : a.line + first_lines, b.line) << a.rule;
    EXPECT_EQ(a.column, b.column);
  }
  EXPECT_EQ(sub.summary.pass, alone.summary.pass);
  EXPECT_EQ(sub.summary.fail, alone.summary.fail);
  // The top level is the first report's.
  EXPECT_EQ(r.year, 2024);
  EXPECT_EQ(r.findings.size(), r.reports[0].findings.size());
  EXPECT_EQ(r.findings.front().rule, "multiple-reports");
  EXPECT_EQ(r.cells.size(), r.reports[0].cells.size());
}

TEST(Reports, TheJsonListsTheReportsOnlyWhenThereAreSeveral) {
  const auto one = nlohmann::json::parse(to_json(check(report())));
  EXPECT_FALSE(one.contains("reports"));
  EXPECT_EQ(one["report"]["scope"], "full");
  EXPECT_EQ(one["report"]["parts"].size(), 9u);
  const std::string text =
      report() + "\n" + report({title("某某市某某局", "2025年政府信息公开工作年度报告")});
  const auto two = nlohmann::json::parse(to_json(check(text)));
  ASSERT_TRUE(two.contains("reports"));
  ASSERT_EQ(two["reports"].size(), 2u);
  for (const auto& sub : two["reports"]) {
    for (const char* k : {"lines", "report", "sections", "cells", "findings", "summary"}) {
      EXPECT_TRUE(sub.contains(k)) << k;
    }
  }
  EXPECT_EQ(two["reports"][1]["report"]["year"], 2025);
  EXPECT_EQ(two["reports"][0]["findings"], two["findings"]);
  EXPECT_EQ(two["reports"][0]["cells"], two["cells"]);
  // The terminal format closes each report with its own line.
  const std::string shown = to_text(check(text), text, "two");
  EXPECT_NE(shown.find("2024年度"), std::string::npos);
  EXPECT_NE(shown.find("2025年度"), std::string::npos);
}

TEST(Reports, ARepeatedTitleALinkOrAQuotedTitleSplitNothing) {
  const std::string base = report();
  const std::string title = "某某市某某局2024年政府信息公开工作年度报告\n";
  // The title as a page header above every section (PDF text), a link to last year's report
  // at the end, the title quoted in a sentence.
  std::string headers = base;
  for (const char* h : {"二、主动公开", "三、收到和处理", "四、政府信息公开行政复议", "五、存在"}) {
    headers.insert(headers.find(h), title);
  }
  // A page header, then a numbered sub-heading of section 五 that reads like section 二's.
  std::string sub_heading = base;
  const std::string problems = "一是主动公开的及时性仍有不足。";
  sub_heading.insert(sub_heading.find(problems) + problems.size(),
                     "\n" + title + "二、主动公开工作还需加强\n");
  const std::vector<std::string> texts = {
      headers,
      sub_heading,
      base + "\n上一篇：某某市某某局2023年政府信息公开工作年度报告\n",
      base + "\n某某市某某局2023年政府信息公开工作年度报告\n",
      "根据《条例》要求，编制本\n《某某市某某局2024年政府信息公开工作年度报告》\n" + base,
  };
  for (const auto& t : texts) {
    std::size_t found = 0;
    EXPECT_EQ(detail::find_reports(t, &found).size(), 1u) << t;
    EXPECT_EQ(found, 1u);
    EXPECT_TRUE(check(t).reports.empty());
  }
}

TEST(Reports, AReportWithoutItsTitleBeforeOneWithATitle) {
  const std::string first = report({erase_line("某某市某某局"), erase_line("2024年政府信息")});
  const std::string text = first + "\n" + report();
  const Result r = check(text);
  ASSERT_EQ(r.reports.size(), 2u);
  EXPECT_FALSE(r.reports[0].year.has_value());
  EXPECT_EQ(r.reports[1].year, 2024);
  EXPECT_TRUE(rules_of(r.reports[0]).count("title-year"));
}

TEST(Reports, AtMostTenAreCheckedAndTheNoteSaysSo) {
  std::string text;
  for (int y = 2010; y < 2022; ++y) {
    text +=
        report({title("某某市某某局", std::to_string(y) + "年政府信息公开工作年度报告")}) + "\n";
  }
  std::size_t found = 0;
  EXPECT_EQ(detail::find_reports(text, &found).size(), detail::kMaxReports);
  EXPECT_EQ(found, detail::kMaxReports + 1);
  const Result r = check(text);
  ASSERT_EQ(r.reports.size(), detail::kMaxReports);
  EXPECT_NE(r.findings.front().message.find("只检查了前10份"), std::string::npos)
      << r.findings.front().message;
}

// A saved web page: lines become paragraphs, tab-separated rows table rows.
std::string as_html(const std::string& text) {
  std::string out = "<html><body>\n";
  std::size_t b = 0;
  while (b < text.size()) {
    std::size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    const std::string line = text.substr(b, e - b);
    if (line.find('\t') == std::string::npos) {
      out += "<p>" + line + "</p>\n";
    } else {
      std::string row = "<table><tr><td>";
      for (char c : line) row += c == '\t' ? std::string("</td><td>") : std::string(1, c);
      out += row + "</td></tr></table>\n";
    }
    b = e + 1;
  }
  return out + "</body></html>\n";
}

TEST(Reports, AWebPageExcerptAndTwoReportsInOnePage) {
  const Result t3 = check(as_html(report({keep_between(kTable3, kSection4)})));
  EXPECT_EQ(t3.scope, "excerpt");
  EXPECT_EQ(t3.parts, std::vector<std::string>{"t3"});
  const std::string page =
      as_html(report() + "\n" + report({title("某某市某某局", "2025年政府信息公开工作年度报告")}));
  const Result r = check(page);
  ASSERT_EQ(r.reports.size(), 2u);
  EXPECT_EQ(r.reports[1].year, 2025);
  // Positions point into the page: the second note is on the second report's first paragraph.
  const Finding& note = r.reports[1].findings.front();
  EXPECT_EQ(note.rule, "multiple-reports");
  const std::size_t second = page.find("<p>某某市某某局</p>", page.find("<p>某某市某某局</p>") + 1);
  EXPECT_EQ(note.line, static_cast<int>(std::count(page.begin(), page.begin() + second, '\n')) + 1);
}

TEST(Reports, ConsecutiveYearsOfOneAgencyArePaired) {
  using detail::ReportMark;
  const std::vector<ReportMark> marks = {{0, std::string("甲局"), 2023},
                                         {10, std::string("乙局"), 2024},
                                         {20, std::string("甲局"), 2024},
                                         {30, std::nullopt, 2025}};
  EXPECT_EQ(detail::consecutive_years(marks),
            (std::vector<std::pair<std::size_t, std::size_t>>{{0, 2}}));
}

// ----- options --------------------------------------------------------------------------

TEST(ScopeOptions, TheJsonOptionAndItsNames) {
  for (const auto& [json, mode] : std::vector<std::pair<std::string, ScopeMode>>{
           {R"({"scope":"full"})", ScopeMode::full},
           {R"({"scope":"excerpt"})", ScopeMode::excerpt},
           {R"({"scope":"auto"})", ScopeMode::automatic},
           {R"({"scope":null})", ScopeMode::automatic},
           {R"({})", ScopeMode::automatic}}) {
    Options o;
    std::string error;
    EXPECT_TRUE(parse_options_json(json, &o, &error)) << json << error;
    EXPECT_EQ(o.scope, mode) << json;
  }
  Options o;
  std::string error;
  EXPECT_FALSE(parse_options_json(R"({"scope":"partial"})", &o, &error));
  EXPECT_NE(error.find("scope"), std::string::npos) << error;
  EXPECT_FALSE(parse_options_json(R"({"scope":1})", &o, &error));
  for (ScopeMode m : {ScopeMode::automatic, ScopeMode::full, ScopeMode::excerpt}) {
    EXPECT_EQ(parse_scope_mode(scope_mode_name(m)), m);
  }
  const std::string t3 = report({keep_between(kTable3, kSection4)});
  const auto j = nlohmann::json::parse(check_to_json(t3, R"({"scope":"full"})"));
  EXPECT_EQ(j["report"]["scope"], "full");
  EXPECT_EQ(nlohmann::json::parse(check_to_json(t3, ""))["report"]["scope"], "excerpt");
}

}  // namespace
}  // namespace nianbao
