// More than one report in one paste (two years, two agencies, one after the other): found by a
// second title line followed by its own sections or tables, and each report checked on its own,
// every position still pointing into the whole input.
//
// check() reads the whole text first; when it holds more than one report, check_reports() splits
// it, reads each report (outline, tables, scope) and runs check_report() (check.cpp: facts,
// settle, rules, the findings) on each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "document.hpp"
#include "scope.hpp"

namespace nianbao::detail {

// At most this many reports of one paste are checked; the note says how many more there were.
inline constexpr std::size_t kMaxReports = 10;

// A report's bytes in the text that was read (the input, or the text of an HTML page).
struct ReportSpan {
  std::size_t begin = 0, end = 0;
};

// The reports of a text: one span (the whole text) when it holds one report; else one span per
// report, at most kMaxReports of them, the first from the start of the text. *found is the
// number of reports found (it may exceed the spans returned).
std::vector<ReportSpan> find_reports(std::string_view text, std::size_t* found);

// Pairs (earlier, later) of reports of one agency in consecutive years, by index into `marks`:
// where the cross-year checks (issue 13) apply.
std::vector<std::pair<std::size_t, std::size_t>> consecutive_years(
    const std::vector<ReportMark>& marks);

// The rest of check() for one report, its outline and tables read (check.cpp).
void check_report(Document& doc, const Scope& scope, const Options& options, Result& r);

// When `text` (the input, or the text of an HTML page with `origin` mapping it to the input)
// holds more than one report, checks each into r (r.reports; the top-level fields are the first
// report's) and returns true; else leaves r alone and returns false.
bool check_reports(std::string_view input, std::string_view text,
                   const std::vector<std::uint32_t>* origin, const Options& options, Result& r);

}  // namespace nianbao::detail
