// The context of a narrative figure: whether it counts this year's cases of the report's own
// agency, or something else that happens to share the table's words:
//
//   清理并集中发布现行有效行政规范性文件393件   the stock at a clean-up, not at the year's end
//                                              (documents made or repealed in it are the year's)
//   截至目前共收到申请12件                      the figure at another date (截至12月31日 / 年底 is
//                                              the table's own date and does not count)
//   累计制发规范性文件120件 / 2019年以来         a cumulative figure (全年累计 is the year's own)
//   上年收到申请8件 / 2023年… in a 2024 report   another year's figure (carried over from or to
//                                              another year is what table 3's rows count)
//   全市共受理申请1295件                        a whole area's figure (in a department's report)
//
// 清理, 累计 and 上年 are read in the figure's clause, 截至, a year and 全市 in its sentence
// before the number.
#include <algorithm>
#include <cstring>

#include "facts_internal.hpp"

namespace nianbao::detail::facts_internal {

namespace {

// The first of `words` in s, or kNo; *word is set to it.
std::size_t find_any(std::string_view s, std::initializer_list<const char*> words,
                     const char** word) {
  std::size_t best = kNo;
  for (const char* w : words) {
    const std::size_t at = find_text(s, w);
    if (at != std::string_view::npos && at < best) {
      best = at;
      *word = w;
    }
  }
  return best;
}

// 截至 followed by the year's end (12月31日, 年底, 年末): the table's own date.
bool year_end_after(std::string_view s, std::size_t at) {
  const std::string_view w = s.substr(at, 30);
  for (const char* e : {"12月31日", "年底", "年末", "12月底"}) {
    if (contains_text(w, e)) return true;
  }
  return false;
}

// 上年 / 去年 … that is not table 3's 上年结转 nor 含上年 (the count includes last year's).
bool previous_year(std::string_view seg, const char** word) {
  for (const char* w : {"上一年度", "上年度", "上一年", "上年", "去年", "前一年"}) {
    for (std::size_t at = find_text(seg, w); at != std::string_view::npos;
         at = find_text(seg, w, at + 1)) {
      const std::string_view after = seg.substr(at + std::strlen(w));
      const bool carried = starts_with(after, "结转") || starts_with(after, "度结转");
      const bool included = at >= 3 && (seg.compare(at - 3, 3, "含") == 0 ||
                                        (at >= 6 && seg.compare(at - 6, 6, "包括") == 0));
      if (!carried && !included) {
        *word = w;
        return true;
      }
    }
  }
  return false;
}

// The last "YYYY年" in s naming another year than `year`; its text in *word.
bool other_year(std::string_view s, int year, std::string* word) {
  if (year == 0) return false;
  bool found = false;
  for (std::size_t i = 0; i + 7 <= s.size(); ++i) {
    if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) continue;
    std::size_t k = i;
    int y = 0;
    while (k < s.size() && k - i < 5 && is_digit(s[k])) y = y * 10 + (s[k++] - '0');
    if (k - i != 4 || s.compare(k, 3, "年") != 0) continue;
    found = y != year;
    if (found) *word = std::string(s.substr(i, 7));
  }
  return found;
}

}  // namespace

void figure_context(const Ctx& cx, std::size_t seg, std::size_t sentence, std::size_t nb, Fact* f) {
  const std::string& t = cx.n.text;
  // At most 300 bytes back (about 100 characters): a line without sentence marks is no sentence.
  const std::size_t lo = nb > 300 ? nb - 300 : 0;
  seg = std::max(seg, lo);
  sentence = std::max(sentence, lo);
  const std::string_view clause = std::string_view(t).substr(seg, nb - seg);
  const std::string_view sent = std::string_view(t).substr(sentence, nb - sentence);
  const char* w = nullptr;
  std::string year_word;
  // Documents made or repealed in a clean-up are the year's own (经清理，废止规范性文件5件).
  const bool stock = f->verb != DocVerb::made && f->verb != DocVerb::repealed;
  // Carried over from / to another year is what table 3's rows count (结转至2026年6件).
  const bool carried = f->topic == Topic::app_carried_in || f->topic == Topic::app_carried_out;
  if (stock && find_any(clause, {"清理"}, &w) != kNo) {
    f->context = FigureContext::cleanup;
  } else if (const std::size_t at = find_any(sent, {"截至", "截止"}, &w);
             at != kNo && !year_end_after(sent, at)) {
    f->context = FigureContext::as_of;
  } else if (const std::size_t cum = find_any(clause, {"累计", "历年", "以来"}, &w);
             cum != kNo && !(cum >= 6 && (clause.compare(cum - 6, 6, "全年") == 0 ||
                                          clause.compare(cum - 6, 6, "本年") == 0))) {
    f->context = FigureContext::cumulative;
  } else if (!carried && previous_year(clause, &w)) {
    f->context = FigureContext::other_year;
  } else if (!carried && other_year(sent, cx.doc.outline.year.value_or(0), &year_word)) {
    f->context = FigureContext::other_year;
  }
  if (f->context != FigureContext::none) f->context_word = w ? w : year_word;
  f->area_wide = find_any(sent,
                          {"全市", "全区", "全县", "全省", "全州", "全盟", "全旗", "全镇", "全乡",
                           "全系统", "各级", "各单位", "各部门"},
                          &w) != kNo;
}

}  // namespace nianbao::detail::facts_internal
