// Table 3 (收到和处理政府信息公开申请情况): 25 rows x 7 columns, rows found by distinctive
// keywords of their labels. The 2019 layout has one （六）其他处理 data row instead of three.
// Rows whose labels stand together above one set of numbers conflict and are not guessed.
// Run-together digits are cut by the row total, then by the column identities
// (t3_solver.cpp); when the labels leave issues, the values alone are tried in template order.
#include <algorithm>
#include <cstring>
#include <map>
#include <utility>

#include "tables/tables_internal.hpp"

namespace nianbao::detail::tables {

namespace {

const std::vector<LabelDef>& t3_labels() {
  static const std::vector<LabelDef> defs = {
      {0, {"本年新收政府", "本年新收申请", "本年新收的"}},
      {1, {"上年结转政府", "上年结转申请", "上年结转的"}},
      {2, {"予以公开"}},
      {3, {"部分公开"}},
      {4, {"国家秘密"}},
      {5, {"禁止公开", "其他法律行政"}},
      {6, {"三安全一稳定", "危及"}},
      {7, {"第三方合法权益", "保护第三方"}},
      {8, {"内部事务"}},
      {9, {"过程性信息"}},
      {10, {"执法案卷"}},
      {11, {"查询事项"}},
      {12, {"不掌握"}},
      {13, {"另行制作"}},
      {14, {"仍不明确", "内容不明确"}},
      {15, {"信访举报"}},
      {16, {"重复申请"}},
      {17, {"出版物"}},
      {18, {"大量反复"}},
      {19, {"重新出具"}},
      {20, {"不补正"}},
      {21, {"收费通知", "缴纳费用"}},
      {23, {"(七)总计", "七)总计"}},
      {24, {"结转下年度继续", "下年度继续办理", "结转下年度办理"}},
      {kGroupLabel, {"办理结果", "不予公开", "无法提供", "不予处理"}},
      {kOtherGroup, {"其他处理", "(六)其"}},
      {kDelimiter, {"申请人情况", "勾稽关系"}},
  };
  return defs;
}

// A header line naming several row labels (OCR tables with a made-up header such as
// "| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | …") is not a row.
void drop_header_lines(const Document& doc, std::vector<Match>& labels, std::size_t region_end) {
  // Line breaks found once: an rfind per label is quadratic on a long one-line input.
  std::vector<std::size_t> breaks;
  for (std::size_t k = doc.norm.text.find('\n'); k != std::string::npos && k < region_end;
       k = doc.norm.text.find('\n', k + 1)) {
    breaks.push_back(k);
  }
  auto line_of = [&](std::size_t nb) {
    const auto it = std::upper_bound(breaks.begin(), breaks.end(), nb);
    return it == breaks.begin() ? std::size_t{0} : *(it - 1) + 1;
  };
  std::map<std::size_t, int> per_line;
  for (const auto& m : labels) {
    if (m.row >= 0) ++per_line[line_of(m.nb)];
  }
  labels.erase(std::remove_if(labels.begin(), labels.end(),
                              [&](const Match& m) {
                                // A real header names at most seven rows; a line with more is
                                // a whole table flattened onto one line.
                                const int n = per_line[line_of(m.nb)];
                                return m.row >= 0 && n >= 3 && n <= 7;
                              }),
               labels.end());
}

// "3.其他" of group （六）: "其他" right after the enumerator and not followed by a CJK
// character (which would make it 其他处理, 其他法律…, or a column header).
void add_other_other(std::vector<Match>& labels, const Compact& f) {
  std::size_t group = kNone;
  for (const auto& m : labels) {
    if (m.row == kOtherGroup) group = m.nb;
  }
  if (group == kNone) return;
  const auto lo = static_cast<std::size_t>(
      std::lower_bound(f.pos.begin(), f.pos.end() - 1, static_cast<std::uint32_t>(group)) -
      f.pos.begin());
  const std::size_t key_len = std::strlen("3.其他");
  for (std::size_t at = find_text(f.text, "3.其他", lo); at != std::string::npos;
       at = find_text(f.text, "3.其他", at + key_len)) {
    const std::size_t after = at + key_len;
    char32_t next = 0;
    if (after < f.text.size()) {
      std::size_t i = after;
      next = next_cp(f.text, i);
    }
    if (!is_cjk(next)) {
      labels.push_back({kRowOtherOther, f.pos[at], f.pos[after - 1] + 1});
      break;
    }
  }
  sort_labels(labels);
}

// Which layout the labels show.
struct T3Layout {
  bool has_2021_other = false;        // rows 1./2. of （六） are labelled
  const RowValues* group6 = nullptr;  // the （六）其他处理 label's values
  bool single_other = false;          // 2019: （六）其他处理 is itself a data row
  bool skips(int row) const {
    return single_other && (row == kRowNoCorrection || row == kRowUnpaidFee);
  }
};

T3Layout layout_of(const Scan& s) {
  T3Layout l;
  for (const auto& m : s.labels) {
    l.has_2021_other = l.has_2021_other || m.row == kRowNoCorrection || m.row == kRowUnpaidFee;
  }
  for (std::size_t k = 0; k < s.labels.size(); ++k) {
    if (s.labels[k].row == kOtherGroup) l.group6 = &s.vals[k];
  }
  l.single_other = !l.has_2021_other && l.group6 && !l.group6->after.empty();
  return l;
}

// Rows whose values cannot be told apart: label A with no values of its own, followed
// directly (group headings aside) by label B of another row that has values. OCR and PDF
// text put two labels above two rows of numbers; which numbers are A's is not knowable.
std::vector<std::pair<int, int>> conflicts(const Document& doc, const Scan& s) {
  const auto& labels = s.labels;
  const auto& vals = s.vals;
  std::vector<std::pair<int, int>> out;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].row < 0 || !vals[i].after.empty()) continue;
    if (!gap_digits(doc, vals[i]).empty()) continue;  // its numbers ran together: not a clash
    std::size_t j = i + 1;
    while (j < labels.size() && (labels[j].row == kGroupLabel || labels[j].row == kOtherGroup) &&
           vals[j].after.empty()) {
      ++j;
    }
    if (j < labels.size() && labels[j].row >= 0 && labels[j].row != labels[i].row &&
        !vals[j].after.empty()) {
      out.emplace_back(labels[i].row, labels[j].row);
    }
  }
  return out;
}

