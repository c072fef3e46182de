// nianbao check --cross-year PATH... (issue 14, item 3): the reports of a batch paired by agency
// and consecutive years, each checked against last year's report as `--previous` would check it;
// ambiguity (two reports of last year) said, never guessed; copies of one text are one report.
// Folders are made at test time from links to ../shared/corpus files read in place.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "args.hpp"
#include "cli/run_cli.hpp"
#include "nianbao/nianbao.hpp"

namespace {

using nianbao::testing::CliRun;
using nianbao::testing::expect_one_line_error;
using nianbao::testing::quote;
using nianbao::testing::run_cli;
using json = nlohmann::json;

std::string corpus(const std::string& relative) {
  return std::string(NIANBAO_CORPUS_DIR) + "/" + relative;
}

std::string make_dir() {
  std::string pattern = ::testing::TempDir() + "nianbao_cross_XXXXXX";
  EXPECT_NE(::mkdtemp(pattern.data()), nullptr);
  return pattern;
}

void link_to(const std::string& target, const std::string& link) {
  ASSERT_EQ(::symlink(target.c_str(), link.c_str()), 0) << link;
}

std::vector<json> json_lines(const std::string& out) {
  std::vector<json> docs;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) docs.push_back(json::parse(line));
  return docs;
}

// Pingtan 2020..2023 as a.txt .. d.txt, named out of year order.
class CliCrossYear : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_dir();
    link_to(corpus("036-pingtan-2022/page.txt"), dir_ + "/a.txt");
    link_to(corpus("034-pingtan-2020/page.txt"), dir_ + "/b.txt");
    link_to(corpus("037-pingtan-2023/page.txt"), dir_ + "/c.txt");
    link_to(corpus("035-pingtan-2021/page.txt"), dir_ + "/d.txt");
  }
  void TearDown() override { std::system(("rm -rf " + quote(dir_)).c_str()); }
  std::string dir_;
};

TEST(CliCrossYearArgs, ParsesTheFlag) {
  using nianbao::cli::parse_args;
  auto r = parse_args({"check", "--cross-year", "a", "b"});
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.args.cross_year);
  EXPECT_FALSE(parse_args({"check", "a", "b"}).args.cross_year);
  const auto both = parse_args({"check", "--cross-year", "--previous", "x.txt", "a"});
  EXPECT_FALSE(both.ok);
  EXPECT_NE(both.error.find("--previous"), std::string::npos);
  EXPECT_FALSE(parse_args({"rules", "--cross-year"}).ok);
  EXPECT_NE(nianbao::cli::usage().find("--cross-year"), std::string::npos);
}

TEST(CliCrossYearArgs, AgencyNamesMatchAsTheCrossYearChecksDo) {
  EXPECT_TRUE(nianbao::agencies_match("平潭综合实验区", "平潭综合实验区"));
  EXPECT_TRUE(nianbao::agencies_match("淮安市洪泽区人民政府", "洪泽区人民政府"));
  EXPECT_TRUE(nianbao::agencies_match("平潭综合 实验区", "平潭综合实验区"));
  EXPECT_FALSE(nianbao::agencies_match("淮安市洪泽区人民政府", "淮安市人民政府"));
  EXPECT_FALSE(nianbao::agencies_match("上海市科学技术委员会", "上海市人民政府办公厅"));
}

TEST_F(CliCrossYear, EachReportIsCheckedAgainstTheYearBeforeAsPreviousWould) {
  const CliRun r = run_cli("check --cross-year --format json " + quote(dir_));
  ASSERT_EQ(r.code, 1) << r.err;
  const auto docs = json_lines(r.out);
  ASSERT_EQ(docs.size(), 4u);
  // Input order stays; each but the earliest (b, 2020) names last year's input.
  EXPECT_EQ(docs[0]["file"], dir_ + "/a.txt");
  EXPECT_EQ(docs[0]["previous_file"], dir_ + "/d.txt");  // 2022 ← 2021
  EXPECT_FALSE(docs[1].contains("previous_file"));       // 2020: none in the batch
  EXPECT_FALSE(docs[1].contains("previous"));
  EXPECT_EQ(docs[2]["previous_file"], dir_ + "/a.txt");  // 2023 ← 2022
  EXPECT_EQ(docs[3]["previous_file"], dir_ + "/b.txt");  // 2021 ← 2020
  EXPECT_EQ(docs[2]["previous"]["year"], 2022);
  EXPECT_TRUE(docs[2]["previous"]["compared"].get<bool>());
  EXPECT_FALSE(docs[2]["changes"].empty());

  // The same document as the one-file --previous (apart from "file" and "previous_file").
  const CliRun one = run_cli("check --format json --previous " + quote(dir_ + "/a.txt") + " " +
                             quote(dir_ + "/c.txt"));
  json expected = json::parse(one.out), got = docs[2];
  got.erase("file");
  got.erase("previous_file");
  EXPECT_EQ(got, expected);
}

