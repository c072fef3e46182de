// Labels: where a table lives, where its row labels are, and which values each label
// collects. Labels are matched on the region's text without whitespace and without its
// values, so a label broken by a line break, a space or a row of numbers printed inside it
// (pdftotext -layout) still reads as one. Walking labels and values in input order, each row
// label collects the values that follow it up to the next label.
#include <algorithm>
#include <cstring>
#include <utility>

#include "tables/tables_internal.hpp"

namespace nianbao::detail::tables {

Region region_for(const Document& doc, int section, std::initializer_list<const char*> anchors,
                  std::size_t after, std::initializer_list<const char*> stops) {
  if (const SectionInfo* s = doc.outline.section(section)) return {s->norm_body, s->norm_end};
  const Compact& f = doc.flat;
  const auto from = static_cast<std::size_t>(
      std::lower_bound(f.pos.begin(), f.pos.end() - 1, static_cast<std::uint32_t>(after)) -
      f.pos.begin());
  std::size_t best = std::string::npos;
  for (const char* a : anchors) {
    const std::size_t at = find_text(f.text, a, from);
    if (at != std::string::npos) best = std::min(best, at);
  }
  if (best == std::string::npos) return {};
  std::size_t nb = f.pos[best];
  const std::size_t line_start = doc.norm.text.rfind('\n', nb);
  nb = line_start == std::string::npos ? 0 : line_start + 1;
  std::size_t ne = doc.norm.text.size();
  for (const auto& s : doc.outline.sections) {
    if (s.norm_begin > nb) {
      ne = s.norm_begin;
      break;
    }
  }
  for (const char* stop : stops) {
    const std::size_t at = find_text(f.text, stop, best);
    if (at == std::string::npos || f.pos[at] >= ne) continue;
    const std::size_t line_start = doc.norm.text.rfind('\n', f.pos[at]);
    if (line_start != std::string::npos && line_start + 1 > nb) ne = line_start + 1;
  }
  return {nb, ne};
}

Compact label_text(const Document& doc, Region region, const std::vector<Token>& toks) {
  Compact c;
  std::size_t ti = 0;
  for (std::size_t k = region.nb; k < region.ne; ++k) {
    while (ti < toks.size() && toks[ti].ne <= k) ++ti;
    if (ti < toks.size() && toks[ti].kind != TokKind::blank && k >= toks[ti].nb &&
        k < toks[ti].ne) {
      continue;
    }
    const char ch = doc.norm.text[k];
    if (is_space_byte(ch)) continue;
    c.text.push_back(ch);
    c.pos.push_back(static_cast<std::uint32_t>(k));
  }
  c.pos.push_back(static_cast<std::uint32_t>(region.ne));
  return c;
}

void sort_labels(std::vector<Match>& labels) {
  std::sort(labels.begin(), labels.end(),
            [](const Match& a, const Match& b) { return a.nb < b.nb; });
}

std::vector<Match> find_labels(const Compact& f, const std::vector<LabelDef>& defs) {
  std::vector<Match> out;
  const std::string_view region(f.text);
  for (const auto& d : defs) {
    std::vector<std::pair<std::size_t, std::size_t>> hits;
    for (const char* key : d.keys) {
      const std::size_t kl = std::strlen(key);
      std::size_t at = find_text(region, key);
      while (at != std::string_view::npos) {
        hits.emplace_back(at, at + kl);
        at = find_text(region, key, at + kl);
      }
    }
    std::sort(hits.begin(), hits.end());
    // Overlapping or adjacent hits of alternative keys ("其他法律行政法规禁止公开" holds two
    // keys) are one label.
    std::size_t last_end = 0;
    bool have = false;
    for (const auto& h : hits) {
      if (have && (h.first < last_end || (d.row >= 0 && h.first < last_end + 12))) {
        if (h.second > last_end) {
          out.back().ne = f.pos[h.second - 1] + 1;
          last_end = h.second;
        }
        continue;
      }
      out.push_back({d.row, f.pos[h.first], f.pos[h.second - 1] + 1});
      last_end = h.second;
      have = true;
    }
  }
  sort_labels(out);
  return out;
}

std::vector<RowValues> collect(const std::vector<Match>& labels, const std::vector<Token>& toks,
                               std::size_t region_end) {
  std::vector<RowValues> rows(labels.size());
  for (std::size_t li = 0; li < labels.size(); ++li) {
    rows[li].ne = labels[li].ne;
    rows[li].next = li + 1 < labels.size() ? labels[li + 1].nb : region_end;
    rows[li].next_is_row = li + 1 < labels.size() && labels[li + 1].row >= 0;
  }
  std::vector<Token> orphans;
  std::size_t ti = 0;
  int current = -1;
  for (std::size_t li = 0; li <= labels.size(); ++li) {
    const std::size_t limit = li < labels.size() ? labels[li].nb : kNone;
    while (ti < toks.size() && toks[ti].nb < limit) {
      if (current >= 0) {
        rows[static_cast<std::size_t>(current)].after.push_back(toks[ti]);
      } else {
        orphans.push_back(toks[ti]);
      }
      ++ti;
    }
    if (li < labels.size()) {
      rows[li].nb = labels[li].nb;
      rows[li].before = orphans;
      orphans.clear();
      current = static_cast<int>(li);
      // A delimiter ends the current row; its own values become orphans.
      if (labels[li].row == kDelimiter) current = -1;
    }
  }
  return rows;
}

bool Scan::any_row() const {
  for (const auto& m : labels) {
    if (m.row >= 0) return true;
  }
  return false;
}

Scan scan_region(const Document& doc, Region region, const std::vector<LabelDef>& defs,
                 Compact* text) {
  Scan s;
  s.region = region;
  s.toks = tokenize(doc, region.nb, region.ne);
  Compact lt = label_text(doc, region, s.toks);
  s.labels = find_labels(lt, defs);
  if (text) *text = std::move(lt);
  return s;
}

const RowValues* best_match(const Scan& s, int row, std::size_t want) {
  const RowValues* best = nullptr;
  for (std::size_t k = 0; k < s.labels.size(); ++k) {
    if (s.labels[k].row != row) continue;
    const RowValues* r = &s.vals[k];
    if (!best) {
      best = r;
      continue;
    }
    const bool fits = r->after.size() == want;
    const bool best_fits = best->after.size() == want;
    if (fits && !best_fits) best = r;
  }
  return best;
}

}  // namespace nianbao::detail::tables
