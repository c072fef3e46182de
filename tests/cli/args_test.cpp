// Argument parsing of the nianbao CLI (cli/args.cpp).
#include "args.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nianbao::cli {
namespace {

ParseResult parse(std::vector<std::string> argv) { return parse_args(argv); }

TEST(CliArgs, CheckWithDefaults) {
  const ParseResult r = parse({"check", "report.txt"});
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.args.command, Command::check);
  EXPECT_EQ(r.args.format, Format::text);
  EXPECT_EQ(r.args.file, "report.txt");
  EXPECT_TRUE(r.args.ignore.empty());
  EXPECT_EQ(r.args.min_severity, Severity::info);
  EXPECT_FALSE(r.args.english);
}

TEST(CliArgs, CheckWithEveryOption) {
  const ParseResult r = parse({"check", "--format", "json", "--ignore", "a-b, c-d,", "--ignore=e",
                               "--min-severity", "warning", "--lang=en", "-"});
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.args.format, Format::json);
  EXPECT_EQ(r.args.ignore, (std::vector<std::string>{"a-b", "c-d", "e"}));
  EXPECT_EQ(r.args.min_severity, Severity::warning);
  EXPECT_TRUE(r.args.english);
  EXPECT_EQ(r.args.file, "-");
}

TEST(CliArgs, OptionsMayFollowTheFile) {
  const ParseResult r = parse({"check", "x.txt", "--min-severity=error"});
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.args.file, "x.txt");
  EXPECT_EQ(r.args.min_severity, Severity::error);
}

TEST(CliArgs, SeveralPathsJobsAndBatchFormats) {
  const ParseResult r = parse({"check", "a.txt", "--jobs", "3", "dir", "--format=sarif", "-"});
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.args.files, (std::vector<std::string>{"a.txt", "dir", "-"}));
  EXPECT_EQ(r.args.file, "a.txt");
  EXPECT_EQ(r.args.jobs, 3);
  EXPECT_EQ(r.args.format, Format::sarif);
  EXPECT_EQ(parse({"check", "-j", "2", "x"}).args.jobs, 2);
  EXPECT_EQ(parse({"check", "x"}).args.jobs, 0);  // default: one per core
  EXPECT_EQ(parse({"check", "--format", "csv", "x"}).args.format, Format::csv);
  EXPECT_EQ(parse({"check", "--format", "cells", "x"}).args.format, Format::cells);
}

TEST(CliArgs, CellsCommand) {
  const ParseResult r = parse({"cells", "--format", "json", "--lang", "en"});
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.args.command, Command::cells);
  EXPECT_EQ(r.args.format, Format::json);
  EXPECT_TRUE(r.args.english);
}

TEST(CliArgs, DoubleDashEndsOptions) {
  const ParseResult r = parse({"check", "--", "--odd-name.txt"});
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.args.file, "--odd-name.txt");
}

TEST(CliArgs, RulesHelpVersion) {
  ParseResult r = parse({"rules", "--format", "json", "--lang", "en"});
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.args.command, Command::rules);
  EXPECT_EQ(r.args.format, Format::json);
  EXPECT_TRUE(r.args.english);
  EXPECT_EQ(parse({"--version"}).args.command, Command::version);
  EXPECT_EQ(parse({"--help"}).args.command, Command::help);
  EXPECT_EQ(parse({"-h"}).args.command, Command::help);
  EXPECT_EQ(parse({"check", "--help"}).args.command, Command::help);
  EXPECT_TRUE(parse({"--help"}).ok);
}

TEST(CliArgs, UsageErrorsAreOneLine) {
  const std::vector<std::vector<std::string>> bad = {
      {},
      {"frobnicate"},
      {"check"},
      {"check", "-", "a.txt", "-"},
      {"check", "--jobs", "0", "a.txt"},
      {"check", "--jobs", "x", "a.txt"},
      {"check", "--jobs=1000", "a.txt"},
      {"check", "-j"},
      {"rules", "--jobs", "2"},
      {"rules", "--format", "csv"},
      {"cells", "--format", "sarif"},
      {"cells", "extra"},
      {"check", "--format", "tsv", "a.txt"},
      {"check", "--format", "xml", "a.txt"},
      {"check", "--format"},
      {"check", "--min-severity", "fatal", "a.txt"},
      {"check", "--lang", "fr", "a.txt"},
      {"check", "--verbose", "a.txt"},
      {"check", ""},
      {"rules", "extra"},
      {"rules", "--ignore", "x"},
  };
  for (const auto& argv : bad) {
    const ParseResult r = parse(argv);
    std::string joined;
    for (const auto& a : argv) joined += a + " ";
    EXPECT_FALSE(r.ok) << joined;
    EXPECT_FALSE(r.error.empty()) << joined;
    EXPECT_EQ(r.error.find('\n'), std::string::npos) << joined;
  }
}

TEST(CliArgs, UsageMentionsEveryCommandAndOption) {
  const std::string text = usage();
  for (const char* word : {"check", "rules", "cells", "--version", "--help", "--format", "--ignore",
                           "--min-severity", "--lang", "--jobs", "csv", "sarif", "16 MiB"}) {
    EXPECT_NE(text.find(word), std::string::npos) << word;
  }
}

}  // namespace
}  // namespace nianbao::cli
