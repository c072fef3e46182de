// Parts of real reports pasted alone, and two real reports pasted together (issue 17). The
// excerpts are cut from ../shared/corpus at test time (nothing is copied into the repository):
// table 3 alone as pasted from a web page (tabs), from pdftotext -layout and from a crawled page
// whose numbers ran together; table 4 alone; tables 2–4 without the prose; section 三 with its
// table; section 一 alone; a whole report missing a section; corpus 036 + 037 in one paste.
//
// An excerpt must be read as the whole report reads it (the same cells, the same findings about
// them) and get nothing about the parts not pasted.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "nianbao/nianbao.hpp"

namespace nianbao {
namespace {

namespace fs = std::filesystem;
const fs::path kCorpusDir = NIANBAO_CORPUS_DIR;

std::string corpus(const std::string& name) {
  std::ifstream in(kCorpusDir / name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

#define NEED_CORPUS(text) \
  if ((text).empty()) GTEST_SKIP() << "corpus not found at " << kCorpusDir

// From the start of the line holding `from` to the start of the line holding `to` (the first
// after `from`; "" = to the end). Empty when a marker is missing.
std::string lines_between(const std::string& text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  if (at == std::string::npos) return {};
  const std::size_t b = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
  if (to.empty()) return text.substr(b);
  const std::size_t end = text.find(to, at);
  if (end == std::string::npos) return {};
  const std::size_t e = text.rfind('\n', end) == std::string::npos ? 0 : text.rfind('\n', end) + 1;
  return e > b ? text.substr(b, e - b) : std::string();
}

// From `from` up to `to` (the first after it), within one line: a crawled page's run-together
// text.
std::string between(const std::string& text, const std::string& from, const std::string& to,
                    const std::string& after = "") {
  const std::size_t start = after.empty() ? 0 : text.find(after);
  if (start == std::string::npos) return {};
  const std::size_t b = text.find(from, start);
  const std::size_t e = b == std::string::npos ? b : text.find(to, b);
  return e == std::string::npos ? std::string() : text.substr(b, e - b);
}

// Erases every line holding `needle`.
std::string without_lines(std::string text, const std::string& needle) {
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle)) {
    const std::size_t b = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
    const std::size_t e = text.find('\n', at);
    text.erase(b, e == std::string::npos ? std::string::npos : e - b + 1);
  }
  return text;
}

const std::set<std::string>& whole_report_rules() {
  static const std::set<std::string> ids = [] {
    std::set<std::string> out;
    for (const auto& r : rules()) {
      if (r.whole_report) out.insert(r.id);
    }
    return out;
  }();
  return ids;
}

// A finding about table cells, without its position: what must be the same in the excerpt as in
// the whole report.
using TableFinding = std::tuple<std::string, Severity, FindingStatus, std::vector<std::string>,
                                std::optional<double>, std::optional<double>>;

bool in_tables(const std::vector<std::string>& cells, const std::set<std::string>& tables) {
  return !cells.empty() && std::all_of(cells.begin(), cells.end(), [&](const std::string& id) {
    return tables.count(id.substr(0, 2)) > 0;
  });
}

std::multiset<TableFinding> table_findings(const Result& r, const std::set<std::string>& tables) {
  std::multiset<TableFinding> out;
  for (const auto& f : r.findings) {
    const bool table_rule = f.rule.rfind("t", 0) == 0 || f.rule.rfind("cell-", 0) == 0;
    if (!table_rule || !in_tables(f.cells, tables)) continue;
    out.insert({f.rule, f.severity, f.status, f.cells, f.expected, f.actual});
  }
  return out;
}

// The excerpt: scope, parts, the note first, nothing about the absent parts, and the tables
// read and checked as in the whole report.
void expect_excerpt(const std::string& excerpt, const Result& whole,
                    const std::vector<std::string>& parts, const std::set<std::string>& tables) {
  ASSERT_FALSE(excerpt.empty()) << "a marker was not found in the corpus text";
  const Result r = check(excerpt);
  ASSERT_NE(r.exit_code, 2) << r.input_error;
  const std::string shown = to_text(r, excerpt, "excerpt");
  EXPECT_EQ(r.scope, "excerpt") << shown;
  EXPECT_EQ(r.parts, parts) << shown;
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings.front().rule, "excerpt-scope") << shown;
  for (const auto& f : r.findings) {
    EXPECT_FALSE(whole_report_rules().count(f.rule)) << f.rule << "\n" << shown;
    EXPECT_EQ(f.message.find("未找到表"), std::string::npos) << shown;
  }
  for (const auto& c : whole.cells) {
    if (!tables.count(c.id.substr(0, 2))) continue;
    const auto it =
        std::find_if(r.cells.begin(), r.cells.end(), [&](const Cell& x) { return x.id == c.id; });
    ASSERT_NE(it, r.cells.end()) << c.id;
    EXPECT_EQ(it->status, c.status) << c.id;
    EXPECT_EQ(it->value, c.value) << c.id;
    EXPECT_EQ(it->raw, c.raw) << c.id;
  }
  for (const auto& c : r.cells) {
    EXPECT_TRUE(tables.count(c.id.substr(0, 2))) << c.id << " read from a table not pasted";
  }
  EXPECT_EQ(table_findings(r, tables), table_findings(whole, tables)) << shown;
}

const std::string k000 = "000-xiangxiang-ziranziyuan-2025/report.txt";
const std::string kSection3 = "三、收到和处理政府信息公开申请情况";
const std::string kSection4 = "四、政府信息公开行政复议、行政诉讼情况";
const std::string kSection5 = "五、存在的主要问题及改进情况";

TEST(CorpusExcerpts, TableThreeAloneFromAWebPage) {
  const std::string text = corpus(k000);
  NEED_CORPUS(text);
  expect_excerpt(lines_between(text, "(本列数据", kSection4), check(text), {"t3"}, {"t3"});
}

TEST(CorpusExcerpts, TableThreeAloneFromPdftotextLayout) {
  const std::string text = corpus("001-huaian-hongze-2023/pdftotext-layout.txt");
  NEED_CORPUS(text);
  expect_excerpt(lines_between(text, "申请人情况", kSection4), check(text), {"t3"}, {"t3"});
}

TEST(CorpusExcerpts, TableThreeAloneFromPdftotextRaw) {
  // Labels and numbers on lines of their own: read in template order.
  const std::string text = corpus("001-huaian-hongze-2023/pdftotext-raw.txt");
  NEED_CORPUS(text);
  expect_excerpt(lines_between(text, "申请人情况", kSection4), check(text), {"t3"}, {"t3"});
}

TEST(CorpusExcerpts, TableThreeAloneRunTogether) {
  // A crawled page: the whole report on one line, the table's numbers run together.
  const std::string text = corpus("035-pingtan-2021/page.txt");
  NEED_CORPUS(text);
  expect_excerpt(between(text, "（本列数据", kSection4, kSection3), check(text), {"t3"}, {"t3"});
}

TEST(CorpusExcerpts, TableFourAlone) {
  const std::string text = corpus(k000);
  NEED_CORPUS(text);
  const std::string t4 = lines_between(text, "行政复议\t", kSection5);
  expect_excerpt(t4, check(text), {"t4"}, {"t4"});
  // Its 11 numbers for 15 cells are reported as in the whole report.
  const Result r = check(t4);
  EXPECT_TRUE(std::any_of(r.findings.begin(), r.findings.end(), [](const Finding& f) {
    return f.rule == "table-shape" && f.actual == 11;
  }));
}

TEST(CorpusExcerpts, TablesTwoToFourWithoutTheProse) {
  const std::string text = corpus(k000);
  NEED_CORPUS(text);
  const Result whole = check(text);
  // With the headings of sections 二–四 (as copied from the report), and without them (the
  // tables alone, one after the other).
  const std::string with_headings = lines_between(text, "二、主动公开政府信息情况", kSection5);
  expect_excerpt(with_headings, whole, {"section-2", "t2", "section-3", "t3", "section-4", "t4"},
                 {"t2", "t3", "t4"});
  std::string tables = lines_between(text, "第二十条第（一）项", kSection5);
  tables = without_lines(without_lines(tables, kSection3), kSection4);
  expect_excerpt(tables, whole, {"t2", "t3", "t4"}, {"t2", "t3", "t4"});
}

TEST(CorpusExcerpts, SectionThreeWithItsTable) {
  for (const char* name : {"000-xiangxiang-ziranziyuan-2025/report.txt",
                           "003-huaian-city-2024/pdftotext-layout.txt"}) {
    SCOPED_TRACE(name);
    const std::string text = corpus(name);
    NEED_CORPUS(text);
    expect_excerpt(lines_between(text, kSection3, kSection4), check(text), {"section-3", "t3"},
                   {"t3"});
  }
}

TEST(CorpusExcerpts, SectionOneAloneHasNothingToCompare) {
  const std::string text = corpus(k000);
  NEED_CORPUS(text);
  const std::string s1 = lines_between(text, "一、总体情况", "二、主动公开政府信息情况");
  expect_excerpt(s1, check(text), {"section-1"}, {});
  const Result r = check(s1);
  EXPECT_TRUE(r.cells.empty());  // "复议后起诉的行政诉讼1个" is no table 4
  ASSERT_EQ(r.findings.size(), 1u) << to_text(r, s1, "s1");
  EXPECT_NE(r.findings[0].message.find("没有表格"), std::string::npos) << r.findings[0].message;
  EXPECT_EQ(r.exit_code, 0);
}

TEST(CorpusExcerpts, AWholeReportMissingASectionStaysFull) {
  const std::string text = corpus(k000);
  NEED_CORPUS(text);
  const Result r = check(without_lines(text, kSection5));
  EXPECT_EQ(r.scope, "full");
  EXPECT_TRUE(std::any_of(r.findings.begin(), r.findings.end(), [](const Finding& f) {
    return f.rule == "section-missing" && f.message.find("五、") != std::string::npos;
  }));
}

TEST(CorpusExcerpts, EveryWholeCorpusReportIsFullAndOneReport) {
  for (const auto& e : fs::recursive_directory_iterator(kCorpusDir)) {
    const std::string ext = e.path().extension().string();
    if (!e.is_regular_file() || e.path().filename() == "README.md" ||
        (ext != ".txt" && ext != ".md" && ext != ".html")) {
      continue;
    }
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    const Decoded d = decode_input(s.str());
    const Result r = check(d.utf8);
    EXPECT_EQ(r.scope, "full") << e.path();
    EXPECT_TRUE(r.reports.empty()) << e.path();
  }
}

TEST(CorpusExcerpts, TwoReportsPastedTogether) {
  const std::string a = corpus("036-pingtan-2022/page.txt");
  const std::string b = corpus("037-pingtan-2023/page.txt");
  NEED_CORPUS(a);
  const std::string text = a + "\n" + b;
  const Result r = check(text);
  ASSERT_EQ(r.reports.size(), 2u);
  const int shift = static_cast<int>(std::count(a.begin(), a.end(), '\n')) + 1;
  const Result alone[] = {check(a), check(b)};
  for (std::size_t k = 0; k < 2; ++k) {
    SCOPED_TRACE(k);
    const Result& sub = r.reports[k];
    EXPECT_EQ(sub.agency, alone[k].agency);
    EXPECT_EQ(sub.year, alone[k].year);
    EXPECT_EQ(sub.summary.pass, alone[k].summary.pass);
    EXPECT_EQ(sub.summary.not_assessable, alone[k].summary.not_assessable);
    ASSERT_EQ(sub.findings.size(), alone[k].findings.size() + 1);
    EXPECT_EQ(sub.findings[0].rule, "multiple-reports");
    EXPECT_EQ(sub.findings[0].line, k == 0 ? 1 : shift + 1);
    for (std::size_t i = 0; i < alone[k].findings.size(); ++i) {
      const Finding& x = alone[k].findings[i];
      const Finding& y = sub.findings[i + 1];
      EXPECT_EQ(x.rule, y.rule);
      EXPECT_EQ(x.cells, y.cells);
      EXPECT_EQ(x.line == 0 ? 0 : x.line + (k == 0 ? 0 : shift), y.line) << x.rule;
      EXPECT_EQ(x.column, y.column) << x.rule;
    }
    ASSERT_EQ(sub.cells.size(), alone[k].cells.size());
    for (std::size_t i = 0; i < sub.cells.size(); ++i) {
      EXPECT_EQ(sub.cells[i].value, alone[k].cells[i].value) << sub.cells[i].id;
      EXPECT_EQ(sub.cells[i].status, alone[k].cells[i].status) << sub.cells[i].id;
    }
  }
  EXPECT_EQ(r.reports[0].last_line, shift);
  EXPECT_EQ(r.reports[1].first_line, shift + 1);
  const auto j = nlohmann::json::parse(to_json(r));
  EXPECT_EQ(j["reports"][1]["report"]["year"], 2023);
  EXPECT_EQ(j["reports"][1]["lines"]["first"], shift + 1);
}

}  // namespace
}  // namespace nianbao
