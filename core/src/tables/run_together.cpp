// Run-together digits. Pages crawled without cell separators print a row as its label
// followed by all its numbers in one run ("…申请数量640020470" is 64,0,0,2,0,4,70). The run
// is cut using the table's own arithmetic; a cut is taken only when it is the only one that
// fits. Cuts that stay open are reported with their candidates, and the cells on which every
// candidate agrees are still known.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "tables/tables_internal.hpp"

namespace nianbao::detail::tables {

const char* const kRunNote = "由连写数字按表格算术关系还原（原文各栏数字之间无分隔）";

namespace {

// The length of the enumerator of the next row at the end of `tail` ("(三)", "四、"), or 0.
std::size_t enumerator_suffix(std::string_view tail) {
  for (const char* e : {"(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)", "一.",
                        "二.", "三.", "四.", "一、", "二、", "三、", "四、"}) {
    const std::size_t n = std::strlen(e);
    if (tail.size() >= n && tail.substr(tail.size() - n) == e) return n;
  }
  return 0;
}

// The end of the gap [b, e) without what belongs to the next label: its enumerator
// ("2.", "(三)", "四、") and spaces.
std::size_t strip_next_label(const std::string& t, std::size_t b, std::size_t e, bool next_is_row) {
  for (bool again = true; again;) {
    again = false;
    while (e > b && is_space_byte(t[e - 1])) --e;
    const std::string_view tail(t.data() + b, e - b);
    if (const std::size_t n = enumerator_suffix(tail)) {
      e -= n;
      again = true;
    } else if (next_is_row && tail.size() >= 2 && tail.back() == '.' &&
               is_digit(tail[tail.size() - 2])) {
      e -= 2;  // "00000002." : the 2 is the next row's number
    }
  }
  return e;
}

// The run of digit groups starting at t[k] (a digit), up to `e`; advances k. Sets `glued`
// when the run shows that its numbers ran together.
std::vector<Segment> read_run(const std::string& t, std::size_t& k, std::size_t e, bool& glued) {
  std::vector<Segment> run;
  while (k < e && (is_digit(t[k]) || t[k] == ' ' || t[k] == '.' || t[k] == ',')) {
    if (t[k] == ' ' || t[k] == ',') {
      ++k;
      continue;
    }
    Segment seg;
    seg.nb = k;
    while (k < e && (is_digit(t[k]) || (t[k] == '.' && k + 1 < e && is_digit(t[k + 1])))) {
      seg.digits.push_back(t[k++]);
    }
    if (seg.digits.empty()) {
      ++k;
      continue;
    }
    if (seg.digits.size() > 1 && seg.digits[0] == '0' && seg.digits[1] != '.') glued = true;
    if (k < t.size() && !is_space_byte(t[k]) && t[k] != '|' && t[k] != '.') glued = true;
    // "…00000005.属于三类…": a digit right before '.' and a non-digit is the next row's
    // enumerator, not a value.
    if (k < e && t[k] == '.' && (k + 1 >= e || !is_digit(t[k + 1]))) {
      seg.digits.pop_back();
      glued = true;  // the values touch the next row's enumerator
      if (!seg.digits.empty()) run.push_back(seg);
      break;
    }
    run.push_back(seg);
  }
  return run;
}

}  // namespace

// A glued run: touching the label text, or a multi-digit group that starts with 0. Spaced,
// separate numbers are never cut.
std::vector<Segment> gap_digits(const Document& doc, const RowValues& rv) {
  if (rv.ne == kNone || rv.next == kNone || rv.next <= rv.ne) return {};
  const std::string& t = doc.norm.text;
  const std::size_t b = rv.ne;
  const std::size_t e = strip_next_label(t, b, rv.next, rv.next_is_row);
  std::vector<std::vector<Segment>> runs;
  bool glued = false;
  std::size_t k = b;
  while (k < e) {
    if (t[k] == '\n' || k == b) {
      // Page numbers ("-2-") between a label and its numbers are not values.
      const std::size_t ls = t[k] == '\n' ? k + 1 : k;
      std::size_t le = t.find('\n', ls);
      if (le == std::string::npos || le > e) le = e;
      if (le > ls && skip_line(std::string_view(t.data() + ls, le - ls))) {
        k = le;
        continue;
      }
    }
    if (!is_digit(t[k])) {
      ++k;
      continue;
    }
    if (k > 0 && !is_space_byte(t[k - 1]) && t[k - 1] != '|') glued = true;
    auto run = read_run(t, k, e, glued);
    if (!run.empty()) runs.push_back(std::move(run));
  }
  if (runs.size() != 1 || !glued) return {};
  std::size_t total = 0;
  for (const auto& sg : runs.front()) total += sg.digits.size();
  if (total > 80) return {};
  return runs.front();
}

namespace {

// The value of at most 12 digits, as strtod reads them (exact: below 2^53), without its cost.
double whole_number(const std::string& digits) {
  std::uint64_t v = 0;
  for (const char c : digits) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  return static_cast<double>(v);
}

// Depth-first search over the cuts of a run; `budget` bounds the work.
struct Splitter {
  const std::vector<Segment>& segs;
  std::size_t parts;  // numbers wanted
  bool allow_decimal;
  SplitTest fits;
  std::size_t cap;
  std::vector<Split>* out;
  Split cur;
  long budget = 2000000;
  bool complete = true;

