// Percentages: a number followed by % in the narrative, with what it is a share of. Three forms:
//
//   a count, then its share:    予以公开及部分公开208件（17.46%） / 自然人申请92件，占比92%
//   a topic word, then a share: 予以公开占61.5% / 法人或其他组织申请占8%
//   a correction rate:          行政复议纠错率为0% / 被纠错率0%
//
// Only fillers may stand between the count (or the word) and the percentage (占, 占比, 比例, 为,
// 总数的 ...); a change (同比增长12%) or another rate (满意率, 办结率) is no share of a table's
// figure and is left out. The precision written (17.46 has two decimals) and the words around
// (约, 近, 超过, 以上, 不足) travel with the value; the rule decides what they admit.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "facts_internal.hpp"

namespace nianbao::detail::facts_internal {

namespace {

// The number before '%' at t[pct]: [*nb, pct), with its decimals.
bool read_percent(const std::string& t, std::size_t pct, std::size_t* nb, double* value,
                  int* decimals) {
  std::size_t k = pct;
  while (k > 0 && (is_digit(t[k - 1]) || t[k - 1] == '.')) --k;
  if (k == pct || !is_digit(t[k]) || t[pct - 1] == '.') return false;
  if (k > 0 &&
      (std::isalpha(static_cast<unsigned char>(t[k - 1])) || t[k - 1] == '-' || t[k - 1] == '/')) {
    return false;
  }
  const std::string num = t.substr(k, pct - k);
  const std::size_t dot = num.find('.');
  if (dot != std::string::npos && num.find('.', dot + 1) != std::string::npos) return false;
  *nb = k;
  *value = std::strtod(num.c_str(), nullptr);
  *decimals = dot == std::string::npos ? 0 : static_cast<int>(num.size() - dot - 1);
  return true;
}

bool ends_with(const std::string& t, std::size_t end, const char* w) {
  const std::size_t l = std::strlen(w);
  return end >= l && t.compare(end - l, l, w) == 0;
}

// 约 / 近 / 超 … before the number (after 为 / 达), 左右 / 以上 / 以下 after the %.
Approx approx_of(const std::string& t, std::size_t nb, std::size_t pct) {
  std::size_t b = nb;
  for (const char* w : {"为", "达", "了"}) {
    if (ends_with(t, b, w)) b -= std::strlen(w);
  }
  const std::string_view after = std::string_view(t).substr(pct + 1);
  if (starts_with(after, "左右")) return Approx::about;
  if (starts_with(after, "以上") || starts_with(after, "多")) return Approx::over;
  if (starts_with(after, "以下")) return Approx::under;
  for (const char* w : {"超过", "超", "逾"}) {
    if (ends_with(t, b, w)) return Approx::over;
  }
  for (const char* w : {"不足", "不到", "低于"}) {
    if (ends_with(t, b, w)) return Approx::under;
  }
  for (const char* w : {"将近", "接近", "近"}) {
    if (ends_with(t, b, w)) return Approx::nearly;
  }
  for (const char* w : {"大约", "约"}) {
    if (ends_with(t, b, w)) return Approx::about;
  }
  return Approx::exact;
}

// Only fillers between a count (or its word) and its percentage.
bool share_gap(std::string_view gap) {
  return only_fillers(
      gap, {"(",      ")",    ",",    ":",    "占比", "所占比例", "比例",     "比重",     "占",
            "为",     "约",   "大约", "近",   "将近", "接近",     "超过",     "超",       "逾",
            "达到",   "达",   "的",   "了",   "总数", "申请总数", "办结总数", "办理总数", "总量",
            "总件数", "全部", "所有", "申请", "办理", "办结",     "答复",     "结果",     "其中",
            "总计",   "合计", "件数", "不足", "不到", "低于",     "仅"});
}

// The topics a share can be checked for.
bool share_topic(Topic t) {
  return is_result(t) || is_t4_sub(t) || t == Topic::app_natural || t == Topic::app_org ||
         t == Topic::app_carried_out;
}

// Where the sentence holding `at` starts (a clause mark ; counts too), at most 240 bytes back.
std::size_t sentence_start(const std::string& t, std::size_t at) {
  const std::size_t lo = at > 240 ? at - 240 : 0;
  for (std::size_t k = at; k > lo; --k) {
    if (is_sentence_end(t, k - 1) || t[k - 1] == ';') return k;
  }
  return lo;
}

// The group a table-4 outcome word belongs to: the nearest group word before `at` in [s, at).
Topic group_before(const std::vector<Hit>& hits, std::size_t s, std::size_t at) {
  Topic g = Topic::none;
  std::size_t end = 0;
  for (std::size_t h = lower_hit(hits, s); h < hits.size() && hits[h].b < at; ++h) {
    if (hits[h].role() == Role::topic && is_group(hits[h].topic()) && hits[h].e <= at &&
        hits[h].e >= end) {
      g = hits[h].topic();
      end = hits[h].e;
    }
  }
  return g;
}

// A correction rate right before the number: 纠错率 / 纠正率, then fillers; the groups the
// sentence names before it.
bool correction_rate(const Ctx& cx, std::size_t s, std::size_t nb, Percentage* p,
                     std::size_t* from) {
  const std::string& t = cx.n.text;
  const std::string_view sentence = std::string_view(t).substr(s, nb - s);
  for (const char* w : {"纠错率", "纠正率"}) {
    const std::size_t rel = sentence.rfind(w);
    if (rel == std::string_view::npos) continue;
    const std::size_t at = s + rel;
    const std::size_t e = at + std::strlen(w);
    if (!only_fillers(std::string_view(t).substr(e, nb - e),
                      {"为", "是", "达", "仅", "均为", "均", "约", "了", ":", ","})) {
      continue;
    }
    for (std::size_t h = lower_hit(cx.hits, s); h < cx.hits.size() && cx.hits[h].b < at; ++h) {
      if (cx.hits[h].role() != Role::topic) continue;
      const Topic x = cx.hits[h].topic();
      p->review = p->review || x == Topic::rv || x == Topic::rv_lit;
      p->lawsuit =
          p->lawsuit || x == Topic::lit || x == Topic::ld || x == Topic::lr || x == Topic::rv_lit;
    }
    p->correction_rate = true;
    *from = at;
    return true;
  }
  return false;
}

// The quantities and the facts they gave: facts[k] is quantity k's fact, or none.
struct Counts {
  const std::vector<Quantity>& qs;
  std::vector<const Fact*> facts;

