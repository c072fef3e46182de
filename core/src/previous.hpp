// The previous year's report (Options::previous): read the way check() reads the report, paired
// with it, and compared by the cross-year rules (core/src/rules/cross/). check() calls, in this
// order: the constructor, settle() before the result is described, compare() after the rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "facts.hpp"
#include "html.hpp"
#include "rules/cross/cross.hpp"

namespace nianbao::detail {

// Why a text is not a report at all, or empty when it may be one (check.cpp).
std::string not_a_report(std::string_view text, const Document& doc);

class PreviousReport {
 public:
  // Reads `utf8` (HTML to text, outline, tables, facts, table 2 settled by its narrative).
  PreviousReport(std::string_view utf8, const Options& options);
  PreviousReport(const PreviousReport&) = delete;
  PreviousReport& operator=(const PreviousReport&) = delete;

  // Pairs it with this year's report; when they are comparable, settles this year's table-2
  // rows that last year's in-force counts fix (settle_by_previous).
  void settle(Document& doc);
  // Runs the cross-year rules and fills Result::previous and Result::changes.
  void compare(const Document& doc, const Facts& facts, Emitter& em, Result& r);

 private:
  std::size_t bytes_ = 0;
  int lines_ = 0;
  std::optional<HtmlText> html_;
  std::optional<Document> doc_;
  std::optional<Facts> facts_;
  Previous ctx_;
};

}  // namespace nianbao::detail
