// Repeated text: the sentences of this year's prose that stand word for word in last year's.
//
// The prose is the narrative the facts stage reads (facts/prose.cpp: sections 一–六 without
// table rows, headings and page numbers, whitespace removed, full-width forms folded), cut into
// sentences at 。！？； and at hard breaks. Sentences shorter than 15 characters, sentences
// inside a table's span (crawled pages print tables inline), sentences holding the form's
// table headings, and runs of words without a comma cut off by a table row in sections 二–四
// (row labels) are left out. Last year's sentences
// go into a hash table once; each of this year's is one look-up: linear in the two texts.
#include <algorithm>
#include <unordered_map>

#include "facts/facts_internal.hpp"
#include "rules/cross/cross.hpp"

namespace nianbao::detail {

namespace {

using facts_internal::Narrative;

constexpr std::size_t kMinChars = 15;

struct Sentence {
  std::string_view text;  // narrative bytes, without the terminator
  std::size_t b = 0;      // narrative offset
  std::size_t chars = 0;  // code points
  int section = 0;
};

// Original offsets spanned by each table's located cells.
struct Spans {
  std::size_t lo[3] = {kNoOffset, kNoOffset, kNoOffset}, hi[3] = {0, 0, 0};
  explicit Spans(const Tables& t) {
    for (const auto& [id, c] : t.cells) {
      if (!c.located()) continue;
      const auto k = static_cast<std::size_t>(table_of(*find_cell(id)) - 2);
      lo[k] = std::min(lo[k], c.offset);
      hi[k] = std::max(hi[k], c.offset);
    }
  }
  bool overlaps(std::size_t b, std::size_t e) const {
    for (std::size_t k = 0; k < 3; ++k) {
      if (lo[k] != kNoOffset && e >= lo[k] && b <= hi[k]) return true;
    }
    return false;
  }
};

// The form's own words (table headings and notes): the same in every report, not reuse. A
// sentence holding one is part of a table that the spans above did not cover (headings before
// the first number, PDF layouts).
bool template_text(std::string_view s) {
  for (const char* w : {"第二十条第", "本年制发件数", "本年处理决定数量", "本年收费金额",
                        "申请人情况", "勾稽关系", "结果维持", "尚未审结", "未经复议直接起诉",
                        "商业企业", "法律服务机构", "本年新收政府信息公开申请数量"}) {
    if (contains_text(s, w)) return true;
  }
  return false;
}

bool terminator_at(std::string_view t, std::size_t i, std::size_t* len) {
  const char c = t[i];
  if (c == '\n' || c == '!' || c == '?' || c == ';') {
    *len = 1;
    return true;
  }
  for (const char* s : {"。", "！", "？", "；"}) {
    if (t.compare(i, 3, s) == 0) {
      *len = 3;
      return true;
    }
  }
  return false;
}

std::vector<Sentence> sentences(const Document& doc, const Narrative& n) {
  std::vector<Sentence> out;
  const Spans spans(doc.tables);
  const std::string_view t = n.text;
  std::size_t start = 0, i = 0;
  while (i <= t.size()) {
    std::size_t len = 0;
    const bool end = i == t.size() || terminator_at(t, i, &len);
    if (!end) {
      ++i;
      continue;
    }
    if (i > start) {
      Sentence s{t.substr(start, i - start), start, cp_count(t.substr(start, i - start)), 0};
      const std::size_t ob = doc.orig(n.norm[start]), oe = doc.orig(n.norm[i - 1]);
      s.section = facts_internal::section_at(doc, n.norm[start]);
      // In the tables' sections, a run of words with no comma ended by a table row is labels.
      const bool labels = s.section >= 2 && s.section <= 4 && (i == t.size() || t[i] == '\n') &&
                          !contains_text(s.text, ",");
      if (s.chars >= kMinChars && !labels && !spans.overlaps(ob, oe) && !template_text(s.text)) {
        out.push_back(s);
      }
    }
    i += std::max<std::size_t>(len, 1);
    start = i;
  }
  return out;
}

bool names_problem(std::string_view s) {
  for (const char* w : {"问题", "不足", "短板", "差距", "有待", "仍需", "薄弱", "不够", "欠缺",
                        "不到位", "不平衡", "滞后"}) {
    if (contains_text(s, w)) return true;
  }
  return false;
}

struct Read {
  Narrative n;
  std::vector<Sentence> s;
  explicit Read(const Document& doc) : n(facts_internal::build_narrative(doc)) {
    s = sentences(doc, n);
  }
  std::size_t orig(const Document& doc, std::size_t k) const { return doc.orig(n.norm[s[k].b]); }
};

void count(ReuseDetail& d, const Sentence& s, bool repeated) {
  TextReuse& r = d.reuse;
  ++r.sentences;
  r.repeated += repeated ? 1 : 0;
  if (r.sections.empty() || r.sections.back().section != s.section) {
    r.sections.push_back({s.section, 0, 0});
  }
  ++r.sections.back().sentences;
  r.sections.back().repeated += repeated ? 1 : 0;
}

// Per-section counts in section order (sentences of one section may not be contiguous).
void merge_sections(TextReuse& r) {
  std::stable_sort(r.sections.begin(), r.sections.end(),
                   [](const ReuseCount& a, const ReuseCount& b) { return a.section < b.section; });
  std::vector<ReuseCount> merged;
  for (const auto& c : r.sections) {
    if (!merged.empty() && merged.back().section == c.section) {
      merged.back().sentences += c.sentences;
      merged.back().repeated += c.repeated;
    } else {
      merged.push_back(c);
    }
  }
  r.sections = std::move(merged);
}

struct Run {
  std::size_t first = 0, last = 0, prev_first = 0;
  int chars = 0;
};

}  // namespace

ReuseDetail measure_reuse(const Document& doc, const Document& previous) {
  const Read cur(doc), prev(previous);
  std::unordered_map<std::string_view, std::size_t> seen;
  seen.reserve(prev.s.size() * 2);
  for (std::size_t k = 0; k < prev.s.size(); ++k) seen.emplace(prev.s[k].text, k);
  ReuseDetail d;
  std::vector<Run> runs;
  std::size_t last_prev = kNoOffset;  // previous-report index of the sentence before, if repeated
  for (std::size_t k = 0; k < cur.s.size(); ++k) {
    const Sentence& s = cur.s[k];
    const auto it = seen.find(s.text);
    const bool repeated = it != seen.end();
    count(d, s, repeated);
    if (s.section == 5 && names_problem(s.text)) {
      ++d.problems;
      if (repeated && d.problems_repeated++ == 0) {
        d.problem_at = cur.orig(doc, k);
        d.problem_previous_at = prev.orig(previous, it->second);
      }
    }
    if (!repeated) {
      last_prev = kNoOffset;
      continue;
    }
    if (last_prev == kNoOffset || it->second != last_prev + 1)
      runs.push_back({k, k, it->second, 0});
    runs.back().last = k;
    runs.back().chars += static_cast<int>(s.chars);
    last_prev = it->second;
  }
  merge_sections(d.reuse);
  std::stable_sort(runs.begin(), runs.end(),
                   [](const Run& a, const Run& b) { return a.chars > b.chars; });
  if (runs.size() > 3) runs.resize(3);
  for (const Run& r : runs) {
    ReusedPassage p;
    std::tie(p.line, p.column) = doc.source.position(cur.orig(doc, r.first));
    std::tie(p.previous_line, p.previous_column) =
        previous.source.position(prev.orig(previous, r.prev_first));
    p.sentences = static_cast<int>(r.last - r.first + 1);
    p.chars = r.chars;
    const Sentence& last = cur.s[r.last];
    p.text = facts_internal::quote_text(doc, cur.n, cur.s[r.first].b, last.b + last.text.size(),
                                        false, 40);
    d.reuse.passages.push_back(std::move(p));
  }
  if (!runs.empty()) {
    d.passage_at = cur.orig(doc, runs.front().first);
    d.passage_previous_at = prev.orig(previous, runs.front().prev_first);
  }
  return d;
}

}  // namespace nianbao::detail
