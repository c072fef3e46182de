// The text layer's fast paths give what the plain ways give: find_text as std::string_view::find,
// WordSet as one contains_text per word, next_cp / is_valid_utf8 / normalise on the plain
// three-byte sequences as on any other character.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"

namespace nianbao::detail {
namespace {

// Random text over a small alphabet of ASCII, ideographs, full-width punctuation and a few
// invalid bytes, so that needles occur and overlap.
std::string random_text(std::mt19937& rng, std::size_t pieces) {
  static const std::vector<std::string> kAlphabet = {
      "a", "1", " ", "\n", "。", "，", "公开", "信息", "申请", "年度报告", "\xE4\xBF", "\x80", "©"};
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::string s;
  for (std::size_t k = 0; k < pieces; ++k) s += kAlphabet[pick(rng)];
  return s;
}

TEST(TextSearch, FindTextIsStringFind) {
  std::mt19937 rng(7);
  const std::vector<std::string> needles = {"。",       "公开", "1", "a1",  "年度报告",
                                            "信息公开", "\x80", "©", " \n", "，公"};
  for (int round = 0; round < 300; ++round) {
    const std::string hay = random_text(rng, static_cast<std::size_t>(round % 40));
    for (const std::string& n : needles) {
      for (std::size_t from = 0; from <= hay.size() + 1; from += 3) {
        EXPECT_EQ(find_text(hay, n, from), std::string_view(hay).find(n, from))
            << "hay=" << hay << " needle=" << n << " from=" << from;
      }
    }
  }
}

TEST(TextSearch, WordSetIsContainsPerWord) {
  static constexpr std::string_view kWords[] = {"公开", "年度报告", "1", "©", "a1。"};
  const WordSet set(kWords);
  std::mt19937 rng(11);
  for (int round = 0; round < 500; ++round) {
    const std::string hay = random_text(rng, static_cast<std::size_t>(round % 12));
    bool in = false, starts = false;
    for (const std::string_view w : kWords) {
      in = in || hay.find(w) != std::string::npos;
      starts = starts || hay.rfind(w, 0) == 0;
    }
    EXPECT_EQ(set.in(hay), in) << hay;
    EXPECT_EQ(set.starts(hay), starts) << hay;
  }
}

TEST(TextSearch, Utf8FastPathsAgreeWithTheGeneralDecoder) {
  std::mt19937 rng(3);
  for (int round = 0; round < 300; ++round) {
    const std::string s = random_text(rng, static_cast<std::size_t>(round % 30));
    bool valid = true;
    for (std::size_t i = 0, j = 0; i < s.size();) {
      const char32_t fast = next_cp(s, i);
      const std::size_t before = j;
      const char32_t general = next_cp_general(s, j);
      EXPECT_EQ(fast, general);
      EXPECT_EQ(i, j);
      if (general == 0xFFFD && j - before != 3) valid = false;
    }
    EXPECT_EQ(is_valid_utf8(s), valid) << s;
  }
  // Folded characters keep their folding (the fast path takes only ideographs).
  const Normalised n = normalise("１、公开：“二”\r\n");
  EXPECT_EQ(n.text, "1.公开:\"二\"\n");
  EXPECT_EQ(n.orig.size(), n.text.size() + 1);
}

}  // namespace
}  // namespace nianbao::detail
