// Narrative rules (issue 5) beyond the data cases of rule_cases_test.cpp: several figures in one
// text, numerals, words that are no figures, and corpus reports. Small reports come from
// ReportBuilder with the narrative sentences replaced.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nianbao/nianbao.hpp>
#include <sstream>
#include <string>

#include "facts.hpp"
#include "report_builder.hpp"

using nianbao::Finding;
using nianbao::Result;
using nianbao::Severity;
using nianbao::testing::ReportBuilder;

namespace {

const char kS1[] = "2024年，我局认真贯彻《条例》，做好主动公开和依申请公开工作。";
const char kS5[] = "一是主动公开的及时性仍有不足。下一步将加强培训。";
const char kS6[] = "本年度未发出收费通知，未收取信息处理费。";

// Replaces the body of the section whose heading line is `heading` (up to the next blank
// line or the end of the text).
void replace_body(std::string& s, const std::string& heading, const std::string& body) {
  const std::size_t h = s.find(heading + "\n");
  ASSERT_NE(h, std::string::npos) << heading;
  const std::size_t b = h + heading.size() + 1;
  std::size_t e = s.find("\n\n", b);
  if (e == std::string::npos) e = s.size();
  s.replace(b, e - b, body);
}

// The builder's report with the narrative of sections 一, 五, 六 replaced.
std::string report(ReportBuilder b, const std::string& s1, const std::string& s5 = kS5,
                   const std::string& s6 = kS6) {
  std::string text = b.build();
  replace_body(text, "一、总体情况", s1);
  replace_body(text, "五、存在的主要问题及改进情况", s5);
  replace_body(text, "六、其他需要报告的事项", s6);
  return text;
}
std::string report(const std::string& s1) { return report(ReportBuilder(), s1); }

std::vector<const Finding*> of(const Result& r, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const auto& f : r.findings) {
    if (f.rule == rule) out.push_back(&f);
  }
  return out;
}

// 1-based line and code-point column of the first occurrence of `needle`.
std::pair<int, int> pos_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string::npos) return {-1, -1};
  const std::size_t ls = text.rfind('\n', at);
  const std::size_t start = ls == std::string::npos ? 0 : ls + 1;
  int col = 1;
  for (std::size_t k = start; k < at; ++k) {
    if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++col;
  }
  const int line =
      static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
  return {line, col};
}

bool has_cell(const Finding& f, const std::string& id) {
  return std::find(f.cells.begin(), f.cells.end(), id) != f.cells.end();
}

std::string dump(const Result& r, const std::string& text) {
  return nianbao::to_text(r, text, "x");
}

// Section 1 covering the five topics, so section1-topics stays quiet.
const std::string kTopics = "主动公开、依申请公开、政府信息管理、平台建设和监督保障工作稳步推进。";

}  // namespace

// ----- narrative-applications ------------------------------------------------------------

TEST(NarrativeApplications, MatchingFiguresGiveNoFinding) {
  const std::string text = report(
      "2024年，我局共收到政府信息公开申请10件，上年结转2件，办结12件，其中予以公开11件，部分公开1件"
      "，"
      "无结转下年度的申请。自然人申请10件。" +
      kTopics);
  const Result r = nianbao::check(text);
  EXPECT_TRUE(of(r, "narrative-applications").empty()) << dump(r, text);
  EXPECT_TRUE(of(r, "narrative-reading").empty()) << dump(r, text);
  EXPECT_TRUE(r.findings.empty()) << dump(r, text);
}

TEST(NarrativeApplications, EveryNumberIsComparedNotOnlyTheFirst) {
  const std::string text =
      report("2024年，我局共收到政府信息公开申请10件，办结13件，其中予以公开11件，部分公开4件。" +
             kTopics);
  const Result r = nianbao::check(text);
  const auto fs = of(r, "narrative-applications");
  ASSERT_EQ(fs.size(), 2u) << dump(r, text);
  const auto p13 = pos_of(text, "13件");
  EXPECT_EQ(fs[0]->line, p13.first);
  EXPECT_EQ(fs[0]->column, p13.second);
  EXPECT_EQ(fs[0]->status, nianbao::FindingStatus::fail);
  EXPECT_EQ(fs[0]->severity, Severity::warning);
  EXPECT_TRUE(has_cell(*fs[0], "t3.results_total.total"));
  EXPECT_EQ(fs[0]->expected, 12);
  EXPECT_EQ(fs[0]->actual, 13);
  EXPECT_NE(fs[0]->message.find("办结13件"), std::string::npos) << fs[0]->message;
  const auto p4 = pos_of(text, "4件。");
  EXPECT_EQ(fs[1]->column, p4.second);
  EXPECT_TRUE(has_cell(*fs[1], "t3.partial.total"));
  EXPECT_EQ(fs[1]->expected, 1);
  EXPECT_EQ(fs[1]->actual, 4);
}

