// Table 4 (行政复议、行政诉讼情况): one data row of 15 cells (three groups of 维持, 纠正,
// 其他, 尚未审结, 总计) under a two- or three-line header, so it has no row labels: its
// values are those after the first header word. They are mapped by position only when there
// are exactly 15 in one run; three runs of five under their own group headings are mapped by
// heading. Otherwise nothing is guessed (T4-4): the row is reported with any run of five that
// satisfies its group total.
#include <algorithm>
#include <string>

#include "tables/tables_internal.hpp"

namespace nianbao::detail::tables {

namespace {

const std::vector<LabelDef>& t4_labels() {
  static const std::vector<LabelDef> defs = {{0, {"行政复议"}},
                                             {1, {"直接起诉"}},
                                             {2, {"复议后起诉"}},
                                             {kDelimiter, {"行政诉讼", "结果维持", "尚未审结"}}};
  return defs;
}

bool group_totals_fit(const Split& sp) {
  for (std::size_t g = 0; g < 3; ++g) {
    double sum = 0;
    for (std::size_t k = 0; k < 4; ++k) sum += sp[g * 5 + k].value;
    if (sum != sp[g * 5 + 4].value) return false;
  }
  return true;
}

// Run-together digits after the last header word, cut by the group totals. Returns false
// when there are none.
bool read_run(const Document& doc, Tables& t, const RowSpec& spec, const Scan& s) {
  RowValues rv;
  rv.ne = s.labels.back().ne;
  rv.next = s.region.ne;
  RunRow run{spec, gap_digits(doc, rv)};
  if (run.segs.empty()) return false;
  const bool done = cut_run(doc, run, group_totals_fit, 8);
  if (done && run.cands.size() == 1) {
    fill_cut(doc, t, spec, run.cands[0], kRunNote);
  } else {
    run_issue(doc, t, run, "各组总计关系不足以确定");
  }
  return true;
}

// Header words standing between the values (pdftotext without -layout): their order is not
// the table's.
bool interleaved(const Scan& s, const std::vector<Token>& toks) {
  if (toks.empty()) return false;
  for (const auto& m : s.labels) {
    if (m.nb > toks.front().nb && m.nb < toks.back().nb) return true;
  }
  return false;
}

// Three runs of five, each under its own group heading (OCR'd markdown writes the table as
// three small tables): each run mapped by its heading. Returns false for any other shape.
bool read_by_heading(const Document& doc, Tables& t, const Scan& s,
                     const std::vector<Token>& toks) {
  std::vector<std::vector<const Token*>> runs;
  std::vector<int> run_group;
  std::size_t li = 0;
  int last_group = -1;
  for (const auto& tk : toks) {
    bool boundary = runs.empty();
    while (li < s.labels.size() && s.labels[li].nb < tk.nb) {
      if (s.labels[li].row >= 0) last_group = s.labels[li].row;
      boundary = true;
      ++li;
    }
    if (boundary) {
      runs.emplace_back();
      run_group.push_back(last_group);
    }
    runs.back().push_back(&tk);
  }
  bool by_heading = runs.size() == 3;
  for (std::size_t k = 0; by_heading && k < 3; ++k) {
    by_heading = runs[k].size() == 5 && run_group[k] >= 0 &&
                 std::count(run_group.begin(), run_group.end(), run_group[k]) == 1;
  }
  if (!by_heading) return false;
  for (std::size_t k = 0; k < 3; ++k) {
    for (int c = 0; c < 5; ++c) {
      t.cells[t4_cell(run_group[k], c)] =
          cell_from(doc, *runs[k][static_cast<std::size_t>(c)], false);
    }
  }
  return true;
}

// Fifteen values interleaved with header words: their columns cannot be settled.
void interleaved_issue(const Document& doc, Tables& t, const RowSpec& spec,
                       const std::vector<Token>& toks) {
  ShapeIssue is = issue_for(ShapeKind::cell_count, spec);
  is.expected = is.found = static_cast<int>(spec.cells.size());
  is.offset = doc.orig(toks.front().nb);
  for (const Token& v : toks) is.numbers.push_back(cell_from(doc, v, false));
  is.hint = "数字与表头文字交错排列（常见于不带 -layout 的 PDF 文本），无法确定各数字所属的栏目";
  is.hint_en =
      "the numbers are interleaved with header words (typical of PDF text extracted "
      "without layout), so their columns cannot be settled";
  CellRead c;
  c.status = CellStatus::ambiguous;
  c.offset = is.offset;
  c.note = is.hint;
  for (const CellId id : spec.cells) t.cells[id] = c;
  t.issues.push_back(std::move(is));
}

// T4-4: the first run of five numbers whose fifth equals the sum of the first four, as a
// hint on the row's count issue.
void group_run_hint(const Document& doc, const std::vector<Token>& toks, ShapeIssue* is) {
  for (std::size_t k = 0; k + 5 <= toks.size(); ++k) {
    bool numbers = true;
    double sum = 0;
    for (std::size_t j = 0; j < 5; ++j) numbers = numbers && toks[k + j].kind == TokKind::number;
    if (!numbers) continue;
    for (std::size_t j = 0; j < 4; ++j) sum += toks[k + j].value;
    if (sum > 0 && sum == toks[k + 4].value) {
      auto num = [&](std::size_t j) { return doc.raw(toks[k + j].nb, toks[k + j].ne); };
      is->hint = "其中第" + std::to_string(k + 1) + "至" + std::to_string(k + 5) + "个数字（" +
                 num(0) + "、" + num(1) + "、" + num(2) + "、" + num(3) + "、" + num(4) +
                 "）满足“前四项之和等于总计”，可能是其中一组（如行政复议）；其余数字无法确定归属";
      is->hint_en = "numbers " + std::to_string(k + 1) + "-" + std::to_string(k + 5) +
                    " satisfy 'first four sum to the total' and may be one group (e.g. "
                    "administrative review); the others cannot be placed";
      return;
    }
  }
  is->hint.clear();
  is->hint_en.clear();
}

}  // namespace

void read_t4(const Document& doc, Tables& t) {
  std::size_t after = 0;
  if (const SectionInfo* s3 = doc.outline.section(3)) after = s3->norm_body;
  const Region region = region_for(doc, 4, {"结果维持", "复议后起诉", "直接起诉"}, after);
  if (!region.found()) return;
  const Scan s = scan_region(doc, region, t4_labels());
  if (s.labels.empty()) return;
  t.t4_found = true;
  // Values from the first header onwards; the table has no row labels.
  std::vector<Token> toks;
  for (const auto& tk : s.toks) {
    if (tk.nb >= s.labels.front().nb) toks.push_back(tk);
  }
  const RowSpec spec = t4_row();
  if (toks.empty() && read_run(doc, t, spec, s)) return;
  if (interleaved(s, toks) && toks.size() == spec.cells.size()) {
    if (!read_by_heading(doc, t, s, toks)) interleaved_issue(doc, t, spec, toks);
    return;
  }
  const std::size_t before = t.issues.size();
  assign_row(doc, t, spec, toks, s.labels.front().nb);
  if (t.issues.size() > before && !toks.empty()) group_run_hint(doc, toks, &t.issues.back());
}

}  // namespace nianbao::detail::tables
