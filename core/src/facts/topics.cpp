// Topic words and the other keywords of the narrative (verbs, negations, outcome words ...),
// and the one pass that finds all of them: a keyword's first character selects the few
// keywords to compare, so the text is read once whatever the size of the table.
#include <array>
#include <cstring>
#include <iterator>

#include "facts_internal.hpp"

namespace nianbao::detail::facts_internal {

const Kw kKeywords[] = {
    // table 3
    {"收到", Role::topic, Topic::app_new},
    {"受理", Role::topic, Topic::app_new},
    {"新收", Role::topic, Topic::app_new},
    {"接收", Role::topic, Topic::app_new},
    {"接到", Role::topic, Topic::app_new},
    {"办理", Role::topic, Topic::app_handled},
    {"办结", Role::topic, Topic::app_concluded},
    {"答复", Role::topic, Topic::app_concluded},
    {"办理完毕", Role::topic, Topic::app_concluded},
    {"办理完成", Role::topic, Topic::app_concluded},
    {"处理完毕", Role::topic, Topic::app_concluded},
    {"上年结转", Role::topic, Topic::app_carried_in},
    {"上年度结转", Role::topic, Topic::app_carried_in},
    {"上一年度结转", Role::topic, Topic::app_carried_in},
    {"上一年结转", Role::topic, Topic::app_carried_in},
    {"去年结转", Role::topic, Topic::app_carried_in},
    {"结转下年", Role::topic, Topic::app_carried_out},
    {"结转下一年", Role::topic, Topic::app_carried_out},
    {"结转至", Role::topic, Topic::app_carried_out},
    {"结转到", Role::topic, Topic::app_carried_out},
    {"顺延到", Role::topic, Topic::app_carried_out},
    {"顺延至", Role::topic, Topic::app_carried_out},
    {"转下一年", Role::topic, Topic::app_carried_out},
    {"转入下一年", Role::topic, Topic::app_carried_out},
    {"转入下年", Role::topic, Topic::app_carried_out},
    {"转至下一年", Role::topic, Topic::app_carried_out},
    {"自然人", Role::topic, Topic::app_natural},
    {"法人或其他组织", Role::topic, Topic::app_org},
    {"法人和其他组织", Role::topic, Topic::app_org},
    {"法人及其他组织", Role::topic, Topic::app_org},
    {"法人或者其他组织", Role::topic, Topic::app_org},
    {"予以公开", Role::topic, Topic::res_granted},
    {"同意公开", Role::topic, Topic::res_granted},
    {"全部公开", Role::topic, Topic::res_granted},
    {"部分公开", Role::topic, Topic::res_partial},
    {"予以公开及部分公开", Role::topic, Topic::res_granted_partial},
    {"予以公开和部分公开", Role::topic, Topic::res_granted_partial},
    {"予以公开、部分公开", Role::topic, Topic::res_granted_partial},
    {"予以公开或部分公开", Role::topic, Topic::res_granted_partial},
    {"全部或部分公开", Role::topic, Topic::res_granted_partial},
    {"全部及部分公开", Role::topic, Topic::res_granted_partial},
    {"不予公开", Role::topic, Topic::res_withheld},
    {"无法提供", Role::topic, Topic::res_unavailable},
    {"不予处理", Role::topic, Topic::res_declined},
    {"其他处理", Role::topic, Topic::res_other},
    // table 4
    {"行政复议", Role::topic, Topic::rv},
    {"复议", Role::topic, Topic::rv},
    {"行政诉讼", Role::topic, Topic::lit},
    {"诉讼", Role::topic, Topic::lit},
    {"直接起诉", Role::topic, Topic::ld},
    {"未经复议", Role::topic, Topic::ld},
    {"复议后起诉", Role::topic, Topic::lr},
    {"复议后提起", Role::topic, Topic::lr},
    {"复议后诉讼", Role::topic, Topic::lr},
    {"复议后再起诉", Role::topic, Topic::lr},
    {"经复议后", Role::topic, Topic::lr},
    {"行政复议、行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议和行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议及行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议或行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议、提起行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议和提起行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议或提起行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议、诉讼", Role::topic, Topic::rv_lit},
    {"行政复议和诉讼", Role::topic, Topic::rv_lit},
    {"复议诉讼", Role::topic, Topic::rv_lit},
    {"复议、诉讼", Role::topic, Topic::rv_lit},
    {"复议和诉讼", Role::topic, Topic::rv_lit},
    {"复议及诉讼", Role::topic, Topic::rv_lit},
    {"复议或诉讼", Role::topic, Topic::rv_lit},
    {"结果维持", Role::topic, Topic::t4_upheld},
    {"维持", Role::topic, Topic::t4_upheld},
    {"结果纠正", Role::topic, Topic::t4_corrected},
    {"纠正", Role::topic, Topic::t4_corrected},
    {"纠错", Role::topic, Topic::t4_corrected},
    {"其他结果", Role::topic, Topic::t4_other},
    {"尚未审结", Role::topic, Topic::t4_pending},
    {"未审结", Role::topic, Topic::t4_pending},
    {"正在审理", Role::topic, Topic::t4_pending},
    {"审理中", Role::topic, Topic::t4_pending},
    // table 2
    {"规范性文件", Role::topic, Topic::normative},
    {"规章", Role::topic, Topic::rules},
    {"行政许可", Role::topic, Topic::licensing},
    {"行政处罚", Role::topic, Topic::penalty},
    {"行政强制", Role::topic, Topic::coercion},
    {"行政事业性收费", Role::topic, Topic::admin_fee},
    // 信息处理费
    {"收费通知", Role::topic, Topic::fee_notices},
    {"缴费通知", Role::topic, Topic::fee_notices},
    {"信息处理费", Role::topic, Topic::fee_amount},
    // modifiers
    {"制发", Role::verb_strong, Topic::none},
    {"出台", Role::verb_strong, Topic::none},
    {"印发", Role::verb_strong, Topic::none},
    {"制定", Role::verb_strong, Topic::none},
    {"发布", Role::verb_weak, Topic::none},
    {"公开", Role::verb_weak, Topic::none},
    {"新增", Role::verb_weak, Topic::none},
    {"废止", Role::verb_repeal, Topic::none},
    {"失效", Role::verb_repeal, Topic::none},
    {"有效", Role::verb_in_force, Topic::none},
    {"决定", Role::decision, Topic::none},
    {"作出", Role::decision, Topic::none},
    {"办结", Role::decision, Topic::none},
    {"审批", Role::decision, Topic::none},
    {"结案", Role::decision, Topic::none},
    {"申请", Role::context, Topic::none},
    {"信息公开", Role::context, Topic::none},
    {"咨询", Role::blocker, Topic::none},
    {"建议", Role::blocker, Topic::none},
    {"提案", Role::blocker, Topic::none},
    {"热线", Role::blocker, Topic::none},
    {"来信", Role::blocker, Topic::none},
    {"留言", Role::blocker, Topic::none},
    {"工单", Role::blocker, Topic::none},
    {"诉求", Role::blocker, Topic::none},
    {"模板", Role::blocker, Topic::none},
    {"培训", Role::blocker, Topic::none},
    {"会议", Role::blocker, Topic::none},
    {"文书", Role::blocker, Topic::none},
    {"含上年", Role::with_carried, Topic::none},
    {"含上一年", Role::with_carried, Topic::none},
    {"包括上年", Role::with_carried, Topic::none},
    {"未", Role::negation, Topic::none},
    {"无", Role::negation, Topic::none},
    {"没有", Role::negation, Topic::none},
    {"零", Role::negation, Topic::none},
    {"均维持", Role::upheld_all, Topic::none},
    {"均获维持", Role::upheld_all, Topic::none},
    {"均被维持", Role::upheld_all, Topic::none},
    {"全部维持", Role::upheld_all, Topic::none},
    {"均予以维持", Role::upheld_all, Topic::none},
    {"均予维持", Role::upheld_all, Topic::none},
    {"均为维持", Role::upheld_all, Topic::none},
    {"纠错", Role::adverse, Topic::none},
    {"纠正", Role::adverse, Topic::none},
    {"败诉", Role::adverse, Topic::none},
    {"收费", Role::fee_any, Topic::none},
    {"费用", Role::fee_any, Topic::none},
    {"发出", Role::fee_verb, Topic::none},
    {"开具", Role::fee_verb, Topic::none},
    {"发放", Role::fee_verb, Topic::none},
    {"送达", Role::fee_verb, Topic::none},
    {"出具", Role::fee_verb, Topic::none},
};

namespace {

constexpr char32_t kLo = 0x4E00, kHi = 0x9FFF;
constexpr std::size_t kKw = std::size(kKeywords);

// Keywords by their first character (all start with a CJK ideograph): (first code point,
// keyword) sorted, so that each bucket lists its keywords in table order; a 4096-bit filter on
// the code point's low bits skips most characters without a search. Built once: it depends on
// the table only.
struct KeywordIndex {
  std::array<std::pair<char32_t, int>, kKw> firsts{};
  std::array<std::size_t, kKw> len{};
  std::array<std::uint64_t, 64> filter{};
  std::size_t nfirst = 0;