TEST(NarrativeApplications, ReceivedIncludingCarriedOverIsAReadingNotAnError) {
  // 受理12件 = 本年新收10 + 上年结转2 (corpus 000's 受理33次 = 31 + 2).
  const std::string text = report("2024年，我局受理政府信息公开申请12件。" + kTopics);
  const Result r = nianbao::check(text);
  EXPECT_TRUE(of(r, "narrative-applications").empty()) << dump(r, text);
  const auto fs = of(r, "narrative-reading");
  ASSERT_EQ(fs.size(), 1u) << dump(r, text);
  EXPECT_EQ(fs[0]->severity, Severity::info);
  EXPECT_TRUE(has_cell(*fs[0], "t3.new.total"));
  EXPECT_TRUE(has_cell(*fs[0], "t3.carried_in.total"));
  EXPECT_NE(fs[0]->message.find("上年结转"), std::string::npos) << fs[0]->message;
  EXPECT_EQ(r.exit_code, 0);
}

TEST(NarrativeApplications, NeitherReadingFitsIsAWarning) {
  const std::string text = report("2024年，我局受理政府信息公开申请15件。" + kTopics);
  const Result r = nianbao::check(text);
  const auto fs = of(r, "narrative-applications");
  ASSERT_EQ(fs.size(), 1u) << dump(r, text);
  EXPECT_EQ(fs[0]->expected, 10);
  EXPECT_EQ(fs[0]->actual, 15);
  EXPECT_NE(fs[0]->message.find("12"), std::string::npos) << "names the other reading too";
}

TEST(NarrativeApplications, ChineseAndFullWidthNumerals) {
  {
    const std::string text = report("2024年，我局共收到政府信息公开申请十二件。" + kTopics);
    const Result r = nianbao::check(text);
    EXPECT_EQ(of(r, "narrative-reading").size(), 1u) << dump(r, text);  // 12 = 10 + 2
    EXPECT_TRUE(of(r, "narrative-applications").empty());
  }
  {
    const std::string text = report("2024年，我局共收到政府信息公开申请１５件。" + kTopics);
    const Result r = nianbao::check(text);
    const auto fs = of(r, "narrative-applications");
    ASSERT_EQ(fs.size(), 1u) << dump(r, text);
    EXPECT_EQ(fs[0]->actual, 15);
    const auto p = pos_of(text, "１５件");
    EXPECT_EQ(fs[0]->line, p.first);
    EXPECT_EQ(fs[0]->column, p.second);
  }
  double v = 0;
  EXPECT_TRUE(nianbao::detail::parse_chinese_number("一百零五", &v));
  EXPECT_EQ(v, 105);
  EXPECT_TRUE(nianbao::detail::parse_chinese_number("两", &v));
  EXPECT_EQ(v, 2);
  EXPECT_TRUE(nianbao::detail::parse_chinese_number("十二", &v));
  EXPECT_EQ(v, 12);
  EXPECT_TRUE(nianbao::detail::parse_chinese_number("三万零二十", &v));
  EXPECT_EQ(v, 30020);
  EXPECT_FALSE(nianbao::detail::parse_chinese_number("一二", &v));
}

TEST(NarrativeApplications, CarriedForwardAfterTheNumber) {
  const std::string text =
      report("2024年，我局答复12件（含上年结转申请2件，另有3件顺延到下年度答复）。" + kTopics);
  const Result r = nianbao::check(text);
  const auto fs = of(r, "narrative-applications");
  ASSERT_EQ(fs.size(), 1u) << dump(r, text);
  EXPECT_TRUE(has_cell(*fs[0], "t3.carried_out.total"));
  EXPECT_EQ(fs[0]->expected, 0);
  EXPECT_EQ(fs[0]->actual, 3);
}

TEST(NarrativeApplications, OtherCountsAreNotApplications) {
  // 咨询 / 建议提案 / 主动公开 numbers have no table counterpart.
  const std::string text = report(
      "2024年，我局受理群众咨询300次，办理建议提案15件，主动公开政府信息1200条，开展培训3次。" +
      kTopics);
  const Result r = nianbao::check(text);
  EXPECT_TRUE(r.findings.empty()) << dump(r, text);
}

