// --scope auto|full|excerpt (issue 17): parsing, passing it on to the PDF/.docx helper, and the
// built command on a table pasted alone and on two reports pasted together.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "args.hpp"
#include "cli/run_cli.hpp"
#include "documents.hpp"
#include "unit/report_builder.hpp"

namespace nianbao::cli {
namespace {

using nianbao::testing::run_cli;
namespace edit = nianbao::testing::edit;

TEST(CliScope, ParsesTheScope) {
  EXPECT_EQ(parse_args({"check", "x.txt"}).args.scope, ScopeMode::automatic);
  EXPECT_EQ(parse_args({"check", "--scope", "full", "x.txt"}).args.scope, ScopeMode::full);
  EXPECT_EQ(parse_args({"check", "--scope=excerpt", "x.txt"}).args.scope, ScopeMode::excerpt);
  EXPECT_EQ(parse_args({"check", "--scope", "auto", "x.txt"}).args.scope, ScopeMode::automatic);
  const ParseResult bad = parse_args({"check", "--scope", "part", "x.txt"});
  EXPECT_FALSE(bad.ok);
  EXPECT_NE(bad.error.find("--scope"), std::string::npos) << bad.error;
  EXPECT_FALSE(parse_args({"rules", "--scope", "full"}).ok);
  EXPECT_NE(usage().find("--scope"), std::string::npos);
}

TEST(CliScope, IsPassedOnToTheDocumentHelper) {
  Args a;
  a.file = "r.pdf";
  a.scope = ScopeMode::full;
  const auto argv = document_command(a, "S.mjs");
  EXPECT_EQ(argv, (std::vector<std::string>{"S.mjs", "check", "--scope", "full", "r.pdf"}));
  a.scope = ScopeMode::automatic;
  EXPECT_EQ(document_command(a, "S.mjs"), (std::vector<std::string>{"S.mjs", "check", "r.pdf"}));
}

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(CliScope, ATableAloneAndTheOverride) {
  const std::string t3 = nianbao::testing::edited_report(
      {edit::keep_between("（本列数据", "四、政府信息公开行政复议")});
  const std::string path = write_temp("nianbao_scope_t3.txt", t3);
  const auto part = run_cli("check -", path);
  EXPECT_EQ(part.code, 0) << part.out << part.err;
  EXPECT_NE(part.out.find("[excerpt-scope]"), std::string::npos) << part.out;
  EXPECT_NE(part.out.find("（报告的一部分）"), std::string::npos) << part.out;
  const auto full = run_cli("check --scope full -", path);
  EXPECT_EQ(full.code, 1) << full.out;
  EXPECT_NE(full.out.find("[section-missing]"), std::string::npos) << full.out;
  const auto json = run_cli("check --format json --scope=excerpt -", path);
  const auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["report"]["scope"], "excerpt");
  EXPECT_EQ(j["report"]["parts"], nlohmann::json::array({"t3"}));
  const auto bad = run_cli("check --scope whole -", path);
  EXPECT_EQ(bad.code, 2);
  nianbao::testing::expect_one_line_error(bad);
}

TEST(CliScope, TwoReportsArePrintedOneAfterTheOther) {
  const std::string one = nianbao::testing::edited_report({});
  const std::string text = one + "\n" + nianbao::testing::edited_report({edit::then_next_year()});
  const std::string path = write_temp("nianbao_scope_two.txt", text);
  const auto r = run_cli("check -", path);
  // The exit code is the worst of all: the 2025 copy opens section 一 with "2024年".
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("[year-consistency]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[multiple-reports]"), std::string::npos) << r.out;
  // Three reports (2024, 2024, 2025), one closing line each.
  EXPECT_NE(r.out.find("粘贴的文本包含3份报告"), std::string::npos) << r.out;
  std::size_t closing = 0;
  for (std::size_t at = r.out.find("年度，格式"); at != std::string::npos;
       at = r.out.find("年度，格式", at + 1)) {
    ++closing;
  }
  EXPECT_EQ(closing, 3u) << r.out;
}

}  // namespace
}  // namespace nianbao::cli