  // Cuts the rest of the run from segment si, position pi.
  void go(std::size_t si, std::size_t pi) {
    if (--budget < 0) {
      complete = false;
      return;
    }
    if (out->size() > cap) return;
    if (si == segs.size()) {
      if (cur.size() == parts && fits(cur)) out->push_back(cur);
      return;
    }
    const std::string& d = segs[si].digits;
    // Digits left: each part still wanted needs at least one.
    std::size_t left = d.size() - pi;
    for (std::size_t j = si + 1; j < segs.size(); ++j) left += segs[j].digits.size();
    if (cur.size() >= parts || left < parts - cur.size()) return;
    const std::size_t max_len = std::min<std::size_t>(d.size() - pi, 12);
    for (std::size_t len = 1; len <= max_len; ++len) {
      std::string piece = d.substr(pi, len);
      if (piece.size() > 1 && piece[0] == '0' && piece[1] != '.') break;  // no leading zeros
      const bool has_dot = piece.find('.') != std::string::npos;
      if (has_dot && (!allow_decimal || piece.back() == '.')) continue;
      if (pi + len < d.size() && d[pi + len] == '.') continue;  // a cut right before '.'
      CutPart p;
      p.value = has_dot ? std::strtod(piece.c_str(), nullptr) : whole_number(piece);
      p.digits = std::move(piece);
      p.nb = segs[si].nb + pi;
      cur.push_back(std::move(p));
      if (pi + len == d.size()) {
        go(si + 1, 0);
      } else {
        go(si, pi + len);
      }
      cur.pop_back();
      if (!complete) return;
    }
  }
};

std::string describe_split(const Split& s) {
  std::string out;
  for (const auto& p : s) out += (out.empty() ? "" : "/") + p.digits;
  return out;
}

std::string describe_candidates(const std::vector<Split>& c) {
  std::string out;
  for (std::size_t k = 0; k < c.size() && k < 4; ++k) out += (k ? "；" : "") + describe_split(c[k]);
  if (c.size() > 4) out += "；…";
  return out;
}

CellRead cell_from_part(const Document& doc, const CutPart& p, bool decimal_cell,
                        std::string note) {
  CellRead c;
  c.offset = p.offset;
  c.raw = doc.raw(p.nb, p.nb + p.digits.size());
  c.value = p.value;
  c.decimal = decimal_cell || p.digits.find('.') != std::string::npos;
  c.note = std::move(note);
  return c;
}

void mark_cells(Tables& t, const RowSpec& spec, CellStatus status, std::size_t offset,
                const std::string& note) {
  for (const CellId id : spec.cells) {
    CellRead c;
    c.status = status;
    c.offset = offset;
    c.note = note;
    t.cells[id] = c;
  }
}

}  // namespace

bool cut_run(const Document& doc, RunRow& run, SplitTest fits, std::size_t cap) {
  run.cands.clear();
  Splitter s{run.segs, run.spec.cells.size(), run.spec.decimal_last, fits, cap, &run.cands, {}};
  s.go(0, 0);
  run.complete = s.complete;
  run.exhaustive = s.complete && run.cands.size() <= cap;
  for (auto& cand : run.cands) {
    for (auto& p : cand) p.offset = doc.orig(p.nb);
  }
  return run.complete;
}

void fill_cut(const Document& doc, Tables& t, const RowSpec& spec, const Split& cut,
              const std::string& note) {
  const std::size_t n = spec.cells.size();
  for (std::size_t k = 0; k < n; ++k) {
    t.cells[spec.cells[k]] = cell_from_part(doc, cut[k], spec.decimal_last && k + 1 == n, note);
  }
}

void explain_run(Tables& t, const RowSpec& spec, bool complete, const std::string& why,
                 ShapeIssue& is) {
  const std::string& digits = is.run;
  const std::size_t n = spec.cells.size();
  const auto& cuts = is.cuts;
  if (!complete) {
    is.hint = "连写数字“" + digits + "”可拆分的方式过多，无法确定";
    is.hint_en = "the run-together digits '" + digits + "' can be cut in too many ways";
    mark_cells(t, spec, CellStatus::ambiguous, is.offset, is.hint);
  } else if (cuts.empty()) {
    is.hint = "连写数字“" + digits + "”无法拆分为" + std::to_string(n) + "个满足表格算术关系的数字";
    is.hint_en = "the run-together digits '" + digits + "' cannot be cut into " +
                 std::to_string(n) + " numbers that satisfy the table's arithmetic";
    mark_cells(t, spec, CellStatus::unreadable, is.offset, is.hint);
  } else {
    is.hint = "连写数字“" + digits + "”有" + std::to_string(cuts.size()) +
              (cuts.size() > 8 ? "种以上" : "种") + "拆分方式（" + describe_candidates(cuts) +
              "），" + why + "，无法确定";
    is.hint_en = "the run-together digits '" + digits + "' can be cut in " +
                 std::to_string(cuts.size()) + " ways (" + describe_candidates(cuts) + ")";
    mark_cells(t, spec, CellStatus::ambiguous, is.offset, is.hint);
  }
}

void run_issue(const Document& doc, Tables& t, const RunRow& run, const std::string& why) {
  ShapeIssue is = issue_for(ShapeKind::run_together, run.spec);
  is.offset = doc.orig(run.segs.front().nb);
  for (const auto& sg : run.segs) is.run += (is.run.empty() ? "" : " ") + sg.digits;
  is.cuts = run.cands;
  is.all_cuts = run.exhaustive;
  explain_run(t, run.spec, run.complete, why, is);
  t.issues.push_back(std::move(is));
}

void settle_agreeing(const Document& doc, Tables& t, const RowSpec& spec,
                     const std::vector<Split>& cuts) {
  if (cuts.empty()) return;
  const std::size_t n = spec.cells.size();
  for (std::size_t k = 0; k < n; ++k) {
    bool same = true;
    for (const auto& c : cuts) same = same && c[k].value == cuts[0][k].value;
    if (!same) continue;
    const CellId id = spec.cells[k];
    const std::string note = t.cells[id].note;
    t.cells[id] = cell_from_part(
        doc, cuts[0][k], spec.decimal_last && k + 1 == n,
        std::string("连写数字的所有可能拆分在此栏一致，故可确定；同行其他栏无法确定（") + note +
            "）");
  }
}

}  // namespace nianbao::detail::tables