TEST(NarrativeApplications, TableRowsAreNotNarrative) {
  ReportBuilder b;
  b.set_t3("new", 0, "11");  // table now inconsistent, but no narrative finding may come of it
  const std::string text = report(b, "2024年，我局认真开展工作。" + kTopics);
  const Result r = nianbao::check(text);
  for (const auto& f : r.findings) {
    EXPECT_NE(f.rule.rfind("narrative", 0), 0u) << f.rule << " " << f.message;
  }
}

TEST(NarrativePartition, SixGroupsMustAddUpToTheNarrativesOwnTotal) {
  ReportBuilder b;
  {
    const std::string text = report(b,
                                    "2024年，我局办结申请12件，其中予以公开10件，部分公开1件，不予"
                                    "公开0件，无法提供0件，不予处理0件，其他处理0件。" +
                                        kTopics);
    const Result r = nianbao::check(text);
    const auto fs = of(r, "narrative-partition");
    ASSERT_EQ(fs.size(), 1u) << dump(r, text);
    EXPECT_EQ(fs[0]->expected, 12);
    EXPECT_EQ(fs[0]->actual, 11);
    EXPECT_EQ(fs[0]->column, pos_of(text, "12件").second);
  }
  {
    const std::string text = report(b,
                                    "2024年，我局办结申请12件，其中予以公开及部分公开12件，不予公开"
                                    "0件，无法提供0件，不予处理0件，其他处理0件。" +
                                        kTopics);
    const Result r = nianbao::check(text);
    EXPECT_TRUE(of(r, "narrative-partition").empty()) << dump(r, text);
    EXPECT_TRUE(r.findings.empty()) << dump(r, text);
  }
}

// ----- narrative-percentage -------------------------------------------------------------

TEST(NarrativePercentage, PrecisionAndWordsDecideWhatFits) {
  // 11 of 12 results granted: 91.666…%.
  struct Case {
    const char* said;
    bool fits;
  };
  for (const Case c :
       {Case{"91.67%", true}, Case{"91.7%", true}, Case{"92%", true}, Case{"91.66%", false},
        Case{"约90%", true}, Case{"近92%", true}, Case{"超过90%", true}, Case{"超过95%", false},
        Case{"不足90%", false}, Case{"90%左右", true}, Case{"95%以上", false}}) {
    const std::string text = report(std::string("2024年，我局办结申请12件，其中予以公开11件，占") +
                                    c.said + "。" + kTopics);
    const Result r = nianbao::check(text);
    const auto fs = of(r, "narrative-percentage");
    if (c.fits) {
      EXPECT_TRUE(fs.empty()) << c.said << "\n" << dump(r, text);
    } else {
      ASSERT_EQ(fs.size(), 1u) << c.said << "\n" << dump(r, text);
      // 91.66% is 91.666… truncated, and more than 95% is 11 over the 10 new applications (110%):
      // wider readings, noted as info.
      const std::string said = c.said;
      EXPECT_EQ(fs[0]->severity, said == "91.66%" || said == "超过95%" || said == "95%以上"
                                     ? Severity::info
                                     : Severity::warning)
          << c.said;
    }
  }
}

TEST(NarrativePercentage, AnotherBaseIsAWiderReading) {
  // 10 new + 2 carried over = 11 concluded + 1 carried forward; 10 granted.
  ReportBuilder b;
  for (const char* col : {"natural_person", "total"}) {
    b.cells[std::string("t3.granted.") + col] = "10";
    b.cells[std::string("t3.results_total.") + col] = "11";
    b.cells[std::string("t3.carried_out.") + col] = "1";
  }
  const std::string text =
      report(b, "2024年，我局收到申请10件，其中予以公开10件，占83.33%。自然人申请10件，占100%。" +
                    kTopics);
  const Result r = nianbao::check(text);
  const auto fs = of(r, "narrative-percentage");
  ASSERT_EQ(fs.size(), 1u) << dump(r, text);
  EXPECT_EQ(fs[0]->severity, Severity::info);
  EXPECT_EQ(fs[0]->status, nianbao::FindingStatus::uncertain);
  EXPECT_NE(fs[0]->message.find("本年新收+上年结转"), std::string::npos) << fs[0]->message;
  EXPECT_EQ(fs[0]->line, pos_of(text, "83.33%").first);
  EXPECT_EQ(fs[0]->column, pos_of(text, "83.33%").second);
}

