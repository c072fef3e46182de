// What the pieces of the facts stage share (facts.hpp is the stage's interface; nothing here
// is used outside core/src/facts/).
//
// The stage runs in this order (extract.cpp):
//   prose.cpp       the narrative: the report's prose as one whitespace-free text, and quoting
//                   from it
//   topics.cpp      the keyword table and the one pass finding every keyword (Hit)
//   quantities.cpp  numbers with a unit (digits or Chinese numerals)
//   counts.cpp      what each quantity counts: its topic word, verb, group (Fact)
//   context.cpp     whether a figure is about another stock, date, period or area
//   percentages.cpp percentages and what they are a share of (Percentage)
//   claims.cpp      zero statements (未发生行政复议) and outcome words (均维持, 未被纠错)
//   dates.cpp       years leading a sentence, the statistics period, the report's own date
//
// Offsets: "narrative" offsets index Narrative::text; Narrative::norm maps them to the
// normalised text, Document::orig on to the input as supplied.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "facts.hpp"

namespace nianbao::detail::facts_internal {

constexpr std::size_t kNo = static_cast<std::size_t>(-1);

// ----- small text helpers ---------------------------------------------------------------

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space_byte(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space_byte(s.back())) s.remove_suffix(1);
  return s;
}

inline bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

inline bool contains(std::string_view s, std::string_view p) { return contains_text(s, p); }

// s without whitespace.
std::string squeeze(std::string_view s);

// "。" is E3 80 82.
inline bool is_full_stop(std::string_view t, std::size_t i) {
  return static_cast<unsigned char>(t[i]) == 0xE3 && i + 2 < t.size() &&
         static_cast<unsigned char>(t[i + 1]) == 0x80 &&
         static_cast<unsigned char>(t[i + 2]) == 0x82;
}

// The end of a clause (a line break, ; ! ? or 。).
inline bool is_boundary(std::string_view t, std::size_t i) {
  const char c = t[i];
  return c == '\n' || c == ';' || c == '!' || c == '?' || is_full_stop(t, i);
}

// The end of a sentence (a line break, ! ? or 。).
inline bool is_sentence_end(std::string_view t, std::size_t i) {
  const char c = t[i];
  return c == '\n' || c == '!' || c == '?' || is_full_stop(t, i);
}

