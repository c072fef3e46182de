// Table 2 (主动公开政府信息情况): four blocks, six rows, ten cells. Rows are found by their
// labels; a row's numbers follow its label, or in pdftotext without -layout may stand before
// it or after the block's column header. Table 2 has no arithmetic, so digits that ran
// together are cut only when a single cut exists.
#include <array>
#include <cstdlib>
#include <cstring>

#include "tables/tables_internal.hpp"

namespace nianbao::detail::tables {

namespace {

const std::vector<LabelDef>& t2_labels() {
  static const std::vector<LabelDef> defs = {
      {0, {"规章"}},
      {1, {"规范性文件"}},
      {2, {"行政许可"}},
      {3, {"行政处罚"}},
      {4, {"行政强制"}},
      {5, {"事业性收费"}},
      {kDelimiter, {"第二十条", "信息内容", "本年制发件数", "本年处理决定数量", "本年收费金额"}},
  };
  return defs;
}

// A 2019-format table 2 has other columns: its cells are not those of cells.md.
bool old_format_inside(const Document& doc, Region r) {
  for (const auto& m : doc.outline.old_markers) {
    const std::size_t o = m.second;
    if (o >= doc.orig(r.nb) && o < doc.orig(r.ne)) return true;
  }
  return false;
}

// The values of a row: those after its label; else (pdftotext without -layout) as many
// standing right before it, or after the block's column header that follows it.
std::vector<Token> row_values(const Scan& s, const RowValues& rv, std::size_t want) {
  if (!rv.after.empty()) return rv.after;
  if (rv.before.size() == want) return rv.before;
  std::vector<Token> later;
  std::size_t i = static_cast<std::size_t>(&rv - s.vals.data()) + 1;
  for (; i < s.labels.size() && s.labels[i].row < 0; ++i) {
    later.insert(later.end(), s.vals[i].before.begin(), s.vals[i].before.end());
  }
  if (later.size() == want) return later;
  return {};
}

// Numbers the narrative (outside table 2's region) states for a table-2 row:
// "本年度制发的规范性文件88件", "现行有效行政规范性文件698件", "废止…规章3件".
// Returns made, repealed, in force; -1 where the text says nothing or says it twice
// differently.
std::array<double, 3> narrative_t2(const Document& doc, const char* key, Region r) {
  std::array<double, 3> out = {-1, -1, -1};
  std::array<bool, 3> clash = {false, false, false};
  const std::string& f = doc.flat.text;
  const std::size_t kl = std::strlen(key);
  for (std::size_t at = find_text(f, key); at != std::string::npos;
       at = find_text(f, key, at + kl)) {
    const std::size_t norm_at = doc.flat.pos[at];
    if (norm_at >= r.nb && norm_at < r.ne) continue;
    std::size_t k = at + kl;
    std::string digits;
    while (k < f.size() && is_digit(f[k]) && digits.size() < 9) digits.push_back(f[k++]);
    if (digits.empty() || f.compare(k, 3, "件") != 0) continue;
    const std::string_view before =
        std::string_view(f).substr(at >= 36 ? at - 36 : 0, at >= 36 ? 36 : at);
    int col = -1;
    if (before.find("现行有效") != std::string_view::npos) {
      col = 2;
    } else if (before.find("废止") != std::string_view::npos) {
      col = 1;
    } else if (before.find("制发") != std::string_view::npos ||
               before.find("印发") != std::string_view::npos ||
               before.find("出台") != std::string_view::npos) {
      col = 0;
    }
    if (col < 0) continue;
    const double v = std::strtod(digits.c_str(), nullptr);
    const auto c = static_cast<std::size_t>(col);
    if (out[c] >= 0 && out[c] != v) clash[c] = true;
    out[c] = v;
  }
  for (std::size_t c = 0; c < 3; ++c) {
    if (clash[c]) out[c] = -1;
  }
  return out;
}

bool any_cut(const Split&) { return true; }

// A row whose numbers ran together: cut when only one cut exists (or the narrative's
// numbers leave one). Returns false when the row shows no run-together digits.
bool read_run(Document& doc, Tables& t, std::size_t r, const RowSpec& spec, const RowValues& rv,
              Region region) {
  RunRow run{spec, gap_digits(doc, rv)};
  if (run.segs.empty()) return false;
  const bool done = cut_run(doc, run, any_cut, 64);
  // Table 2 has no arithmetic: the narrative may state the same numbers.
  std::string attested;
  if (done && run.cands.size() > 1 && spec.cells.size() == 3) {
    const auto said = narrative_t2(doc, r == 0 ? "规章" : "规范性文件", region);
    // Each stated number is applied on its own; one that fits no cut (the text may speak
    // of another count) is ignored rather than trusted.
    for (std::size_t k = 0; k < 3; ++k) {
      if (said[k] < 0) continue;
      std::vector<Split> keep;
      for (const auto& c : run.cands) {
        if (c[k].value == said[k]) keep.push_back(c);
      }
      if (!keep.empty() && keep.size() < run.cands.size()) {
        run.cands = keep;
        attested = "，并与正文所述数字印证";
      }
    }
  }
  if (done && run.cands.size() == 1) {
    fill_cut(doc, t, spec, run.cands[0], kRunNote + attested);
  } else {
    run_issue(doc, t, run, "表二没有可用于拆分的算术关系");
    settle_agreeing(doc, t, run);
  }
  return true;
}

}  // namespace

void read_t2(Document& doc, Tables& t) {
  const Region region = region_for(doc, 2, {"第二十条第(一)项", "本年制发件数"}, 0);
  if (!region.found() || old_format_inside(doc, region)) return;
  Scan s = scan_region(doc, region, t2_labels());
  if (!s.any_row()) return;
  t.t2_found = true;
  s.vals = collect(s.labels, s.toks, region.ne);
  for (std::size_t r = 0; r < kT2Rows.size(); ++r) {
    const RowSpec spec = t2_row(r);
    const std::size_t n = spec.cells.size();
    const RowValues* rv = best_match(s, static_cast<int>(r), n);
    if (!rv) {
      missing_row(t, spec);
      continue;
    }
    const std::vector<Token> use = row_values(s, *rv, n);
    if (use.size() != n && read_run(doc, t, r, spec, *rv, region)) continue;
    assign_row(doc, t, spec, use, rv->nb);
  }
}

}  // namespace nianbao::detail::tables