int partner_of(const std::vector<std::pair<int, int>>& clash, int row) {
  int partner = -1;
  for (const auto& [a, b] : clash) {
    if (a == row) partner = b;
    if (b == row) partner = a;
  }
  return partner;
}

// Marks the row's cells ambiguous (its values could belong to either row) and records it.
void conflict_issue(const Document& doc, Tables& t, const RowSpec& spec, const RowValues& rv,
                    int partner) {
  const RowDef& other = kT3Rows[static_cast<std::size_t>(partner)];
  CellRead c;
  c.status = CellStatus::ambiguous;
  c.offset = !rv.after.empty() ? doc.orig(rv.after.front().nb) : doc.orig(rv.nb);
  c.note = std::string("这一行与“") + other.label +
           "”行的标签相邻而只有一组数字，无法确定数字属于哪一行";
  for (const CellId id : spec.cells) t.cells[id] = c;
  ShapeIssue is = issue_for(ShapeKind::conflict, spec);
  is.offset = doc.orig(rv.nb);
  is.hint = other.label;
  is.hint_en = other.label_en;
  t.issues.push_back(std::move(is));
}

bool row_total_fits(const Split& sp) {
  double sum = 0;
  for (std::size_t k = 0; k < 6; ++k) sum += sp[k].value;
  return sum == sp[6].value;
}

