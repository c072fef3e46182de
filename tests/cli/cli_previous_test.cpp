// nianbao check --previous LAST FILE (issue 13): parsing, forwarding to the document helper, and
// the built command on text pairs (crawled pages), and (slow, with node + pdf.js) PDF and Word.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "args.hpp"
#include "cli/run_cli.hpp"
#include "documents.hpp"

namespace {

using nianbao::testing::CliRun;
using nianbao::testing::expect_one_line_error;
using nianbao::testing::quote;
using nianbao::testing::run_cli;
using nianbao::testing::slurp;

std::string corpus(const std::string& relative) {
  return std::string(NIANBAO_CORPUS_DIR) + "/" + relative;
}
const std::string k2024 = corpus("038-pingtan-2024/page.txt");
const std::string k2025 = corpus("039-pingtan-2025/page.txt");

TEST(CliPrevious, ParsesTheFlag) {
  using nianbao::cli::parse_args;
  auto r = parse_args({"check", "--previous", "last.txt", "now.txt"});
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.args.previous, "last.txt");
  EXPECT_EQ(r.args.file, "now.txt");
  r = parse_args({"check", "now.txt", "--previous=last.pdf"});
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.args.previous, "last.pdf");
  EXPECT_TRUE(parse_args({"check", "now.txt"}).args.previous.empty());
  for (const std::vector<std::string>& bad :
       {std::vector<std::string>{"check", "--previous", "-", "now.txt"},
        {"check", "--previous=", "now.txt"},
        {"check", "now.txt", "--previous"},
        {"rules", "--previous", "x.txt"}}) {
    const auto b = parse_args(bad);
    EXPECT_FALSE(b.ok) << bad[1];
    EXPECT_EQ(b.error.find('\n'), std::string::npos);
  }
  EXPECT_NE(nianbao::cli::usage().find("--previous"), std::string::npos);
}

TEST(CliPrevious, ForwardedToTheDocumentHelper) {
  nianbao::cli::Args a;
  a.command = nianbao::cli::Command::check;
  a.file = "now.pdf";
  a.previous = "last.pdf";
  const std::vector<std::string> expected = {"S.mjs", "check", "--previous=last.pdf", "now.pdf"};
  EXPECT_EQ(nianbao::cli::document_command(a, "S.mjs"), expected);
}

TEST(CliPrevious, TextPair) {
  const CliRun r = run_cli("check --format json --previous " + quote(k2024) + " " + quote(k2025));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["previous"]["year"], 2024);
  EXPECT_EQ(j["previous"]["input_bytes"], slurp(k2024).size());
  EXPECT_TRUE(j["previous"]["compared"].get<bool>());
  EXPECT_FALSE(j["changes"].empty());
  const CliRun text = run_cli("check --previous " + quote(k2024) + " " + quote(k2025));
  EXPECT_NE(text.out.find("上一年度报告：平潭综合实验区 2024年度"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("与上年比较"), std::string::npos) << text.out;
  const CliRun en = run_cli("check --lang en --previous " + quote(k2024) + " " + quote(k2025));
  EXPECT_NE(en.out.find("changes (last year → this year):"), std::string::npos) << en.out;
}

TEST(CliPrevious, BrokenContinuityExitsOne) {
  std::string last = slurp(k2024);
  const std::size_t at = last.find("结转下年度继续办理0000000");
  ASSERT_NE(at, std::string::npos);
  last.replace(at, std::string("结转下年度继续办理0000000").size(), "结转下年度继续办理2000002");
  const std::string path = ::testing::TempDir() + "nianbao_prev_" + std::to_string(getpid());
  std::ofstream(path, std::ios::binary) << last;
  const CliRun r = run_cli("check --previous " + quote(path) + " " + quote(k2025));
  std::remove(path.c_str());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("[cross-carry-over]"), std::string::npos) << r.out;
}

TEST(CliPrevious, UnreadablePreviousExitsTwoWithOneLine) {
  const CliRun r = run_cli("check --previous /nonexistent/last.txt " + quote(k2025));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  expect_one_line_error(r);
  EXPECT_NE(r.err.find("/nonexistent/last.txt"), std::string::npos) << r.err;
}

bool have_node_and_pdfjs() {
  return std::system("node --version >/dev/null 2>&1") == 0 &&
         std::ifstream(std::string(NIANBAO_TESTS_DIR) + "/../node_modules/pdfjs-dist/package.json")
             .good();
}

// Labelled slow with the other CliDocuments tests (node + pdf.js).
TEST(CliDocuments, PreviousPdfAndPdfGiveTheTextPairsChecks) {
  if (!have_node_and_pdfjs()) GTEST_SKIP() << "node or pdfjs-dist is not available";
  const std::string last = corpus("001-huaian-hongze-2023/source.pdf");
  const std::string now = corpus("002-huaian-hongze-2024/source.pdf");
  for (const std::string& args :
       {"--previous " + quote(last) + " " + quote(now),
        "--previous " + quote(corpus("001-huaian-hongze-2023/pdftotext-layout.txt")) + " " +
            quote(now),
        "--previous " + quote(last) + " " +
            quote(corpus("002-huaian-hongze-2024/pdftotext-layout.txt"))}) {
    SCOPED_TRACE(args);
    const CliRun r = run_cli("check --format json " + args);
    EXPECT_EQ(r.code, 1) << r.err;  // 2024's own error (format-outdated), as alone
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["previous"]["year"], 2023);
    EXPECT_TRUE(j["previous"]["compared"].get<bool>());
    EXPECT_EQ(j["previous"]["checks"]["pass"], 13);
    bool in_force_change = false;
    for (const auto& c : j["changes"]) in_force_change |= c["id"] == "t2.normative.made";
    EXPECT_TRUE(in_force_change);
  }
}

// A Word file as LAST: extracted like FILE would be; here the same report as text, so the two
// are of one year (cross-year-order), which shows the .docx was read as a report.
TEST(CliDocuments, PreviousWordFile) {
  if (!have_node_and_pdfjs()) GTEST_SKIP() << "node or pdfjs-dist is not available";
  const std::string dir = ::testing::TempDir() + "nianbao_prev_docx_" + std::to_string(getpid());
  ASSERT_EQ(
      std::system(("node " + quote(std::string(NIANBAO_TESTS_DIR) + "/fixtures/make-fixtures.mjs") +
                   " " + quote(dir) + " >/dev/null")
                      .c_str()),
      0);
  const CliRun r = run_cli("check --format json --previous " + quote(dir + "/merged-cells.docx") +
                           " " + quote(dir + "/merged-cells.txt"));
  std::system(("rm -rf " + quote(dir)).c_str());
  ASSERT_TRUE(r.code == 0 || r.code == 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_FALSE(j["previous"].contains("error")) << j["previous"];
  EXPECT_EQ(j["previous"]["year"], j["report"]["year"]);
  bool order = false;
  for (const auto& f : j["findings"]) order |= f["rule"] == "cross-year-order";
  EXPECT_TRUE(order);
}

}  // namespace