  Counts(const Ctx& cx, const std::vector<Quantity>& q) : qs(q), facts(q.size(), nullptr) {
    // Facts were made in the quantities' order: one merge pairs them.
    std::size_t k = 0;
    for (const Fact& f : cx.out.facts) {
      while (k < qs.size() && cx.orig(qs[k].nb) != f.offset) ++k;
      if (k == qs.size()) break;
      facts[k++] = &f;
    }
  }
  // The index of the first quantity starting at or after narrative offset `at`.
  std::size_t first_from(std::size_t at) const {
    return static_cast<std::size_t>(
        std::lower_bound(qs.begin(), qs.end(), at,
                         [](const Quantity& q, std::size_t v) { return q.nb < v; }) -
        qs.begin());
  }
};

// The count right before the percentage (only fillers between): its fact gives the subject.
bool count_before(const Ctx& cx, const Counts& counts, std::size_t s, std::size_t nb, Percentage* p,
                  std::size_t* from) {
  const std::size_t k = counts.first_from(nb);
  if (k == 0) return false;
  const Quantity* last = &counts.qs[k - 1];
  if (last->nb < s || last->ue > nb ||
      !share_gap(std::string_view(cx.n.text).substr(last->ue, nb - last->ue))) {
    return false;
  }
  const Fact* f = counts.facts[k - 1];
  if (!f || !share_topic(f->topic)) return false;
  p->topic = f->topic;
  p->parent = f->parent;
  p->has_count = true;
  p->count = f->value;
  *from = last->ue;
  p->phrase = f->phrase;  // the count's words; the percentage is quoted after them
  return true;
}

// A topic word right before the percentage (no count between): 予以公开占61.5%.
bool word_before(const Ctx& cx, const Counts& counts, std::size_t s, std::size_t nb, Percentage* p,
                 std::size_t* from) {
  const auto& hits = cx.hits;
  std::size_t best = kNo;
  for (std::size_t h = lower_hit(hits, s); h < hits.size() && hits[h].b < nb; ++h) {
    if (hits[h].role() != Role::topic || hits[h].e > nb) continue;
    if (best == kNo || hits[h].e > hits[best].e ||
        (hits[h].e == hits[best].e && hits[h].b < hits[best].b)) {
      best = h;
    }
  }
  if (best == kNo || !share_topic(hits[best].topic())) return false;
  const std::size_t k = counts.first_from(hits[best].e);
  if (k < counts.qs.size() && counts.qs[k].nb < nb) return false;  // a count of something else
  if (!share_gap(std::string_view(cx.n.text).substr(hits[best].e, nb - hits[best].e))) return false;
  p->topic = hits[best].topic();
  if (is_t4_sub(p->topic)) {
    p->parent = group_before(hits, s, hits[best].b);
    if (p->parent == Topic::none) return false;
  }
  *from = hits[best].b;
  return true;
}

}  // namespace

void percentages(Ctx& cx, const std::vector<Quantity>& qs) {
  const std::string& t = cx.n.text;
  const Counts counts(cx, qs);
  for (std::size_t pct = t.find('%'); pct != std::string::npos; pct = t.find('%', pct + 1)) {
    Percentage p;
    std::size_t nb = 0;
    if (!read_percent(t, pct, &nb, &p.value, &p.decimals)) continue;
    const std::size_t s = sentence_start(t, nb);
    std::size_t from = nb;
    const bool found = correction_rate(cx, s, nb, &p, &from) ||
                       count_before(cx, counts, s, nb, &p, &from) ||
                       word_before(cx, counts, s, nb, &p, &from);
    if (!found) continue;
    p.approx = approx_of(t, nb, pct);
    p.offset = cx.orig(nb);
    p.section = cx.section(nb);
    p.phrase += cx.quote(from, pct + 1, true);
    cx.out.percentages.push_back(std::move(p));
  }
}

}  // namespace nianbao::detail::facts_internal
