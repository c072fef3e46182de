// libFuzzer target: the narrative facts (core/src/facts/) and settle_tables, on a Document
// read from arbitrary bytes as check() reads it (outline and tables first: the facts leave the
// table rows out by their cells' positions).
//
// Invariants: every fact, percentage, zero statement, outcome, year, period and date stands
// inside the input, in a statutory section 0..6, with a finite value and a phrase that is
// valid UTF-8 when the input is; dates are calendar dates; settle_tables leaves no pending
// table-2 row and the tables as well formed as the reader left them; parse_chinese_number
// gives a finite value >= 0 when it accepts.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "facts.hpp"
#include "fuzz_common.hpp"

namespace {

using nianbao::fuzz::is_finite;
using nianbao::fuzz::require_offset;

void require_phrase(const std::string& phrase, bool valid) {
  if (valid) NIANBAO_REQUIRE(nianbao::detail::is_valid_utf8(phrase));
}

void require_facts(const nianbao::detail::Facts& f, std::string_view input) {
  const bool valid = nianbao::detail::is_valid_utf8(input);
  for (const auto& x : f.facts) {
    require_offset(x.offset, input);
    NIANBAO_REQUIRE(x.section >= 0 && x.section <= 6);
    NIANBAO_REQUIRE(is_finite(x.value) && x.value >= 0);
    require_phrase(x.phrase, valid);
    require_phrase(x.unit, valid);
  }
  for (const auto& p : f.percentages) {
    require_offset(p.offset, input);
    NIANBAO_REQUIRE(p.section >= 0 && p.section <= 6);
    NIANBAO_REQUIRE(is_finite(p.value) && p.value >= 0 && p.decimals >= 0);
    NIANBAO_REQUIRE(!p.has_count || (is_finite(p.count) && p.count >= 0));
    require_phrase(p.phrase, valid);
  }
  for (const auto& z : f.zeros) {
    require_offset(z.offset, input);
    NIANBAO_REQUIRE(z.section >= 0 && z.section <= 6);
    require_phrase(z.phrase, valid);
  }
  for (const auto& o : f.outcomes) {
    require_offset(o.offset, input);
    require_phrase(o.phrase, valid);
  }
  for (const auto& y : f.year_leads) {
    require_offset(y.offset, input);
    NIANBAO_REQUIRE(y.section >= 0 && y.section <= 6);
    require_phrase(y.phrase, valid);
  }
  for (const auto& p : f.periods) {
    require_offset(p.offset, input);
    require_phrase(p.phrase, valid);
  }
  for (const auto& d : f.dates) {
    require_offset(d.offset, input);
    NIANBAO_REQUIRE(d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31);
    require_phrase(d.phrase, valid);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  nianbao::fuzz::ReadText read = nianbao::fuzz::read_text(input);
  nianbao::detail::Document& doc = *read.doc;
  nianbao::detail::read_outline(doc, read.html ? &read.html->meta : nullptr);
  nianbao::detail::read_tables(doc);
  const nianbao::detail::Facts facts = nianbao::detail::extract_facts(doc);
  require_facts(facts, input);
  nianbao::detail::settle_tables(doc, facts);
  NIANBAO_REQUIRE(doc.tables.t2_pending.empty());
  nianbao::fuzz::require_tables(doc, input);

  double value = -1;
  if (nianbao::detail::parse_chinese_number(input.substr(0, 24), &value)) {
    NIANBAO_REQUIRE(is_finite(value) && value >= 0);
  }
  return 0;
}
