// End-to-end tests of the built `nianbao` executable: files, stdin, exit codes, messages.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/run_cli.hpp"
#include "nianbao/nianbao.hpp"

namespace {

using nianbao::testing::CliRun;
using nianbao::testing::expect_one_line_error;
using nianbao::testing::quote;
using nianbao::testing::run_cli;
using nianbao::testing::slurp;

std::string corpus(const std::string& relative) {
  return std::string(NIANBAO_CORPUS_DIR) + "/" + relative;
}
const std::string kSample = "000-xiangxiang-ziranziyuan-2025/report.txt";

TEST(CliProcess, Version) {
  const CliRun r = run_cli("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind(std::string("nianbao ") + nianbao::kVersion, 0), 0u) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(CliProcess, HelpGoesToStdout) {
  const CliRun r = run_cli("--help");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("nianbao check"), std::string::npos);
}

TEST(CliProcess, UsageErrorExitsTwoWithOneLine) {
  for (const char* args : {"", "check", "check --format xml x.txt", "bogus"}) {
    SCOPED_TRACE(args);
    const CliRun r = run_cli(args);
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    expect_one_line_error(r);
  }
}

TEST(CliProcess, MissingFileExitsTwo) {
  const CliRun r = run_cli("check /nonexistent/report.txt");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  expect_one_line_error(r);
  EXPECT_NE(r.err.find("/nonexistent/report.txt"), std::string::npos) << r.err;
}

TEST(CliProcess, RefusesInputOverTheLimit) {
  const std::string big = testing::TempDir() + "nianbao_too_big_" + std::to_string(getpid());
  {
    std::ofstream f(big, std::ios::binary);
    const std::string line(1023, 'x');
    for (std::size_t n = 0; n < nianbao::kMaxInputBytes / 1024; ++n) f << line << '\n';
    f << 'x';  // one byte past the limit
  }
  CliRun r = run_cli("check " + quote(big));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  expect_one_line_error(r);
  r = run_cli("check --format json -", big);  // same through stdin
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  expect_one_line_error(r);
  std::remove(big.c_str());
}

TEST(CliProcess, UnknownIgnoredRuleIsAUsageError) {
  const CliRun r = run_cli("check --ignore no-such-rule-xyz " + quote(corpus(kSample)));
  EXPECT_EQ(r.code, 2);
  expect_one_line_error(r);
  EXPECT_NE(r.err.find("no-such-rule-xyz"), std::string::npos);
}

TEST(CliProcess, SampleAsJsonMatchesTheContract) {
  const CliRun r = run_cli("check --format json " + quote(corpus(kSample)));
  ASSERT_TRUE(r.code == 0 || r.code == 1) << r.code << " " << r.err;
  EXPECT_EQ(r.err, "");
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j.at("schema"), nianbao::kSchemaVersion);
  EXPECT_EQ(j.at("input").at("bytes"), 11738);
  EXPECT_EQ(j.at("input").at("encoding"), "utf-8");
  EXPECT_EQ(j.at("report").at("year"), 2025);
  // exit code 1 exactly when an error-severity finding is listed
  int errors = 0;
  for (const auto& f : j.at("findings")) errors += f.at("severity") == "error";
  EXPECT_EQ(r.code, errors > 0 ? 1 : 0);
}

TEST(CliProcess, StdinGivesTheSameJsonAsTheFile) {
  const CliRun from_file = run_cli("check --format json " + quote(corpus(kSample)));
  const CliRun from_stdin = run_cli("check --format json -", corpus(kSample));
  EXPECT_EQ(from_stdin.code, from_file.code);
  EXPECT_EQ(from_stdin.out, from_file.out);
  EXPECT_FALSE(from_file.out.empty());
}

TEST(CliProcess, MinSeverityErrorHidesTheRest) {
  const CliRun r = run_cli("check --format json --min-severity error " + quote(corpus(kSample)));
  ASSERT_TRUE(r.code == 0 || r.code == 1) << r.err;
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  for (const auto& f : j.at("findings")) EXPECT_EQ(f.at("severity"), "error") << f.dump();
}

TEST(CliProcess, IgnoringEveryRuleLeavesNoFindings) {
  const CliRun rules = run_cli("rules --format json");
  ASSERT_EQ(rules.code, 0);
  std::string ids;
  for (const nianbao::RuleInfo& rule : nianbao::rules()) ids += (ids.empty() ? "" : ",") + rule.id;
  ASSERT_FALSE(ids.empty());
  for (const nianbao::RuleInfo& rule : nianbao::rules()) {
    EXPECT_NE(rules.out.find("\"" + rule.id + "\""), std::string::npos) << rule.id;
  }
  const CliRun r =
      run_cli("check --format json --ignore " + quote(ids) + " " + quote(corpus(kSample)));
  EXPECT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_TRUE(j.at("findings").empty()) << j.at("findings").dump();
}

TEST(CliProcess, TextFormatFollowsLang) {
  const CliRun r = run_cli("check " + quote(corpus(kSample)));
  ASSERT_TRUE(r.code == 0 || r.code == 1) << r.err;
  EXPECT_FALSE(r.out.empty());
  const CliRun en = run_cli("check --lang en " + quote(corpus(kSample)));
  EXPECT_EQ(en.code, r.code);
  EXPECT_NE(en.out, r.out);  // the English report differs from the Chinese one
}

}  // namespace
