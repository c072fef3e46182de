// The cross-year parts that are not rules (issue 13): options, pairing names, the changes block,
// the output additions. The rules themselves are rule cases (rule_cases_test.cpp, cross_cases).
#include <gtest/gtest.h>

#include <nianbao/nianbao.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "report_builder.hpp"
#include "rules/cross/cross.hpp"

namespace {

using nianbao::testing::edited_report;
using nianbao::testing::previous_year;
namespace edit = nianbao::testing::edit;

TEST(Cross, OptionsJsonCarriesThePreviousReport) {
  nianbao::Options o;
  std::string error;
  ASSERT_TRUE(nianbao::parse_options_json(R"({"previous": "上年的报告"})", &o, &error)) << error;
  EXPECT_EQ(o.previous, "上年的报告");
  nianbao::Options none;
  ASSERT_TRUE(
      nianbao::parse_options_json(R"({"previous": null, "minSeverity": "info"})", &none, &error));
  EXPECT_FALSE(none.previous.has_value());
  ASSERT_TRUE(nianbao::parse_options_json(R"({"previous": ""})", &none, &error));
  EXPECT_FALSE(none.previous.has_value());  // the page's empty box
  nianbao::Options bad;
  EXPECT_FALSE(nianbao::parse_options_json(R"({"previous": 2023})", &bad, &error));
  EXPECT_NE(error.find("previous"), std::string::npos);
}

TEST(Cross, AgencyNames) {
  using nianbao::detail::agency_key;
  EXPECT_EQ(agency_key(" 某某市 某某局（办公室）"), agency_key("某某市某某局办公室"));
  EXPECT_NE(agency_key("某某市某某局"), agency_key("某某县某某局"));
}

TEST(Cross, ChangesAndRates) {
  nianbao::Options o;
  o.previous = nianbao::testing::edited_report(previous_year(), {});
  const nianbao::Result r = nianbao::check(edited_report({}), o);
  ASSERT_TRUE(r.previous.has_value());
  const auto find = [&](const std::string& id) -> const nianbao::Change* {
    for (const auto& c : r.changes) {
      if (c.id == id) return &c;
    }
    return nullptr;
  };
  const nianbao::Change* fresh = find("t3.new.total");
  ASSERT_NE(fresh, nullptr);
  EXPECT_EQ(fresh->previous, 10);
  EXPECT_EQ(fresh->current, 10);
  EXPECT_EQ(fresh->percent, 0);
  const nianbao::Change* licensing = find("t2.licensing");
  ASSERT_NE(licensing, nullptr);
  EXPECT_EQ(licensing->change, 10);    // 120 → 130
  EXPECT_EQ(licensing->percent, 8.3);  // one decimal
  const nianbao::Change* rate = find("rate.disclosure");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->previous, 100);  // 8 of 8
  EXPECT_EQ(rate->current, 100);   // 11 + 1 of 12
  EXPECT_FALSE(rate->percent.has_value());
  const nianbao::Change* corrected = find("rate.review_correction");
  ASSERT_NE(corrected, nullptr);
  EXPECT_EQ(corrected->previous, 0);    // 0 of 3
  EXPECT_EQ(corrected->current, 28.6);  // 2 of 7
  EXPECT_EQ(find("t3.withheld.*.total")->cells.size(), 8u);
  // A placeholder is not an ok cell: the line is left out.
  o.previous = nianbao::testing::edited_report(previous_year(), {edit::cell("t2.penalty", "/")});
  const nianbao::Result slash = nianbao::check(edited_report({}), o);
  for (const auto& c : slash.changes) EXPECT_NE(c.id, "t2.penalty");
}

TEST(Cross, OutputAdditions) {
  nianbao::Options o;
  o.previous =
      nianbao::testing::edited_report(previous_year(), {edit::cell("t3.carried_out.total", "3"),
                                                        edit::cell("t3.granted.total", "7"),
                                                        edit::cell("t3.results_total.total", "7")});
  const std::string text = edited_report({});
  const nianbao::Result r = nianbao::check(text, o);
  const auto j = nlohmann::json::parse(nianbao::to_json(r));
  EXPECT_EQ(j["previous"]["year"], 2023);
  EXPECT_EQ(j["previous"]["agency"], "某某市某某局");
  EXPECT_EQ(j["previous"]["input_bytes"], o.previous->size());
  EXPECT_TRUE(j["previous"]["compared"].get<bool>());
  EXPECT_TRUE(j["changes"].is_array());
  bool carry = false;
  for (const auto& f : j["findings"]) {
    if (f["rule"] != "cross-carry-over") {
      EXPECT_FALSE(f.contains("previous_line")) << f["rule"];
      continue;
    }
    carry = true;
    EXPECT_EQ(f["previous_cells"], nlohmann::json::array({"t3.carried_out.total"}));
    EXPECT_GT(f["previous_line"].get<int>(), 1);
  }
  EXPECT_TRUE(carry);
  const std::string shown = nianbao::to_text(r, text, "now.txt");
  EXPECT_NE(shown.find("（上一年度报告 "), std::string::npos) << shown;
  EXPECT_NE(shown.find("上一年度报告：某某市某某局 2023年度"), std::string::npos) << shown;
  EXPECT_NE(shown.find("与上年比较"), std::string::npos) << shown;
  // Without a previous report: no block, no keys (snapshots and the contract unchanged).
  const nianbao::Result alone = nianbao::check(text);
  EXPECT_EQ(nianbao::to_text(alone, text, "now.txt").find("上一年度报告"), std::string::npos);
  EXPECT_FALSE(nlohmann::json::parse(nianbao::to_json(alone)).contains("previous"));
}

}  // namespace