TEST(NarrativePercentage, OutcomesOfAGroupAndTheWordBeforeTheShare) {
  // Review: 5 upheld, 2 corrected, 7 in all.
  const std::string ok = report(
      "2024年，我局发生行政复议7件，其中结果维持5件（71.43%），结果纠正占28.57%。" + kTopics);
  const Result r = nianbao::check(ok);
  EXPECT_TRUE(of(r, "narrative-percentage").empty()) << dump(r, ok);
  const std::string bad = report("2024年，我局发生行政复议7件，其中结果维持5件（80%）。" + kTopics);
  const Result rb = nianbao::check(bad);
  const auto fs = of(rb, "narrative-percentage");
  ASSERT_EQ(fs.size(), 1u) << dump(rb, bad);
  EXPECT_TRUE(has_cell(*fs[0], "t4.review.upheld"));
  EXPECT_TRUE(has_cell(*fs[0], "t4.review.total"));
  EXPECT_EQ(fs[0]->expected, 71);
}

// ----- narrative-review-litigation -------------------------------------------------------

TEST(NarrativeReviewLitigation, CountsAndOutcomes) {
  {
    const std::string text = report(
        "2024年，我局发生政府信息公开行政复议7件，其中结果维持5件，结果纠正2件；行政诉讼0件。" +
        kTopics);
    const Result r = nianbao::check(text);
    EXPECT_TRUE(r.findings.empty()) << dump(r, text);
  }
  {
    const std::string text =
        report("2024年，我局发生政府信息公开行政复议8件，复议后起诉的行政诉讼1个。" + kTopics);
    const Result r = nianbao::check(text);
    const auto fs = of(r, "narrative-review-litigation");
    ASSERT_EQ(fs.size(), 2u) << dump(r, text);
    EXPECT_TRUE(has_cell(*fs[0], "t4.review.total"));
    EXPECT_EQ(fs[0]->expected, 7);
    EXPECT_EQ(fs[0]->actual, 8);
    EXPECT_TRUE(has_cell(*fs[1], "t4.suit_after_review.total"));
    EXPECT_FALSE(has_cell(*fs[1], "t4.suit_direct.total"));
    EXPECT_EQ(fs[1]->expected, 0);
    EXPECT_EQ(fs[1]->actual, 1);
    EXPECT_EQ(fs[1]->column, pos_of(text, "1个").second);
  }
}

TEST(NarrativeReviewLitigation, AllUpheldAndNeverCorrected) {
  {
    // The table has 结果纠正 2 for reviews.
    const std::string text =
        report("2024年，我局行政复议案件均被维持，未被复议机关纠错。" + kTopics);
    const Result r = nianbao::check(text);
    const auto fs = of(r, "narrative-review-litigation");
    ASSERT_EQ(fs.size(), 2u) << dump(r, text);
    EXPECT_TRUE(has_cell(*fs[0], "t4.review.corrected"));
    EXPECT_EQ(fs[0]->expected, 2);
    EXPECT_EQ(fs[1]->severity, Severity::warning);
  }
  {
    ReportBuilder b;
    b.cells["t4.review.upheld"] = "7";
    b.cells["t4.review.corrected"] = "0";
    const std::string text =
        report(b, "2024年，我局行政复议案件均被维持，无被纠错情形。" + kTopics);
    const Result r = nianbao::check(text);
    EXPECT_TRUE(r.findings.empty()) << dump(r, text);
  }
}

TEST(NarrativeReviewLitigation, ReviewsAndLawsuitsTogether) {
  ReportBuilder b;
  b.cells["t4.suit_direct.upheld"] = "3";
  b.cells["t4.suit_direct.total"] = "3";
  const std::string ok = report(
      b, "2024年，我局依法做好行政复议、行政诉讼案件的应诉工作，共办理相关案件10件。" + kTopics);
  Result r = nianbao::check(ok);
  EXPECT_TRUE(r.findings.empty()) << dump(r, ok);
  const std::string bad = report(
      b, "2024年，我局依法做好行政复议、行政诉讼案件的应诉工作，共办理相关案件11件。" + kTopics);
  r = nianbao::check(bad);
  ASSERT_EQ(of(r, "narrative-review-litigation").size(), 1u) << dump(r, bad);
  EXPECT_EQ(of(r, "narrative-review-litigation")[0]->expected, 10);
}

