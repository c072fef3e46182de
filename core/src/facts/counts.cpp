// What each quantity counts. The topic words before the number in its clause segment (since
// the previous quantity or clause boundary), nearest first, are tried in turn; failing those, a
// topic right after the number (103件顺延到下年度). A candidate is refused when the words
// around say it is not a count of that topic: a change or a rate (较上年减少2件), an
// application count without 申请 / 信息公开 nearby or with 咨询 / 建议, a table-4 outcome
// without its group, a licensing count without a decision. The first candidate left gives
// the Fact; its verb (制发 / 废止 / 有效) and 含上年结转 are read from the same sentence.
#include <algorithm>

#include "facts_internal.hpp"

namespace nianbao::detail::facts_internal {

namespace {

// Where a quantity stands in the narrative.
struct Place {
  const Quantity& q;
  std::size_t next_nb;   // start of the next quantity, or kNo
  std::size_t seg;       // start of its segment (after the previous quantity or boundary)
  std::size_t sentence;  // start of its sentence
  std::size_t h0, h1;    // the hits in [seg, q.nb)
};

// Candidate topic words: before the number within the segment, nearest first (then longest).
std::vector<std::size_t> topics_before(const std::vector<Hit>& hits, const Place& p) {
  std::vector<std::size_t> cands;
  for (std::size_t h = p.h0; h < p.h1; ++h) {
    const Hit& x = hits[h];
    if (x.role() != Role::topic || x.e > p.q.nb || p.q.nb - x.e > 90) continue;
    cands.push_back(h);
  }
  std::sort(cands.begin(), cands.end(), [&](std::size_t x, std::size_t y) {
    if (hits[x].e != hits[y].e) return hits[x].e > hits[y].e;
    return hits[x].e - hits[x].b > hits[y].e - hits[y].b;
  });
  return cands;
}

// "1件涉及…的行政复议", "103件顺延到下年度": a topic (carried over, or a review / lawsuit group)
// right after the number, in its clause; kNo when none.
std::size_t topic_after(const std::string& t, const std::vector<Hit>& hits, const Place& p) {
  const Quantity& q = p.q;
  std::size_t limit = std::min(std::min(t.size(), q.ue + 60), p.next_nb);
  for (std::size_t k = q.ue; k < limit; ++k) {
    if (t[k] == ',' || is_boundary(t, k)) {
      limit = k;
      break;
    }
  }
  for (std::size_t h = lower_hit(hits, q.ue); h < hits.size() && hits[h].b < limit; ++h) {
    const Topic x = hits[h].topic();
    if (hits[h].role() != Role::topic || hits[h].e > limit) continue;
    if (x == Topic::app_carried_out || is_group(x)) {
      std::size_t best = h;  // the longest hit starting here (行政复议、行政诉讼)
      for (std::size_t g = h + 1; g < hits.size() && hits[g].b == hits[h].b; ++g) {
        if (hits[g].role() == Role::topic && hits[g].e > hits[best].e) best = g;
      }
      return best;
    }
  }
  return kNo;
}

// A more precise topic word than the candidate, when the text has one.
std::size_t refine_topic(const std::vector<Hit>& hits, const Place& p, std::size_t best) {
  // "同意公开答复9件": the result word right before 答复 decides.
  if (hits[best].topic() == Topic::app_concluded || hits[best].topic() == Topic::app_handled) {
    for (std::size_t h = p.h0; h < best; ++h) {
      if (hits[h].role() == Role::topic && is_result(hits[h].topic()) &&
          hits[h].e + 6 >= hits[best].b && hits[h].e <= hits[best].b) {
        best = h;
      }
    }
  }
  // "复议后起诉的行政诉讼": the specific group wins over the generic one.
  if (hits[best].topic() == Topic::lit) {
    for (std::size_t h = p.h0; h < p.h1; ++h) {
      const Topic x = hits[h].topic();
      if (hits[h].role() == Role::topic && (x == Topic::ld || x == Topic::lr)) best = h;
    }
  }
  return best;
}

// A change or a rate, not a count: 较上年减少2件, 纠错率为0, 同比增长3件.
bool change_or_rate(std::string_view gap) {
  bool delta = false;
  for (const char* w : {"较", "同比", "环比", "增加", "减少", "下降", "增长", "上升", "率", "比例",
                        "占比", "平均", "人次", "超过", "不超过"}) {
    delta = delta || contains(gap, w);
  }
  return delta;
}

// The sentence says the count includes the applications carried over (含上年结转), in the
// segment before the number or after it up to the sentence's end.
bool says_with_carried_in(const Ctx& cx, const Place& p) {
  const std::string& t = cx.n.text;
  const Quantity& q = p.q;
  std::size_t stop = std::min(std::min(t.size(), q.ue + 60), p.next_nb);
  for (std::size_t k = q.ue; k < stop; ++k) {
    if (is_sentence_end(t, k)) {
      stop = k;
      break;
    }
  }
  return has_role(cx.hits, Role::with_carried, q.ue, stop) ||
         has_role(cx.hits, Role::with_carried, p.seg, q.nb);
}

// The group a table-4 outcome (维持, 纠正 ...) belongs to: the nearest group word before it
// in the sentence (the longest one ending there); Topic::none when there is none.
Topic group_before(const std::vector<Hit>& hits, const Place& p, std::size_t best) {
  const Hit& kw = hits[best];
  for (std::size_t h = best; h-- > 0;) {
    if (hits[h].b < p.sentence || kw.b - hits[h].b > 300) break;
    if (hits[h].role() == Role::topic && is_group(hits[h].topic())) {
      Topic parent = hits[h].topic();
      std::size_t g = h;  // the longest hit ending at the same place
      while (g-- > 0 && hits[g].e == hits[h].e) {
        if (hits[g].role() == Role::topic && is_group(hits[g].topic())) {
          parent = hits[g].topic();
        }
      }
      return parent;
    }
  }
  return Topic::none;
}

// The last verb hit inside [lo, hi), or -1.
int verb_in(const std::vector<Hit>& hits, std::size_t lo, std::size_t hi) {
  int vb = -1;
  for (std::size_t h = lower_hit(hits, lo); h < hits.size() && hits[h].b < hi; ++h) {
    const Role r = hits[h].role();
    if (hits[h].e > hi) continue;
    if (r == Role::verb_strong || r == Role::verb_weak || r == Role::verb_repeal ||
        r == Role::verb_in_force) {
      vb = static_cast<int>(h);
    }
  }
  return vb;
}

// The column of a 规范性文件 / 规章 count: the verb nearest before the number in the
// segment, else in the sentence before the topic word.
void read_doc_verb(const std::vector<Hit>& hits, const Place& p, const Hit& kw, Fact& f) {
  int vb = verb_in(hits, p.seg, p.q.nb);
  if (vb < 0) vb = verb_in(hits, std::max(p.sentence, kw.b >= 150 ? kw.b - 150 : 0), kw.b);
  if (vb < 0) return;
  switch (hits[static_cast<std::size_t>(vb)].role()) {
    case Role::verb_strong:
      f.verb = DocVerb::made;
      f.strong_verb = true;
      break;
    case Role::verb_repeal:
      f.verb = DocVerb::repealed;
      f.strong_verb = true;
      break;
    case Role::verb_in_force:
      f.verb = DocVerb::in_force;
      f.strong_verb = true;
      break;
    default:
      break;
  }
}

// A licensing / penalty / coercion count is one of decisions (决定, 作出 … in the segment or
// just after the number), not of 事项.
bool counts_decisions(const Ctx& cx, const Place& p, std::size_t seg_hi) {
  const std::string& t = cx.n.text;
  const Quantity& q = p.q;
  const std::size_t stop = std::min(t.size(), q.ue + 15);
  if (!has_role(cx.hits, Role::decision, p.seg, seg_hi) &&
      !has_role(cx.hits, Role::decision, q.ue, stop)) {
    return false;
  }
  return !contains(std::string_view(t).substr(p.seg, q.nb - p.seg), "事项");
}

// The fact the quantity states with the topic word hits[best] (before the number, or after it
// when `right`); false when the words around rule it out.
bool fact_for(const Ctx& cx, const Place& p, std::size_t best, bool right, Fact* out) {
  const std::string& t = cx.n.text;
  const auto& hits = cx.hits;
  const Quantity& q = p.q;
  const Hit& kw = hits[best];
  Fact f;
  f.topic = kw.topic();
  f.value = q.value;
  f.unit = q.unit;
  f.offset = cx.orig(q.nb);
  f.section = cx.section(q.nb);
  if (!unit_ok(f.topic, f.unit)) return false;
  f.phrase = right ? cx.quote(q.nb, kw.e, false) : cx.quote(kw.b, q.ue, true);
  const std::size_t seg_hi = right ? std::max(kw.e, q.ue) : q.nb;
  if (!right && change_or_rate(std::string_view(t).substr(kw.e, q.nb - kw.e))) return false;
  if (is_app(f.topic)) {
    // About applications: 申请 / 信息公开 nearby in the sentence, and no 咨询, 建议 …
    const std::size_t ctx_lo = std::max(p.sentence, kw.b >= 90 ? kw.b - 90 : 0);
    if (!has_role(hits, Role::context, ctx_lo, q.nb) ||
        has_role(hits, Role::blocker, p.seg, q.nb)) {
      return false;
    }
  }
  if (is_app(f.topic) || f.topic == Topic::app_natural || f.topic == Topic::app_org) {
    f.with_carried_in = says_with_carried_in(cx, p);
  }
  if (is_t4_sub(f.topic)) {
    f.parent = group_before(hits, p, best);
    if (f.parent == Topic::none) return false;
  }
  if (f.topic == Topic::normative || f.topic == Topic::rules) read_doc_verb(hits, p, kw, f);
  figure_context(cx, p.seg, p.sentence, q.nb, &f);
  if (f.topic == Topic::licensing || f.topic == Topic::penalty || f.topic == Topic::coercion) {
    if (!counts_decisions(cx, p, seg_hi)) return false;
  }
  *out = std::move(f);
  return true;
}

}  // namespace

void numeric_facts(Ctx& cx, const std::vector<Quantity>& qs) {
  const std::string& t = cx.n.text;
  const auto& hits = cx.hits;
  std::size_t prev_end = 0;
  std::size_t last_boundary = 0, last_sentence = 0, scan = 0;
  for (std::size_t qi = 0; qi < qs.size(); ++qi) {
    const Quantity& q = qs[qi];
    while (scan < q.nb) {
      if (is_boundary(t, scan)) last_boundary = scan + 1;
      if (is_sentence_end(t, scan)) last_sentence = scan + 1;
      ++scan;
    }
    const std::size_t seg = std::max(prev_end, last_boundary);
    prev_end = q.ue;
    if (q.approx) continue;
    // "…等243件": an aggregate of several kinds.
    if (q.nb >= 3 && t.compare(q.nb - 3, 3, "等") == 0) continue;
    const Place p{q,
                  qi + 1 < qs.size() ? qs[qi + 1].nb : kNo,
                  seg,
                  last_sentence,
                  lower_hit(hits, seg),
                  lower_hit(hits, q.nb)};
    std::vector<std::size_t> cands = topics_before(hits, p);
    const bool right = cands.empty();
    if (right) {
      const std::size_t after = topic_after(t, hits, p);
      if (after == kNo) continue;
      cands.push_back(after);
    }
    for (std::size_t cand : cands) {
      Fact f;
      if (fact_for(cx, p, refine_topic(hits, p, cand), right, &f)) {
        cx.out.facts.push_back(std::move(f));
        break;
      }
    }
  }
}

}  // namespace nianbao::detail::facts_internal
