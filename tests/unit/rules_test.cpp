// Rule tests beyond the data cases of rule_cases_test.cpp: what a case cannot say (cell
// statuses, other rules staying quiet, exit codes, options, the catalogue).
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <nianbao/nianbao.hpp>
#include <string>

#include "report_builder.hpp"
#include "rules/tables/sums.hpp"

using nianbao::CellStatus;
using nianbao::Finding;
using nianbao::Result;
using nianbao::testing::ReportBuilder;

namespace {

std::vector<const Finding*> of(const Result& r, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const auto& f : r.findings) {
    if (f.rule == rule) out.push_back(&f);
  }
  return out;
}

int line_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string::npos) return -1;
  return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
}

const nianbao::Cell* cell(const Result& r, const std::string& id) {
  for (const auto& c : r.cells) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

bool has_cell(const Finding& f, const std::string& id) {
  return std::find(f.cells.begin(), f.cells.end(), id) != f.cells.end();
}

}  // namespace

TEST(RulesBaseline, ConsistentReportHasNoFindingAndAllCellsRead) {
  for (auto shape :
       {ReportBuilder::Shape::tabs, ReportBuilder::Shape::spaces, ReportBuilder::Shape::markdown}) {
    ReportBuilder b;
    b.shape = shape;
    const std::string text = b.build();
    const Result r = nianbao::check(text);
    EXPECT_EQ(r.exit_code, 0) << nianbao::to_text(r, text, "x");
    EXPECT_TRUE(r.findings.empty()) << nianbao::to_text(r, text, "x");
    EXPECT_EQ(r.cells.size(), 10u + 175u + 15u);
    EXPECT_EQ(r.summary.uncertain, 0);
    ASSERT_TRUE(r.agency.has_value());
    EXPECT_EQ(*r.agency, "某某市某某局");
    EXPECT_EQ(r.year, 2024);
    EXPECT_EQ(r.format, "2021");
    EXPECT_EQ(r.sections.size(), 6u);
    const auto* fee = cell(r, "t2.fees");
    ASSERT_NE(fee, nullptr);
    EXPECT_DOUBLE_EQ(fee->value.value_or(-1), 92.73);
    const auto* granted = cell(r, "t3.granted.total");
    ASSERT_NE(granted, nullptr);
    EXPECT_EQ(granted->value.value_or(-1), 11);
    EXPECT_EQ(granted->line, line_of(text, "予以公开"));
    const auto* review = cell(r, "t4.review.total");
    ASSERT_NE(review, nullptr);
    EXPECT_EQ(review->value.value_or(-1), 7);
  }
}

TEST(RuleT3Balance, NoHintWhenTotalAlsoFails) {
  ReportBuilder b;
  b.set_t3("results_total", 0, "11");
  b.set_t3("results_total", 6, "11");
  b.set_t3("granted", 0, "10");
  b.set_t3("granted", 6, "10");
  const Result r = nianbao::check(b.build());
  for (const auto* x : of(r, "t3-balance")) {
    EXPECT_EQ(x->message.find("不同的申请人类别"), std::string::npos);
  }
}

TEST(RuleT3CarryOver, WarnsWhenCarriedOutExceedsNew) {
  ReportBuilder b;
  b.set_t3("new", 0, "1");
  b.set_t3("new", 6, "1");
  b.set_t3("carried_in", 0, "11");
  b.set_t3("carried_in", 6, "11");
  b.set_t3("granted", 0, "9");
  b.set_t3("granted", 6, "9");
  b.set_t3("results_total", 0, "10");
  b.set_t3("results_total", 6, "10");
  b.set_t3("carried_out", 0, "2");
  b.set_t3("carried_out", 6, "2");
  const Result r = nianbao::check(b.build());
  const auto f = of(r, "t3-carry-over");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->severity, nianbao::Severity::warning);
  EXPECT_TRUE(of(r, "t3-balance").empty());
  EXPECT_TRUE(of(nianbao::check(ReportBuilder().build()), "t3-carry-over").empty());
}