  KeywordIndex() {
    for (int k = 0; k < static_cast<int>(kKw); ++k) {
      len[static_cast<std::size_t>(k)] = std::strlen(kKeywords[k].s);
      std::size_t i = 0;
      const char32_t cp = next_cp(kKeywords[k].s, i);
      if (cp < kLo || cp > kHi) continue;
      firsts[nfirst++] = {cp, k};
      filter[(cp >> 6) & 63] |= std::uint64_t{1} << (cp & 63);
    }
    std::sort(firsts.begin(), firsts.begin() + static_cast<std::ptrdiff_t>(nfirst));
  }
};

}  // namespace

std::vector<Hit> find_hits(const std::string& text) {
  static const KeywordIndex index;
  const auto& [firsts, len, filter, nfirst] = index;
  const auto first_end = firsts.begin() + static_cast<std::ptrdiff_t>(nfirst);
  std::vector<Hit> hits;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t at = i;
    if (static_cast<unsigned char>(text[i]) < 0xE0) {
      ++i;
      continue;
    }
    const char32_t cp = next_cp(text, i);
    if (cp < kLo || cp > kHi) continue;
    if (((filter[(cp >> 6) & 63] >> (cp & 63)) & 1) == 0) continue;
    for (auto it = std::lower_bound(firsts.begin(), first_end, std::pair<char32_t, int>{cp, -1});
         it != first_end && it->first == cp; ++it) {
      const int k = it->second;
      const std::size_t kl = len[static_cast<std::size_t>(k)];
      if (at + kl > text.size() || std::memcmp(text.data() + at, kKeywords[k].s, kl) != 0) {
        continue;
      }
      // 规章制度 / 规章库 are not 规章.
      if (kKeywords[k].topic == Topic::rules &&
          (text.compare(at + kl, 6, "制度") == 0 || text.compare(at + kl, 3, "库") == 0)) {
        continue;
      }
      hits.push_back({at, at + kl, k});
    }
  }
  return hits;
}

}  // namespace nianbao::detail::facts_internal