// ----- narrative-zero-claim ----------------------------------------------------------------

TEST(NarrativeZeroClaim, ZeroStatementAgainstNonZeroCellIsAnError) {
  const std::string text = report("2024年，我局未收到政府信息公开申请，未发生行政复议。" + kTopics);
  const Result r = nianbao::check(text);
  const auto fs = of(r, "narrative-zero-claim");
  ASSERT_EQ(fs.size(), 2u) << dump(r, text);
  EXPECT_EQ(fs[0]->severity, Severity::error);
  EXPECT_EQ(fs[0]->status, nianbao::FindingStatus::fail);
  EXPECT_TRUE(has_cell(*fs[0], "t3.new.total"));
  EXPECT_EQ(fs[0]->expected, 10);
  EXPECT_EQ(fs[0]->column, pos_of(text, "未收到").second);
  EXPECT_TRUE(has_cell(*fs[1], "t4.review.total"));
  EXPECT_EQ(fs[1]->expected, 7);
  EXPECT_EQ(r.exit_code, 1);
}

TEST(NarrativeZeroClaim, TrueZeroStatementsAndLookalikes) {
  const std::string text = report(
      "2024年，我局未发生因政府信息公开引起的行政诉讼，无不予受理情况，未收到申请人的补正材料逾期情"
      "况。" +
      kTopics);
  const Result r = nianbao::check(text);
  EXPECT_TRUE(of(r, "narrative-zero-claim").empty()) << dump(r, text);
  EXPECT_TRUE(r.findings.empty()) << dump(r, text);
}

// ----- narrative-table2 --------------------------------------------------------------------

TEST(NarrativeTable2, DocumentsDecisionsAndFees) {
  ReportBuilder b;
  b.cells["t2.normative.made"] = "3";
  b.cells["t2.normative.in_force"] = "20";
  {
    const std::string text = report(b,
                                    "2024年，我局制发行政规范性文件3件，现行有效规范性文件20件，作"
                                    "出行政许可决定130件，行政事业性收费927300元。" +
                                        kTopics);
    const Result r = nianbao::check(text);
    EXPECT_TRUE(r.findings.empty()) << dump(r, text);
  }
  {
    const std::string text = report(
        b, "2024年，我局制发行政规范性文件4件，作出行政许可决定131件，行政事业性收费100万元。" +
               kTopics);
    const Result r = nianbao::check(text);
    const auto fs = of(r, "narrative-table2");
    ASSERT_EQ(fs.size(), 3u) << dump(r, text);
    EXPECT_TRUE(has_cell(*fs[0], "t2.normative.made"));
    EXPECT_EQ(fs[0]->severity, Severity::warning);
    EXPECT_EQ(fs[0]->expected, 3);
    EXPECT_TRUE(has_cell(*fs[1], "t2.licensing"));
    EXPECT_EQ(fs[1]->severity, Severity::info);
    EXPECT_TRUE(has_cell(*fs[2], "t2.fees"));
    EXPECT_EQ(fs[2]->actual, 100);
  }
  {
    // 许可事项 (项) and 规章制度 are other quantities.
    const std::string text =
        report(b, "2024年，我局梳理行政许可事项45项，修订规章制度8件。" + kTopics);
    const Result r = nianbao::check(text);
    EXPECT_TRUE(r.findings.empty()) << dump(r, text);
  }
}

// ----- narrative-fee -----------------------------------------------------------------------