TEST(RuleTableShape, RowWithTooFewNumbersIsAmbiguousNotGuessed) {
  ReportBuilder b;
  b.shape = ReportBuilder::Shape::spaces;
  std::string text = b.build();
  // Drop one number from the table-4 data row: 14 numbers for 15 cells.
  const std::size_t at = text.find("5   2   0");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 4, "");
  const Result r = nianbao::check(text);
  const auto f = of(r, "table-shape");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->status, nianbao::FindingStatus::uncertain);
  EXPECT_EQ(f[0]->expected, 15);
  EXPECT_EQ(f[0]->actual, 14);
  for (int g = 0; g < 3; ++g) {
    for (int c = 0; c < 5; ++c) {
      const auto* x = cell(r, nianbao::detail::t4_id(g, c));
      ASSERT_NE(x, nullptr);
      EXPECT_EQ(x->status, CellStatus::ambiguous);
      EXPECT_FALSE(x->value.has_value());
    }
  }
  EXPECT_TRUE(of(r, "t4-group-total").empty());  // not assessable, never "pass"
  EXPECT_GE(r.summary.not_assessable, 3);
}

TEST(RuleTableShape, MissingTableAndMissingRow) {
  ReportBuilder b;
  std::string text = b.build();
  const std::size_t at = text.find("2.重复申请");
  text.erase(at, text.find('\n', at) - at + 1);
  Result r = nianbao::check(text);
  auto f = of(r, "table-shape");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->status, nianbao::FindingStatus::fail);
  EXPECT_NE(f[0]->message.find("重复申请"), std::string::npos);
  EXPECT_TRUE(has_cell(*f[0], "t3.declined.duplicate.total"));
  EXPECT_EQ(cell(r, "t3.declined.duplicate.total"), nullptr);
  // t3-results-total cannot be checked without the row: not assessable, not pass.
  EXPECT_TRUE(of(r, "t3-results-total").empty());

  // Table 4 gone entirely.
  std::string no_t4 = b.build();
  const std::size_t s4 = no_t4.find("行政复议\t行政诉讼");
  const std::size_t s5 = no_t4.find("五、存在的主要问题");
  no_t4.erase(s4, s5 - s4);
  r = nianbao::check(no_t4);
  f = of(r, "table-shape");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->message.find("表四"), std::string::npos);
  EXPECT_EQ(f[0]->line, line_of(no_t4, "四、政府信息公开行政复议"));
}

TEST(RuleCellPlaceholder, PlaceholdersAreNotZeroButCountAsZero) {
  ReportBuilder b;
  b.set_t3("withheld.query", 3, "/");
  b.set_t3("withheld.query", 4, "—");
  b.set_t3("declined.duplicate", 2, "无");
  const std::string text = b.build();
  const Result r = nianbao::check(text);
  const auto f = of(r, "cell-placeholder");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->severity, nianbao::Severity::warning);
  EXPECT_EQ(f[0]->cells.size(), 3u);
  const auto* c = cell(r, "t3.withheld.query.social_welfare");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, CellStatus::placeholder);
  EXPECT_FALSE(c->value.has_value());
  EXPECT_EQ(c->raw, "/");
  EXPECT_TRUE(of(r, "t3-row-total").empty());  // counted as 0
  EXPECT_TRUE(of(nianbao::check(ReportBuilder().build()), "cell-placeholder").empty());
}

TEST(RuleCellPlaceholder, BlankTabCellBetweenNumbersIsBlank) {
  ReportBuilder b;
  b.set_t3("withheld.query", 3, "");
  const Result r = nianbao::check(b.build());
  const auto* c = cell(r, "t3.withheld.query.social_welfare");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, CellStatus::blank);
  EXPECT_EQ(of(r, "cell-placeholder").size(), 1u);
}

TEST(RuleSectionMissing, EachMissingSectionIsNamed) {
  ReportBuilder b;
  b.drop_headings = {"五、存在的主要问题及改进情况"};
  const Result r = nianbao::check(b.build());
  const auto f = of(r, "section-missing");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0]->message.find("五、存在的主要问题及改进情况"), std::string::npos);
  EXPECT_EQ(f[0]->line, 0);
  EXPECT_EQ(r.exit_code, 1);
}

TEST(RuleSectionHeadingVariant, AcceptedVariantIsInfo) {
  ReportBuilder b;
  std::string text = b.build();
  const std::string official = "五、存在的主要问题及改进情况";
  text.replace(text.find(official), official.size(), "五、存在问题及改进情况");
  const Result r = nianbao::check(text);
  EXPECT_TRUE(of(r, "section-missing").empty());
  const auto f = of(r, "section-heading-variant");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->severity, nianbao::Severity::info);
  EXPECT_EQ(r.exit_code, 0);
}

