// Claims without a number. Zero statements: a negation (未 / 无 / 没有 / 零), only filler words,
// then what did not happen (未发生行政复议, 未收到政府信息公开申请, 未发出收费通知,
// 未收取信息处理费). Outcome claims: 均维持 (every case upheld) and a negated adverse word
// (未被纠错, 无败诉), with the review / lawsuit groups the sentence speaks of.
#include <algorithm>

#include "facts_internal.hpp"

namespace nianbao::detail::facts_internal {

namespace {

// The end of the clause after a negation ending at `from`: at most 75 bytes, up to a comma,
// a boundary or a digit.
std::size_t clause_end(const std::string& t, std::size_t from) {
  std::size_t limit = std::min(t.size(), from + 75);
  for (std::size_t k = from; k < limit; ++k) {
    if (t[k] == ',' || is_boundary(t, k) || is_digit(t[k])) return k;
  }
  return limit;
}

// What a negation hits[i] may deny, in order: groups, fee words and 申请 / 信息公开 inside
// [hits[i].e, limit), the longest hit at each place.
std::vector<std::size_t> zero_targets(const std::vector<Hit>& hits, std::size_t i,
                                      std::size_t limit) {
  const Hit& ng = hits[i];
  std::vector<std::size_t> cands;
  for (std::size_t h = i + 1; h < hits.size() && hits[h].b < limit; ++h) {
    if (hits[h].b < ng.e || hits[h].e > limit) continue;
    const Role r = hits[h].role();
    const Topic tp = hits[h].topic();
    const bool wanted = (r == Role::topic &&
                         (is_group(tp) || tp == Topic::fee_notices || tp == Topic::fee_amount)) ||
                        r == Role::context || r == Role::fee_any;
    if (!wanted) continue;
    if (!cands.empty() && hits[cands.back()].b == hits[h].b) {
      if (hits[h].e > hits[cands.back()].e) cands.back() = h;
      continue;
    }
    cands.push_back(h);
  }
  return cands;
}

// 未发生行政复议 / 未被提起行政诉讼; `rest` is the clause after the group word, where an
// outcome word (未被纠错) makes it an outcome claim instead.
bool denies_group(std::string_view gap, std::string_view rest) {
  bool ok = only_fillers(
      gap, {"发生", "出现", "有",   "因",     "政府信息公开", "信息公开", "依申请公开", "申请",
            "工作", "被",   "提起", "提出",   "的",           "涉及",     "相关",       "任何",
            "引起", "引发", "而",   "被申请", "申请人",       "收到",     "接到"});
  for (const char* w : {"纠错", "败诉", "纠正", "维持", "撤销"}) {
    if (contains(rest, w) || contains(gap, w)) ok = false;
  }
  return ok;
}

// The kind of zero statement "negation, gap, target tg" makes; false when it makes none.
// `rest` is the clause after the target.
bool zero_kind(const std::string& t, const Hit& tg, std::string_view gap, std::string_view rest,
               ZeroKind* kind) {
  const Topic tp = tg.topic();
  if (tg.role() == Role::topic && is_group(tp)) {
    *kind = tp == Topic::lit || tp == Topic::ld || tp == Topic::lr ? ZeroKind::litigation
                                                                   : ZeroKind::review;
    return denies_group(gap, rest);
  }
  if (tg.role() == Role::context && t.compare(tg.b, 6, "申请") == 0) {
    const bool person = t.compare(tg.e, 3, "人") == 0 || t.compare(tg.e, 3, "书") == 0 ||
                        t.compare(tg.e, 3, "表") == 0;
    *kind = ZeroKind::applications;
    return !person && only_fillers(gap, {"收到", "受理", "接到", "接收", "任何", "政府信息公开",
                                         "依申请公开", "信息公开", "的", "相关", "提出", "有"});
  }
  if (tp == Topic::fee_notices && tg.role() == Role::topic) {
    bool verb = false;
    for (const char* v : {"发出", "开具", "发放", "送达", "出具"}) verb = verb || contains(gap, v);
    *kind = ZeroKind::fee_notice;
    return verb && only_fillers(gap, {"发出", "开具", "发放", "送达", "出具", "向申请人", "任何",
                                      "的", "过", "有"});
  }
  if (tg.role() == Role::fee_any || tp == Topic::fee_amount) {
    if (contains(gap, "收取") || contains(gap, "收")) {
      *kind = ZeroKind::fee_collection;
      return only_fillers(gap, {"向申请人", "收取", "任何", "政府信息公开", "信息公开", "相关",
                                "的", "均", "过", "有"});
    }
    if (t.compare(tg.b, 6, "收费") == 0 && t.compare(tg.b, 12, "收费通知") != 0) {
      *kind = ZeroKind::fee_notice;
      return only_fillers(gap, {"发生", "出现", "政府信息公开", "信息公开", "依申请公开", "相关",
                                "任何", "的", "有"});
    }
  }
  return false;
}

// The negation of an adverse word at w.b (未被…纠错, 无败诉, 零纠错): within 90 bytes before
// it, in its clause (from `sentence`). Returns where the negation starts, or kNo.
std::size_t negation_before(const std::string& t, const Hit& w, std::size_t sentence) {
  const std::size_t lo = std::max(sentence, w.b >= 90 ? w.b - 90 : 0);
  for (std::size_t k = w.b; k-- > lo;) {
    if (t[k] == ',') break;
    // 未 / 无 / 没 start with E6, 零 with E9.
    const unsigned char lead = static_cast<unsigned char>(t[k]);
    if (lead != 0xE6 && lead != 0xE9) continue;
    if (t.compare(k, 3, "未") == 0 && t.compare(k + 3, 3, "经") != 0 &&
        !(k >= 3 && t.compare(k - 3, 3, "尚") == 0)) {
      return k;
    }
    if (t.compare(k, 3, "无") == 0 || t.compare(k, 6, "没有") == 0 || t.compare(k, 3, "零") == 0) {
      return k;
    }
  }
  return kNo;
}

// Marks the groups of every group word from the sentence start up to hits[i] (within 300
// bytes); false when there is none.
bool mark_groups(const std::vector<Hit>& hits, std::size_t sentence, std::size_t i,
                 OutcomeClaim& oc) {
  bool any = false;
  for (std::size_t h = lower_hit(hits, sentence); h < i; ++h) {
    if (hits[h].role() != Role::topic || !is_group(hits[h].topic())) continue;
    if (hits[i].b - hits[h].b > 300) continue;
    any = true;
    switch (hits[h].topic()) {
      case Topic::rv:
        oc.review = true;
        break;
      case Topic::lit:
        oc.direct = oc.after_review = true;
        break;
      case Topic::ld:
        oc.direct = true;
        break;
      case Topic::lr:
        oc.after_review = true;
        break;
      default:
        oc.review = oc.direct = oc.after_review = true;
    }
  }
  return any;
}

}  // namespace

// Zero statements: a negation, only filler words, then a topic.
void zero_claims(Ctx& cx) {
  const std::string& t = cx.n.text;
  const auto& hits = cx.hits;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const Hit& ng = hits[i];
    if (ng.role() != Role::negation) continue;
    // 未经 / 尚未 are not negations of an event.
    if (t.compare(ng.e, 3, "经") == 0) continue;
    if (ng.b >= 3 && t.compare(ng.b - 3, 3, "尚") == 0) continue;
    // The first topic / fee word after it, within 75 bytes and the clause.
    const std::size_t limit = clause_end(t, ng.e);
    for (std::size_t tgi : zero_targets(hits, i, limit)) {
      const Hit& tg = hits[tgi];
      const std::string_view gap = std::string_view(t).substr(ng.e, tg.b - ng.e);
      const std::string_view rest = std::string_view(t).substr(tg.e, limit - tg.e);
      ZeroClaim z;
      if (!zero_kind(t, tg, gap, rest, &z.kind)) continue;
      z.offset = cx.orig(ng.b);
      z.section = cx.section(ng.b);
      z.phrase = cx.quote(ng.b, tg.e, false);
      cx.out.zeros.push_back(z);
      // 未发生行政复议、行政诉讼: both.
      if (tg.role() == Role::topic && tg.topic() == Topic::rv_lit) {
        z.kind = ZeroKind::litigation;
        cx.out.zeros.push_back(z);
      }
      break;
    }
  }
}