// A row whose numbers ran together: cut by its total when one cut fits; several cuts wait
// for the column identities. Returns false when the row shows no run-together digits.
bool read_run(const Document& doc, Tables& t, const RowSpec& spec, int row, const RowValues& rv,
              std::vector<PendingRow>& pending) {
  RunRow run{spec, gap_digits(doc, rv)};
  if (run.segs.empty()) return false;
  const bool done = cut_run(doc, run, row_total_fits, 64);
  if (done && run.cands.size() == 1) {
    fill_cut(doc, t, spec, run.cands[0], kRunNote);
  } else if (done && !run.cands.empty() && run.cands.size() <= 64) {
    pending.push_back({row, std::move(run)});
  } else {
    run_issue(doc, t, run, "每行总计关系不足以确定");
  }
  return true;
}

// Reads each row of the layout from its label.
void read_rows(const Document& doc, Tables& t, const Scan& s, const T3Layout& layout) {
  const auto clash = conflicts(doc, s);
  std::vector<PendingRow> pending;
  for (int r = 0; r < static_cast<int>(kT3Rows.size()); ++r) {
    if (layout.skips(r)) continue;
    const RowSpec spec = t3_row(r);
    const RowValues* rv =
        layout.single_other && r == kRowOtherOther ? layout.group6 : best_match(s, r, 7);
    if (!rv) {
      missing_row(t, spec);
      continue;
    }
    if (rv->after.size() != 7 && read_run(doc, t, spec, r, *rv, pending)) continue;
    if (const int partner = partner_of(clash, r); partner >= 0) {
      conflict_issue(doc, t, spec, *rv, partner);
      continue;
    }
    assign_row(doc, t, spec, rv->after, rv->nb);
  }
  resolve_pending(doc, t, pending);
}

// The labels did not settle the table: its values in template order, when the arithmetic
// singles out one reading. Replaces the issues raised since `issues_before`.
void read_in_template_order(const Document& doc, Tables& t, const Scan& s, const T3Layout& layout,
                            std::size_t issues_before) {
  // Without the 2021 rows 1./2. of （六） the table has the 2019 shape (23 rows).
  const bool shape_2019 = layout.single_other || !layout.has_2021_other;
  std::vector<int> rows;
  for (int r = 0; r < static_cast<int>(kT3Rows.size()); ++r) {
    if (!(shape_2019 && (r == kRowNoCorrection || r == kRowUnpaidFee))) rows.push_back(r);
  }
  std::vector<const Token*> solved;
  if (!solve_t3_sequence(s.toks, rows, &solved)) return;
  t.issues.resize(issues_before);
  if (shape_2019 && !layout.single_other) {
    t.t3_single_other_row = true;
    t.t3_single_other_offset =
        layout.group6 ? doc.orig(layout.group6->nb) : doc.orig(s.toks.front().nb);
    for (int r : {kRowNoCorrection, kRowUnpaidFee}) {
      for (int c = 0; c < 7; ++c) t.cells.erase(t3_cell(r, c));
    }
  }
  for (std::size_t k = 0; k < rows.size(); ++k) {
    for (int c = 0; c < 7; ++c) {
      CellRead cell = cell_from(doc, *solved[k * 7 + static_cast<std::size_t>(c)], false);
      cell.note =
          "行标签与数字分离（如不带 -layout 的 PDF 文本），按模板行序和每行“总计=各栏之和”还原";
      t.cells[t3_cell(rows[k], c)] = cell;
    }
  }
}

}  // namespace

void read_t3(const Document& doc, Tables& t) {
  const Region region = region_for(doc, 3, {"申请人情况", "本年新收"}, 0, {"结果维持"});
  if (!region.found()) return;
  Compact lt;
  Scan s = scan_region(doc, region, t3_labels(), &lt);
  drop_header_lines(doc, s.labels, region.ne);
  add_other_other(s.labels, lt);
  if (!s.any_row()) return;
  t.t3_found = true;
  s.vals = collect(s.labels, s.toks, region.ne);
  const T3Layout layout = layout_of(s);
  if (layout.single_other) {
    t.t3_single_other_row = true;
    t.t3_single_other_offset = doc.orig(layout.group6->nb);
  }
  const std::size_t issues_before = t.issues.size();
  read_rows(doc, t, s, layout);
  if (t.issues.size() != issues_before) read_in_template_order(doc, t, s, layout, issues_before);
}

}  // namespace nianbao::detail::tables