TEST(RuleFormatOutdated, SingleOtherRowIn2021Report) {
  ReportBuilder b;
  b.single_other_row = true;
  const std::string text = b.build();
  const Result r = nianbao::check(text);
  const auto f = of(r, "format-outdated");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->line, line_of(text, "（六）其他处理"));
  // The single row is still read as other.other, and the 2021-only rows are absent.
  EXPECT_NE(cell(r, "t3.other.other.total"), nullptr);
  EXPECT_EQ(cell(r, "t3.other.unpaid_fee.total"), nullptr);
  EXPECT_TRUE(of(r, "table-shape").empty());
  EXPECT_TRUE(of(r, "t3-results-total").empty());
}

TEST(Options, IgnoreAndMinimumSeverityHideFindingsAndCountThem) {
  ReportBuilder b;
  b.set_t3("withheld.process", 0, "1");
  b.set_t3("withheld.query", 3, "/");
  const std::string text = b.build();
  nianbao::Options o;
  const Result all = nianbao::check(text);
  o.ignore = {"t3-row-total", "t3-results-total"};
  Result r = nianbao::check(text, o);
  EXPECT_TRUE(of(r, "t3-row-total").empty());
  EXPECT_TRUE(of(r, "t3-results-total").empty());
  EXPECT_EQ(of(r, "cell-placeholder").size(), 1u);
  EXPECT_EQ(r.summary.hidden, 2);
  EXPECT_EQ(r.findings.size() + 2, all.findings.size());
  EXPECT_EQ(r.exit_code, 0);  // the only errors were hidden
  o = {};
  o.min_severity = nianbao::Severity::error;
  r = nianbao::check(text, o);
  EXPECT_TRUE(of(r, "cell-placeholder").empty());
  EXPECT_EQ(of(r, "t3-row-total").size(), 1u);
  EXPECT_EQ(static_cast<std::size_t>(r.summary.hidden), all.findings.size() - r.findings.size());
  EXPECT_GE(r.summary.hidden, 1);
}

TEST(NotAReport, EmptyBinaryAndProseAreRefused) {
  for (const std::string& text :
       {std::string(""), std::string("   \n\n"), std::string("\x01\x02\x03\xff\xfe", 5),
        std::string("今天天气很好，我们去公园散步。\n晚上吃饺子。\n")}) {
    const Result r = nianbao::check(text);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_FALSE(r.input_error.empty());
    EXPECT_EQ(r.input_error.find('\n'), std::string::npos);
    EXPECT_TRUE(r.findings.empty());
    const std::string json = nianbao::to_json(r);
    EXPECT_NE(json.find("\"error\""), std::string::npos);
  }
}

TEST(Catalogue, EveryRuleIsDeclaredAndEveryFindingNamesADeclaredRule) {
  std::vector<std::string> ids;
  for (const auto& r : nianbao::rules()) {
    EXPECT_FALSE(r.title.empty()) << r.id;
    EXPECT_FALSE(r.explanation.empty()) << r.id;
    EXPECT_FALSE(r.basis.empty()) << r.id;
    EXPECT_EQ(r.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"), std::string::npos);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), r.id), 0) << "duplicate " << r.id;
    ids.push_back(r.id);
  }
  ReportBuilder b;
  b.set_t3("withheld.process", 0, "1");
  b.cells["t2.fees"] = "1元";
  b.single_other_row = true;
  for (const auto& f : nianbao::check(b.build()).findings) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), f.rule), ids.end()) << f.rule;
  }
}

TEST(Catalogue, NamedTable2CellsAreTheirCells) {
  using namespace nianbao::detail;
  EXPECT_EQ(cell_name(kT2RulesMade), "t2.rules.made");
  EXPECT_EQ(cell_name(kT2RulesRepealed), "t2.rules.repealed");
  EXPECT_EQ(cell_name(kT2RulesInForce), "t2.rules.in_force");
  EXPECT_EQ(cell_name(kT2NormativeMade), "t2.normative.made");
  EXPECT_EQ(cell_name(kT2NormativeRepealed), "t2.normative.repealed");
  EXPECT_EQ(cell_name(kT2NormativeInForce), "t2.normative.in_force");
  EXPECT_EQ(cell_name(kT2Licensing), "t2.licensing");
  EXPECT_EQ(cell_name(kT2Penalty), "t2.penalty");
  EXPECT_EQ(cell_name(kT2Coercion), "t2.coercion");
  EXPECT_EQ(cell_name(kT2Fees), "t2.fees");
}