TEST_F(CliCrossYear, TextNamesThePairAndTheSummaryCountsIt) {
  const CliRun r = run_cli("check --cross-year --jobs 2 " + quote(dir_));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("跨年度核验：上一年度报告取自 " + dir_ + "/d.txt"), std::string::npos);
  EXPECT_NE(r.out.find("上一年度报告：平潭综合实验区 2021年度"), std::string::npos);
  EXPECT_NE(r.out.find("跨年度核验：3 份报告与批次中的上一年度报告核对\n"), std::string::npos)
      << r.out;
  // Without the flag nothing is paired.
  const CliRun plain = run_cli("check " + quote(dir_));
  EXPECT_EQ(plain.out.find("跨年度"), std::string::npos);
  EXPECT_EQ(plain.out.find("上一年度报告："), std::string::npos);
}

TEST_F(CliCrossYear, TwoReportsOfLastYearAreNotGuessed) {
  // A second, different 2021 report of the same agency: 2022 has two candidates.
  ASSERT_EQ(std::system(("(cat " + quote(corpus("035-pingtan-2021/page.txt")) +
                         "; printf '\\n附件略。\\n') > " + quote(dir_ + "/e.txt"))
                            .c_str()),
            0);
  const CliRun r = run_cli("check --cross-year --format json " + quote(dir_));
  const auto docs = json_lines(r.out);
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_FALSE(docs[0].contains("previous_file"));
  EXPECT_FALSE(docs[0].contains("previous"));
  EXPECT_EQ(docs[0]["previous_candidates"], json({dir_ + "/d.txt", dir_ + "/e.txt"}));
  EXPECT_EQ(docs[2]["previous_file"], dir_ + "/a.txt");  // 2023 is unaffected

  const CliRun text = run_cli("check --cross-year --lang en " + quote(dir_));
  EXPECT_NE(text.out.find("Cross-year: not checked, 2 inputs could each be last year's report"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("1 not checked (more than one report of last year)"), std::string::npos);
}

TEST_F(CliCrossYear, CopiesOfOneTextAreOneReport) {
  link_to(corpus("035-pingtan-2021/page.txt"), dir_ + "/e.txt");
  const auto docs = json_lines(run_cli("check --cross-year --format json " + quote(dir_)).out);
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_EQ(docs[0]["previous_file"], dir_ + "/d.txt");  // the first of the two copies
  EXPECT_FALSE(docs[0].contains("previous_candidates"));
}

TEST_F(CliCrossYear, OtherAgenciesAndUnreadableInputsAreNotPaired) {
  link_to(corpus("005-shanghai-kewei-2024/report.md"), dir_ + "/f.md");
  link_to(corpus("006-shanghai-shizhengfu-bangongting-2025/report.md"), dir_ + "/g.md");
  link_to(dir_ + "/missing.txt", dir_ + "/h.txt");  // dangling
  const CliRun r = run_cli("check --cross-year --format json " + quote(dir_));
  EXPECT_EQ(r.code, 2);
  const auto docs = json_lines(r.out);
  ASSERT_EQ(docs.size(), 7u);
  for (const json& d : docs) {
    const std::string file = d["file"];
    if (file == dir_ + "/f.md" || file == dir_ + "/g.md" || file == dir_ + "/h.txt") {
      EXPECT_FALSE(d.contains("previous_file")) << file;  // 2024 and 2025, but not one agency
    }
  }
}

TEST_F(CliCrossYear, StandardInputIsCheckedButNeverPaired) {
  const CliRun r = run_cli("check --cross-year --format json - " + quote(dir_ + "/a.txt"),
                           corpus("035-pingtan-2021/page.txt"));
  const auto docs = json_lines(r.out);
  ASSERT_EQ(docs.size(), 2u) << r.err;
  EXPECT_EQ(docs[0]["file"], "-");
  EXPECT_EQ(docs[0]["report"]["year"], 2021);
  EXPECT_FALSE(docs[1].contains("previous_file"));  // stdin is read once only
}

TEST_F(CliCrossYear, OutputIsTheSameWithOneOrTwoJobs) {
  const std::string one = run_cli("check --cross-year --format json -j 1 " + quote(dir_)).out;
  EXPECT_EQ(one, run_cli("check --cross-year --format json -j 2 " + quote(dir_)).out);
  EXPECT_FALSE(one.empty());
}

// Slow (node + pdf.js): the two Hongze PDFs, 2023 and 2024, paired through one extractor.
TEST(CliDocuments, CrossYearPairsPdfs) {
  const std::string dir = make_dir();
  link_to(corpus("002-huaian-hongze-2024/source.pdf"), dir + "/2024.pdf");
  link_to(corpus("001-huaian-hongze-2023/source.pdf"), dir + "/2023.pdf");
  const CliRun r = run_cli("check --cross-year --format json " + quote(dir));
  const auto docs = json_lines(r.out);
  ASSERT_EQ(docs.size(), 2u) << r.err;
  EXPECT_EQ(docs[1]["file"], dir + "/2024.pdf");
  EXPECT_EQ(docs[1]["previous_file"], dir + "/2023.pdf");
  EXPECT_EQ(docs[1]["previous"]["year"], 2023);
  EXPECT_TRUE(docs[1]["previous"]["compared"].get<bool>());
  std::system(("rm -rf " + quote(dir)).c_str());
}

}  // namespace