TEST(NarrativeFee, UnpaidFeeRowAgainstSectionSix) {
  ReportBuilder b;
  b.set_t3("other.unpaid_fee", 0, "2");
  b.set_t3("other.unpaid_fee", 6, "2");
  b.set_t3("granted", 0, "9");
  b.set_t3("granted", 6, "9");
  const std::string s1 = "2024年，我局认真开展工作。" + kTopics;
  {
    const std::string text = report(b, s1, kS5, "本年度未发出收费通知，未收取信息处理费。");
    const Result r = nianbao::check(text);
    const auto fs = of(r, "narrative-fee");
    ASSERT_EQ(fs.size(), 1u) << dump(r, text);
    EXPECT_EQ(fs[0]->severity, Severity::error);
    EXPECT_TRUE(has_cell(*fs[0], "t3.other.unpaid_fee.total"));
    EXPECT_EQ(fs[0]->expected, 2);
    EXPECT_EQ(fs[0]->line, pos_of(text, "未发出收费通知").first);
  }
  {
    const std::string text = report(b, s1, kS5, "本年度未收取信息处理费。");
    const Result r = nianbao::check(text);
    const auto fs = of(r, "narrative-fee");
    ASSERT_EQ(fs.size(), 1u) << dump(r, text);
    EXPECT_EQ(fs[0]->severity, Severity::warning);
  }
  {
    const std::string text =
        report(b, s1, kS5, "本年度发出收费通知2件，申请人均未缴费，实际收取信息处理费0元。");
    const Result r = nianbao::check(text);
    EXPECT_TRUE(of(r, "narrative-fee").empty()) << dump(r, text);
  }
  {
    const std::string text = report(b, s1, kS5, "本年度发出收费通知1件。");
    const Result r = nianbao::check(text);
    ASSERT_EQ(of(r, "narrative-fee").size(), 1u) << dump(r, text);
    EXPECT_EQ(of(r, "narrative-fee")[0]->actual, 1);
  }
}

// Years, dates and the content of sections 一, 五 and 六: rule_cases_test.cpp.

// ----- corpus 000 and 039 --------------------------------------------------------

TEST(NarrativeCorpus, Xiangxiang2025) {
  const std::filesystem::path p =
      std::filesystem::path(NIANBAO_CORPUS_DIR) / "000-xiangxiang-ziranziyuan-2025" / "report.txt";
  std::ifstream in(p, std::ios::binary);
  ASSERT_TRUE(in) << p;
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const Result r = nianbao::check(text);
  // 复议后起诉的行政诉讼1个: no reading of the ambiguous table 4 has a lawsuit cell of 1.
  const auto lit = of(r, "narrative-review-litigation");
  ASSERT_EQ(lit.size(), 1u) << dump(r, text);
  EXPECT_EQ(lit[0]->status, nianbao::FindingStatus::fail);
  EXPECT_EQ(lit[0]->line, pos_of(text, "复议后起诉的行政诉讼1个").first);
  EXPECT_EQ(lit[0]->column, pos_of(text, "1个。").second);
  EXPECT_TRUE(has_cell(*lit[0], "t4.suit_after_review.total"));
  EXPECT_EQ(lit[0]->actual, 1);
  // 受理…33次 = 31 new + 2 carried over: a reading, not an error.
  EXPECT_TRUE(of(r, "narrative-applications").empty()) << dump(r, text);
  bool reading33 = false, reading7 = false;
  for (const auto* f : of(r, "narrative-reading")) {
    reading33 = reading33 || (f->actual == 33 && f->line == pos_of(text, "33次").first);
    reading7 = reading7 || f->actual == 7;
  }
  EXPECT_TRUE(reading33) << dump(r, text);
  EXPECT_TRUE(reading7) << "行政复议7个 agrees with every consistent reading (5 2 0 0 7)";
  EXPECT_EQ(of(r, "section5-no-problem").size(), 1u);
  EXPECT_TRUE(of(r, "section6-no-fee").empty());
  EXPECT_TRUE(of(r, "narrative-zero-claim").empty());
  EXPECT_TRUE(of(r, "year-consistency").empty());
  EXPECT_TRUE(of(r, "year-stale").empty());
}

TEST(NarrativeCorpus, PingtanOneLinePageIsRead) {
  // A web page flattened to one line: headings sit inside the line. The narrative's figures
  // (收到154件, 办结148件, 结转至2026年6件, 行政复议36起, 行政诉讼9起) are all compared and none
  // contradicts the tables.
  const std::filesystem::path p =
      std::filesystem::path(NIANBAO_CORPUS_DIR) / "039-pingtan-2025" / "page.txt";
  std::ifstream in(p, std::ios::binary);
  ASSERT_TRUE(in) << p;
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const Result r = nianbao::check(text);
  for (const char* rule : {"narrative-applications", "narrative-review-litigation"}) {
    for (const auto* f : of(r, rule))
      EXPECT_NE(f->status, nianbao::FindingStatus::fail) << f->message;
  }
  const auto facts = [&] {
    nianbao::detail::Document doc(text);
    nianbao::detail::read_outline(doc);
    nianbao::detail::read_tables(doc);
    return nianbao::detail::extract_facts(doc);
  }();
  std::vector<double> values;
  for (const auto& f : facts.facts) values.push_back(f.value);
  EXPECT_EQ(values, (std::vector<double>{154, 148, 6, 36, 9}));
}
