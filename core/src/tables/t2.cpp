// Table 2 (主动公开政府信息情况): four blocks, six rows, ten cells. Rows are found by their
// labels; a row's numbers follow its label, or in pdftotext without -layout may stand before
// it or after the block's column header. Table 2 has no arithmetic, so digits that ran
// together are cut only when a single cut exists; else the narrative may settle them later
// (settle.cpp).
#include "tables/tables_internal.hpp"

namespace nianbao::detail::tables {

const char* const kT2NoArithmetic = "表二没有可用于拆分的算术关系";

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

bool any_cut(const Split&) { return true; }

// A row whose numbers ran together: cut when only one cut exists. Several cuts of a row of
// three cells are left pending for the narrative (settle_tables). Returns false when the
// row shows no run-together digits.
bool read_run(const Document& doc, Tables& t, std::size_t r, const RowSpec& spec,
              const RowValues& rv, Region region) {
  RunRow run(spec, gap_digits(doc, rv));
  if (run.segs.empty()) return false;
  cut_run(doc, run, any_cut, 64);
  if (run.complete && run.cands.size() == 1) {
    fill_cut(doc, t, spec, run.cands[0], kRunNote);
    return true;
  }
  run_issue(doc, t, run, kT2NoArithmetic);
  if (!run.complete) return true;
  settle_agreeing(doc, t, spec, run.cands);
  if (run.cands.size() > 1 && spec.cells.size() == 3) {
    t.t2_pending.push_back({r, spec.cells, run.cands, doc.orig(region.nb), doc.orig(region.ne)});
  }
  return true;
}

}  // namespace

void read_t2(const Document& doc, Tables& t) {
  const Region region = region_for(doc, 2, {"第二十条第(一)项", "本年制发件数"}, 0,
                                   {"勾稽关系", "申请人情况", "本年新收政府", "结果维持"});
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