void outcome_claims(Ctx& cx) {
  const std::string& t = cx.n.text;
  const auto& hits = cx.hits;
  std::size_t last_sentence = 0, scan = 0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const Hit& w = hits[i];
    if (w.role() != Role::upheld_all && w.role() != Role::adverse) continue;
    while (scan < w.b) {
      if (is_sentence_end(t, scan) || t[scan] == ';') last_sentence = scan + 1;
      ++scan;
    }
    OutcomeClaim oc;
    oc.offset = cx.orig(w.b);
    std::size_t from = w.b;
    if (w.role() == Role::adverse) {
      from = negation_before(t, w, last_sentence);
      if (from == kNo) continue;
      // "纠正" as in 及时纠正 / 整改纠正 is not an outcome; require a group word nearby
      // or the words 纠错 / 败诉.
      oc.kind = OutcomeKind::no_correction;
    } else {
      oc.kind = OutcomeKind::all_upheld;
    }
    // The groups: every group word from the sentence start up to the outcome word.
    const bool any = mark_groups(hits, last_sentence, i, oc);
    const bool lost_suit = t.compare(w.b, 6, "败诉") == 0;
    if (lost_suit) {
      oc.review = false;
      oc.direct = oc.after_review = true;
    } else if (!any) {
      continue;  // 纠正 / 维持 with no review or lawsuit in sight
    }
    oc.phrase = cx.quote(from, w.e, false);
    cx.out.outcomes.push_back(oc);
  }
}

}  // namespace nianbao::detail::facts_internal