// Previous code point start.
inline std::size_t prev_cp_start(std::string_view t, std::size_t i) {
  if (i == 0) return 0;
  std::size_t k = i - 1;
  while (k > 0 && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
  return k;
}

// Strips any of `fillers` from the front of `gap` repeatedly; true when nothing is left.
bool only_fillers(std::string_view gap, std::initializer_list<const char*> fillers);

// ----- the narrative text (prose.cpp) -----------------------------------------------------

// Prose of the report without whitespace; '\n' marks a hard break (a heading, a table).
struct Narrative {
  std::string text;
  std::vector<std::uint32_t> norm;  // normalised offset of every byte
  // A hard break at normalised offset `at` (none at the start or after another break).
  void brk(std::size_t at);
  // Appends the non-space bytes of t[a, b).
  void append_compact(std::string_view t, std::size_t a, std::size_t b);
};

Narrative build_narrative(const Document& doc);

// The statutory section holding normalised offset norm_off, 0 for none.
int section_at(const Document& doc, std::size_t norm_off);

// The original text behind narrative bytes [b, e) for quoting (whitespace dropped): at
// most `max_cp` code points, keeping the end (keep_end) or the start.
std::string quote_text(const Document& doc, const Narrative& n, std::size_t b, std::size_t e,
                       bool keep_end, std::size_t max_cp);

// ----- keywords (topics.cpp) ------------------------------------------------------------

enum class Role : std::uint8_t {
  topic,
  verb_strong,  // 制发 / 出台 / 印发 / 制定
  verb_weak,    // 发布 / 公开 / 新增
  verb_repeal,
  verb_in_force,
  decision,      // 决定 / 作出 … (table 2 licensing etc.)
  context,       // 申请 / 信息公开
  blocker,       // 咨询 / 建议 / 提案 …: not an application count
  with_carried,  // 含上年
  negation,
  upheld_all,  // 均维持
  adverse,     // 纠错 / 败诉 / 纠正 (an outcome word that can be negated)
  fee_any,     // 收费 / 费用
  fee_verb,    // 发出 / 开具 (a notice)
};

struct Kw {
  const char* s;
  Role role;
  Topic topic;
};

// Every keyword, in table order (a topic word's Role is Role::topic).
extern const Kw kKeywords[];

// One keyword found at narrative bytes [b, e).
struct Hit {
  std::size_t b, e;
  int kw;
  Role role() const { return kKeywords[kw].role; }
  Topic topic() const { return kKeywords[kw].topic; }
};

// Every keyword occurrence in `text`, by start (several may start at one place).
std::vector<Hit> find_hits(const std::string& text);

// First index of hits with b >= pos.
inline std::size_t lower_hit(const std::vector<Hit>& hits, std::size_t pos) {
  return static_cast<std::size_t>(
      std::lower_bound(hits.begin(), hits.end(), pos,
                       [](const Hit& h, std::size_t p) { return h.b < p; }) -
      hits.begin());
}

// A hit of role r lying inside [lo, hi).
inline bool has_role(const std::vector<Hit>& hits, Role r, std::size_t lo, std::size_t hi) {
  for (std::size_t h = lower_hit(hits, lo); h < hits.size() && hits[h].b < hi; ++h) {
    if (hits[h].role() == r && hits[h].e <= hi) return true;
  }
  return false;
}

// Kinds of topic.
inline bool is_app(Topic t) {
  return t == Topic::app_new || t == Topic::app_handled || t == Topic::app_concluded;
}
inline bool is_result(Topic t) {
  return t == Topic::res_granted || t == Topic::res_partial || t == Topic::res_granted_partial ||
         t == Topic::res_withheld || t == Topic::res_unavailable || t == Topic::res_declined ||
         t == Topic::res_other;
}
inline bool is_group(Topic t) {
  return t == Topic::rv || t == Topic::lit || t == Topic::ld || t == Topic::lr ||
         t == Topic::rv_lit;
}
inline bool is_t4_sub(Topic t) {
  return t == Topic::t4_upheld || t == Topic::t4_corrected || t == Topic::t4_other ||
         t == Topic::t4_pending;
}

// ----- quantities (quantities.cpp) --------------------------------------------------------

struct Quantity {
  std::size_t nb, ne, ue;  // number begin/end, unit end (narrative offsets)
  double value;
  std::string unit;
  bool approx;
};

// Every number with a unit (or a closing "为0") in the narrative, in order.
std::vector<Quantity> find_quantities(const std::string& t, const std::vector<Hit>& hits);

// Whether a topic is counted in `unit` (元 for fees, 件 for applications ...).
bool unit_ok(Topic tp, const std::string& unit);

// ----- the passes ---------------------------------------------------------------------------

// What every pass reads, and where it writes.
struct Ctx {
  const Document& doc;
  const Narrative& n;
  const std::vector<Hit>& hits;
  Facts& out;
  std::size_t orig(std::size_t narr) const { return doc.orig(n.norm[narr]); }
  int section(std::size_t narr) const { return section_at(doc, n.norm[narr]); }
  std::string quote(std::size_t b, std::size_t e, bool keep_end, std::size_t max_cp = 40) const {
    return quote_text(doc, n, b, e, keep_end, max_cp);
  }
};

void numeric_facts(Ctx& cx, const std::vector<Quantity>& qs);  // counts.cpp
// The context of the figure at narrative [nb, ...) whose clause starts at `seg` and sentence at
// `sentence` (context.cpp): sets f->context, f->context_word and f->area_wide.
void figure_context(const Ctx& cx, std::size_t seg, std::size_t sentence, std::size_t nb, Fact* f);
void percentages(Ctx& cx, const std::vector<Quantity>& qs);  // percentages.cpp
void zero_claims(Ctx& cx);                                   // claims.cpp
void outcome_claims(Ctx& cx);                                // claims.cpp
void year_leads(Ctx& cx);                                    // dates.cpp
void periods(const Document& doc, Facts& out);               // dates.cpp
void doc_dates(const Document& doc, Facts& out);             // dates.cpp

}  // namespace nianbao::detail::facts_internal
