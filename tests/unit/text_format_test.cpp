// The text format on long lines: each finding shows a window of the line around its column (40
// code points before it, 160 in all, "…" where the line is cut), so the output grows with the
// number of findings, not with findings × line length (30,000 findings on a 2 MB line).
#include <nianbao/nianbao.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "text.hpp"

namespace nianbao {
namespace {

std::string repeat(const std::string& piece, int n) {
  std::string out;
  out.reserve(piece.size() * static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out += piece;
  return out;
}

Finding finding_at(int line, int column) {
  Finding f;
  f.rule = "test-rule";
  f.severity = Severity::warning;
  f.message = "消息";
  f.message_en = "message";
  f.line = line;
  f.column = column;
  return f;
}

// The two lines under each finding's heading: the shown text and the marker (after " | ").
std::vector<std::pair<std::string, std::string>> extracts(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t at = 0;
  while ((at = text.find(" [test-rule]\n", at)) != std::string::npos) {
    const std::size_t shown_start = text.find(" | ", at) + 3;
    const std::size_t shown_end = text.find('\n', shown_start);
    const std::size_t marker_start = text.find(" | ", shown_end) + 3;
    const std::size_t marker_end = text.find('\n', marker_start);
    out.emplace_back(text.substr(shown_start, shown_end - shown_start),
                     text.substr(marker_start, marker_end - marker_start));
    at = marker_end;
  }
  return out;
}

int width(const std::string& s) {
  int w = 0;
  std::size_t i = 0;
  while (i < s.size()) w += detail::display_width(detail::next_cp(s, i));
  return w;
}

TEST(TextFormat, ALongLineIsShownAsAWindowAroundTheColumn) {
  const int n = 100'000;
  const std::string line = repeat("报", n);  // one line, width 2 per code point
  Result r;
  for (const int column : {1, 50, 61, 62, 5'000, n - 100, n - 1, n, n + 1}) {
    r.findings.push_back(finding_at(1, column));
  }
  const auto ex = extracts(to_text(r, line, "f.txt", false));
  ASSERT_EQ(ex.size(), r.findings.size());
  for (std::size_t k = 0; k < ex.size(); ++k) {
    const int column = r.findings[k].column;
    const auto& [shown, marker] = ex[k];
    SCOPED_TRACE("column " + std::to_string(column));
    const std::size_t cps = detail::cp_count(shown);
    EXPECT_LE(cps, 162u);  // the window and its two marks
    const bool cut_before = column > 60;
    EXPECT_EQ(shown.rfind("…", 0) == 0, cut_before);
    const int from = cut_before ? column - 40 : 1;
    const bool cut_after = from + 160 <= n;
    EXPECT_EQ(shown.size() >= 3 && shown.compare(shown.size() - 3, 3, "…") == 0, cut_after);
    EXPECT_EQ(cps, static_cast<std::size_t>(std::min(n + 1, from + 160) - from) +
                       (cut_before ? 1 : 0) + (cut_after ? 1 : 0));
    // The caret stands under the column: 2 columns per 报 before it, 1 for the leading "…".
    ASSERT_FALSE(marker.empty());
    EXPECT_EQ(static_cast<int>(marker.find('^')), (cut_before ? 1 : 0) + 2 * (column - from));
  }
}

TEST(TextFormat, ManyFindingsOnOneLongLineGiveOutputProportionalToTheFindings) {
  // 2 MB on one line (tabs and invalid bytes included), 20,000 findings along it, out of order
  // as findings sorted by rule id are: the text is bounded by the findings, not by the line.
  const std::string line = repeat("本年度行政复议351件，\t工作有序推进。\xed\xa0\x80 ", 40'000);
  Result r;
  const int cps = static_cast<int>(detail::cp_count(line));
  for (int k = 0; k < 20'000; ++k) {
    r.findings.push_back(finding_at(1, 1 + static_cast<int>((k * 7919LL) % cps)));
  }
  const std::string text = to_text(r, line + "\nsecond line\n", "f.txt", true);
  const auto ex = extracts(text);
  ASSERT_EQ(ex.size(), r.findings.size());
  for (const auto& [shown, marker] : ex) {
    ASSERT_LE(detail::cp_count(shown), 2 * 162u);  // a tab is shown as two spaces
    ASSERT_LE(width(marker), 2 * 162);
  }
  EXPECT_LT(text.size(), r.findings.size() * 1'000);
}

TEST(TextFormat, ShortLinesAreShownWhole) {
  const std::string text = "第一行\n\t表格\t31\t2\n";
  Result r;
  r.findings.push_back(finding_at(2, 5));
  r.findings.push_back(finding_at(2, 9));  // after the line's end
  const auto ex = extracts(to_text(r, text, "f.txt", false));
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(ex[0].first, "  表格  31  2");
  EXPECT_EQ(ex[0].second, "        ^");
  EXPECT_EQ(ex[1].first, "  表格  31  2");
  EXPECT_EQ(ex[1].second, "             ^");
}

}  // namespace
}  // namespace nianbao
