// Tables 2, 3 and 4: rows identified by their labels, never by position.
//
// A table's region (its section, or an anchor when the heading is missing) is cut into
// value tokens (numbers, placeholders, blanks between tab cells) and label matches (on
// the whitespace-free text, so labels broken by spaces or line breaks still match).
// Walking both in input order, each row label collects the values that follow it up to
// the next label. A row whose value count differs from its column count is ambiguous:
// its cells are marked so and nothing is guessed.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>

#include "document.hpp"

namespace nianbao::detail {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

enum class TokKind { number, placeholder, blank };

struct Token {
  TokKind kind = TokKind::number;
  std::size_t nb = 0, ne = 0;  // normalised byte range
  double value = 0;
  bool decimal = false;
  bool negative = false;
  std::string unit;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space_byte(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space_byte(s.back())) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A whole cell that is a number: -?digits(,ddd)*(.digits)?unit?
bool parse_number(std::string_view s, Token* tok) {
  std::size_t i = 0;
  bool neg = false;
  if (i < s.size() && s[i] == '-') {
    neg = true;
    ++i;
  }
  const std::size_t start = i;
  std::string digits;
  while (i < s.size() && is_digit(s[i])) digits.push_back(s[i++]);
  if (digits.empty() || digits.size() > 15) return false;
  // "0000000" or "05" is not one count: it is run-together digits (read elsewhere).
  if (digits.size() > 1 && digits[0] == '0') return false;
  // Thousands separators: 13,612
  while (i + 3 < s.size() + 0 && s[i] == ',' && i + 4 <= s.size() && is_digit(s[i + 1]) &&
         is_digit(s[i + 2]) && is_digit(s[i + 3]) && (i + 4 == s.size() || !is_digit(s[i + 4]))) {
    if (i - start > 3 && digits.size() <= 3) return false;
    digits.append(s.substr(i + 1, 3));
    i += 4;
  }
  bool decimal = false;
  if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
    decimal = true;
    digits.push_back('.');
    ++i;
    while (i < s.size() && is_digit(s[i])) digits.push_back(s[i++]);
  }
  std::string_view unit = trim(s.substr(i));
  if (!unit.empty()) {
    static const char* const kUnits[] = {"万元", "元", "件", "个", "项", "次", "条"};
    bool known = false;
    for (const char* u : kUnits) known = known || unit == u;
    if (!known) return false;
  }
  if (digits.size() > 18) return false;
  tok->kind = TokKind::number;
  tok->value = std::strtod(digits.c_str(), nullptr) * (neg ? -1 : 1);
  tok->decimal = decimal;
  tok->negative = neg;
  tok->unit = std::string(unit);
  return true;
}

bool is_placeholder(std::string_view s) {
  static const char* const kPh[] = {"/", "-", "--", "—", "——", "\\", "无", "--", "---", "×", "*"};
  for (const char* p : kPh) {
    if (s == p) return true;
  }
  return false;
}

// Page numbers ("-3-", "— 3 —", "第3页", "3/12") and markdown rule lines are skipped.
bool skip_line(std::string_view line) {
  std::string c;
  for (char ch : line) {
    if (!is_space_byte(ch)) c.push_back(ch);
  }
  if (c.empty()) return true;
  if (c.find_first_not_of("|-:") == std::string::npos) return true;  // |---|---|
  std::size_t i = 0;
  auto dash = [&](std::size_t& k) {
    if (c.compare(k, 1, "-") == 0) {
      k += 1;
      return true;
    }
    if (c.compare(k, 3, "—") == 0) {
      k += 3;
      return true;
    }
    return false;
  };
  std::size_t k = 0;
  if (dash(k)) {
    const std::size_t d0 = k;
    while (k < c.size() && is_digit(c[k])) ++k;
    if (k > d0 && k < c.size() && dash(k) && k == c.size()) return true;
  }
  i = 0;
  if (c.compare(0, 3, "第") == 0) i = 3;
  const std::size_t d0 = i;
  while (i < c.size() && is_digit(c[i])) ++i;
  if (i > d0 && c.compare(i, 3, "页") == 0) return true;
  return false;
}

// Measure words that make "2023 年" or "21 件" prose rather than a table cell.
bool starts_with_measure_word(std::string_view s) {
  static const char* const kWords[] = {"年", "月", "日", "件", "个", "项", "次", "条",
                                       "元", "万", "人", "家", "份", "余", "多", "%"};
  for (const char* w : kWords) {
    if (s.substr(0, std::strlen(w)) == w) return true;
  }
  return false;
}

// Value tokens of the normalised range [begin, end).
std::vector<Token> tokenize(const Document& doc, std::size_t begin, std::size_t end) {
  const std::string& t = doc.norm.text;
  std::vector<Token> out;
  std::size_t pos = begin;
  while (pos < end) {
    std::size_t eol = t.find('\n', pos);
    if (eol == std::string::npos || eol > end) eol = end;
    const std::string_view line(t.data() + pos, eol - pos);
    if (!skip_line(line) && line.find("。") == std::string_view::npos) {
      struct Cell {
        std::size_t nb, ne;
        std::string_view s;
      };
      std::vector<Cell> cells;
      const std::string_view tl = trim(line);
      const bool tabbed = line.find('\t') != std::string_view::npos;
      const bool piped = !tabbed && !tl.empty() && tl.front() == '|';
      const bool split_cells = tabbed || piped;
      const char sep = tabbed ? '\t' : '|';
      std::size_t k = 0;
      while (k <= line.size()) {
        std::size_t e;
        if (split_cells) {
          e = line.find(sep, k);
          if (e == std::string_view::npos) e = line.size();
        } else {
          while (k < line.size() && is_space_byte(line[k])) ++k;
          if (k >= line.size()) break;
          e = k;
          while (e < line.size() && !is_space_byte(line[e])) ++e;
        }
        std::string_view raw = line.substr(k, e - k);
        std::string_view s = trim(raw);
        const std::size_t off = static_cast<std::size_t>(s.data() - t.data());
        cells.push_back({s.empty() ? pos + k : off, s.empty() ? pos + k : off + s.size(), s});
        k = e + 1;
        if (!split_cells && e >= line.size()) break;
      }
      if (piped && !cells.empty() && cells.front().s.empty()) cells.erase(cells.begin());
      if (piped && !cells.empty() && cells.back().s.empty()) cells.pop_back();
      // Classify; blanks count only between two values on the same line.
      std::vector<int> kind(cells.size(), 0);  // 0 text, 1 value, 2 empty
      std::vector<Token> parsed(cells.size());
      for (std::size_t c = 0; c < cells.size(); ++c) {
        Token tok;
        tok.nb = cells[c].nb;
        tok.ne = cells[c].ne;
        if (cells[c].s.empty()) {
          kind[c] = 2;
          tok.kind = TokKind::blank;
        } else if (parse_number(cells[c].s, &tok)) {
          // "2023 年": a number followed by a measure word is prose.
          const bool prose = !split_cells && tok.unit.empty() && c + 1 < cells.size() &&
                             starts_with_measure_word(cells[c + 1].s);
          kind[c] = prose ? 0 : 1;
        } else if (is_placeholder(cells[c].s)) {
          tok.kind = TokKind::placeholder;
          kind[c] = 1;
        }
        parsed[c] = tok;
      }
      std::size_t first_value = cells.size(), last_value = 0;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (kind[c] != 1) continue;
        first_value = std::min(first_value, c);
        last_value = c;
      }
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (kind[c] == 1 || (kind[c] == 2 && c > first_value && c < last_value)) {
          out.push_back(parsed[c]);
        }
      }
    }
    pos = eol + 1;
  }
  return out;
}

struct LabelDef {
  int row;  // row index (table-specific), or -1 for a group/heading label
  std::vector<const char*> keys;
};

struct Match {
  int row;
  std::size_t nb, ne;  // normalised range
};

// The region's text without whitespace and without its value tokens, so that a label
// broken by a line break, a space or a row of numbers printed in the middle of it
// (pdftotext -layout) still reads as one.
Compact label_text(const Document& doc, std::size_t begin, std::size_t end,
                   const std::vector<Token>& toks) {
  Compact c;
  std::size_t ti = 0;
  for (std::size_t k = begin; k < end; ++k) {
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
  c.pos.push_back(static_cast<std::uint32_t>(end));
  return c;
}

// All matches of every key of `defs` in a region's label text.
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
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.nb < b.nb; });
  return out;
}

struct RowValues {
  std::vector<Token> after;   // values following the label, up to the next label
  std::vector<Token> before;  // values right before it, not claimed by any label
  std::size_t nb = kNone;     // where the label is
  std::size_t ne = kNone;     // where the label's key ends
  std::size_t next = kNone;   // where the next label (or the region) begins
  bool next_is_row = false;   // the next label is a table row
};

// Walks labels and values in order; returns, per match index, the values it collected.
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
      // A delimiter (row < -1) ends the current row; its own values become orphans.
      if (labels[li].row == -2) current = -1;
    }
  }
  return rows;
}

// ----- run-together digits ------------------------------------------------------------
// Pages crawled without cell separators print a row as its label followed by all its
// numbers in one run ("…申请数量640020470" is 64,0,0,2,0,4,70). The run is cut using the
// table's own arithmetic; a cut is taken only when it is the only one that fits.

struct Segment {
  std::string digits;  // digits, possibly with one '.'
  std::size_t nb = 0;  // normalised offset of its first character
};
struct Part {
  std::string digits;
  std::size_t nb = 0;
  double value = 0;
};
using Split = std::vector<Part>;

bool is_cjk_numeral_enum(std::string_view tail) {
  for (const char* e : {"(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)", "一.",
                        "二.", "三.", "四.", "一、", "二、", "三、", "四、"}) {
    const std::size_t n = std::strlen(e);
    if (tail.size() >= n && tail.substr(tail.size() - n) == e) return true;
  }
  return false;
}

// The run of digits that stands between a label and the next one, if there is exactly one.
// The run of digits that stands between a label and the next one, if there is exactly one
// and it shows that its numbers ran together: glued to the label text, or a multi-digit
// group that starts with 0. Spaced, separate numbers are never cut.
std::vector<Segment> gap_digits(const Document& doc, const RowValues& rv) {
  if (rv.ne == kNone || rv.next == kNone || rv.next <= rv.ne) return {};
  const std::string& t = doc.norm.text;
  std::size_t b = rv.ne, e = rv.next;
  // Strip what belongs to the next label: its enumerator ("2.", "(三)", "四、") and spaces.
  for (bool again = true; again;) {
    again = false;
    while (e > b && is_space_byte(t[e - 1])) --e;
    const std::string_view tail(t.data() + b, e - b);
    if (is_cjk_numeral_enum(tail)) {
      for (const char* x : {"(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)", "一.",
                            "二.", "三.", "四.", "一、", "二、", "三、", "四、"}) {
        const std::size_t n = std::strlen(x);
        if (tail.size() >= n && tail.substr(tail.size() - n) == x) {
          e -= n;
          break;
        }
      }
      again = true;
    } else if (rv.next_is_row && tail.size() >= 2 && tail.back() == '.' &&
               is_digit(tail[tail.size() - 2])) {
      e -= 2;  // "00000002." : the 2 is the next row's number
      again = false;
    }
  }
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
        if (seg.digits.empty()) break;
        run.push_back(seg);
        break;
      }
      run.push_back(seg);
    }
    if (!run.empty()) runs.push_back(std::move(run));
  }
  if (runs.size() != 1 || !glued) return {};
  std::size_t total = 0;
  for (const auto& sg : runs.front()) total += sg.digits.size();
  if (total > 80) return {};
  return runs.front();
}

// All cuts of `segs` into exactly `k` numbers accepted by `fits`, at most `cap` of them.
// Returns false when the search was too large to finish (then nothing can be settled).
template <typename Fits>
bool enumerate_splits(const std::vector<Segment>& segs, std::size_t k, bool allow_decimal,
                      const Fits& fits, std::size_t cap, std::vector<Split>* out) {
  Split cur;
  long budget = 2000000;
  bool complete = true;
  // Digits left after segment si, position pi: each part needs at least one.
  std::function<void(std::size_t, std::size_t)> go = [&](std::size_t si, std::size_t pi) {
    if (--budget < 0) {
      complete = false;
      return;
    }
    if (out->size() > cap) return;
    if (si == segs.size()) {
      if (cur.size() == k && fits(cur)) out->push_back(cur);
      return;
    }
    const std::string& d = segs[si].digits;
    std::size_t left = 0;
    for (std::size_t j = si; j < segs.size(); ++j)
      left += j == si ? d.size() - pi : segs[j].digits.size();
    if (cur.size() >= k || left < k - cur.size()) return;
    const std::size_t max_len = std::min<std::size_t>(d.size() - pi, 12);
    for (std::size_t len = 1; len <= max_len; ++len) {
      const std::string piece = d.substr(pi, len);
      if (piece.size() > 1 && piece[0] == '0' && piece[1] != '.') break;  // no leading zeros
      const bool has_dot = piece.find('.') != std::string::npos;
      if (has_dot && (!allow_decimal || piece.back() == '.')) continue;
      if (pi + len < d.size() && d[pi + len] == '.') continue;  // a cut right before '.'
      Part p;
      p.digits = piece;
      p.nb = segs[si].nb + pi;
      p.value = std::strtod(piece.c_str(), nullptr);
      cur.push_back(p);
      if (pi + len == d.size()) {
        go(si + 1, 0);
      } else {
        go(si, pi + len);
      }
      cur.pop_back();
      if (!complete) return;
    }
  };
  go(0, 0);
  return complete;
}

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

CellRead cell_from_part(const Document& doc, const Part& p, bool decimal_cell, std::string note) {
  CellRead c;
  c.offset = doc.orig(p.nb);
  c.raw = doc.raw(p.nb, p.nb + p.digits.size());
  c.value = p.value;
  c.decimal = decimal_cell || p.digits.find('.') != std::string::npos;
  c.note = std::move(note);
  return c;
}

void mark_run(const Document& doc, Tables& t, const std::vector<std::string>& ids,
              const std::vector<Segment>& segs, CellStatus status, const std::string& note) {
  for (const auto& id : ids) {
    CellRead c;
    c.status = status;
    c.offset = doc.orig(segs.front().nb);
    c.note = note;
    t.cells[id] = c;
  }
}

const char* kRunNote = "由连写数字按表格算术关系还原（原文各栏数字之间无分隔）";

CellRead cell_from(const Document& doc, const Token& tk, bool decimal_cell) {
  CellRead c;
  c.offset = doc.orig(tk.nb);
  c.raw = doc.raw(tk.nb, tk.ne);
  c.decimal = decimal_cell;
  if (tk.kind == TokKind::blank) {
    c.status = CellStatus::blank;
    c.raw.clear();
  } else if (tk.kind == TokKind::placeholder) {
    c.status = CellStatus::placeholder;
  } else {
    c.status = CellStatus::ok;
    c.value = tk.value;
    c.negative = tk.negative;
    c.unit = tk.unit;
    if (tk.decimal && !decimal_cell) c.decimal = true;  // flagged by the value rule
  }
  return c;
}

CellRead unlocated(CellStatus status, std::string note) {
  CellRead c;
  c.status = status;
  c.offset = kNone;
  c.note = std::move(note);
  return c;
}

// Where a table lives: its section, else from an anchor to the next section.
std::pair<std::size_t, std::size_t> region_for(const Document& doc, int section,
                                               std::initializer_list<const char*> anchors,
                                               std::size_t after) {
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
  if (best == std::string::npos) return {kNone, kNone};
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
  return {nb, ne};
}

void missing_row(Tables& t, const char* table, const char* label, const char* label_en,
                 std::vector<std::string> cells) {
  ShapeIssue is;
  is.kind = ShapeKind::missing_row;
  is.table = table;
  is.row = label;
  is.row_en = label_en;
  is.cells = std::move(cells);
  t.issues.push_back(std::move(is));
}

// Assigns `vals` to the cells `ids`; on a count mismatch marks them ambiguous (or
// unreadable when no value was found) and records the issue.
void assign_row(const Document& doc, Tables& t, const char* table, const char* label,
                const char* label_en, const std::vector<std::string>& ids,
                const std::vector<Token>& vals, std::size_t label_nb, bool decimal_last) {
  if (vals.size() == ids.size()) {
    for (std::size_t k = 0; k < ids.size(); ++k) {
      t.cells[ids[k]] = cell_from(doc, vals[k], decimal_last && k + 1 == ids.size());
    }
    return;
  }
  ShapeIssue is;
  is.kind = ShapeKind::cell_count;
  is.table = table;
  is.row = label;
  is.row_en = label_en;
  is.expected = static_cast<int>(ids.size());
  is.found = static_cast<int>(vals.size());
  is.offset = vals.empty() ? doc.orig(label_nb) : doc.orig(vals.front().nb);
  is.cells = ids;
  std::string seen;
  for (std::size_t k = 0; k < vals.size() && k < 20; ++k) {
    if (!seen.empty()) seen += " ";
    seen += vals[k].kind == TokKind::blank ? std::string("(空)") : doc.raw(vals[k].nb, vals[k].ne);
  }
  if (vals.size() > 20) seen += " …";
  for (std::size_t k = 0; k < ids.size(); ++k) {
    CellRead c;
    if (vals.empty()) {
      c = unlocated(CellStatus::unreadable, "该行未读到数字");
      c.offset = doc.orig(label_nb);
    } else {
      c.status = CellStatus::ambiguous;
      c.offset = doc.orig(vals.front().nb);
      c.note = "该行读到" + std::to_string(vals.size()) + "个数字（" + seen + "），应为" +
               std::to_string(ids.size()) + "个，无法确定对应关系";
    }
    c.decimal = decimal_last && k + 1 == ids.size();
    t.cells[ids[k]] = c;
  }
  t.issues.push_back(std::move(is));
}

// Picks, among several matches of one row, the one whose values fit best.
const RowValues* best_match(const std::vector<Match>& labels, const std::vector<RowValues>& vals,
                            int row, std::size_t want) {
  const RowValues* best = nullptr;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    if (labels[k].row != row) continue;
    const RowValues* r = &vals[k];
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

// Rows whose values cannot be told apart: label A with no values of its own, followed
// directly (group headings aside) by label B of another row that has values. OCR and PDF
// text put two labels above two rows of numbers; which numbers are A's is not knowable.
std::vector<std::pair<int, int>> conflicts(const Document& doc, const std::vector<Match>& labels,
                                           const std::vector<RowValues>& vals) {
  std::vector<std::pair<int, int>> out;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].row < 0 || !vals[i].after.empty()) continue;
    if (!gap_digits(doc, vals[i]).empty()) continue;  // its numbers ran together: not a clash
    std::size_t j = i + 1;
    while (j < labels.size() && (labels[j].row == -1 || labels[j].row == -3) &&
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

// Marks the cells of the rows in `rows` ambiguous (their values could belong to either).
void mark_conflict(const Document& doc, Tables& t, const std::vector<std::string>& ids,
                   const RowValues* rv, const std::string& other) {
  for (const auto& id : ids) {
    CellRead c;
    c.status = CellStatus::ambiguous;
    c.offset = rv && !rv->after.empty() ? doc.orig(rv->after.front().nb) : doc.orig(rv->nb);
    c.note = "这一行与“" + other + "”行的标签相邻而只有一组数字，无法确定数字属于哪一行";
    t.cells[id] = c;
  }
}

// Reads table 3 from the sequence of its values alone, for text whose labels stand away
// from their numbers (pdftotext without -layout, OCR). The values come in the template's
// row order, but a run of k rows may come column by column. Every way of cutting the
// sequence into such blocks is tried; a cut is valid when each row's 总计 equals the sum of
// its six applicant columns. The reading is accepted only when all valid cuts give the
// same numbers, or when exactly one of them also satisfies the table's column identities.
// Otherwise nothing is read: the cells stay ambiguous.
struct Decoding {
  std::vector<double> values;        // rows x 7
  std::vector<const Token*> tokens;  // same shape
};

bool solve_t3_sequence(const std::vector<Token>& seq, const std::vector<int>& rows,
                       std::vector<const Token*>* out) {
  const std::size_t n = rows.size();
  if (seq.size() != n * 7 || n == 0) return false;
  auto val = [&](std::size_t k) { return seq[k].kind == TokKind::number ? seq[k].value : 0.0; };
  for (const auto& tk : seq) {
    if (tk.kind == TokKind::number && (tk.negative || tk.decimal)) return false;
  }
  constexpr std::size_t kCap = 24;
  // suffix[i]: distinct decodings of rows i..n-1 (values and the tokens used).
  std::vector<std::vector<Decoding>> suffix(n + 1);
  suffix[n].push_back({});
  for (std::size_t i = n; i-- > 0;) {
    auto& here = suffix[i];
    for (std::size_t k = 1; i + k <= n; ++k) {
      for (int orient = 0; orient < (k == 1 ? 1 : 2); ++orient) {
        Decoding block;
        block.values.reserve(k * 7);
        block.tokens.reserve(k * 7);
        bool ok = true;
        for (std::size_t r = 0; r < k && ok; ++r) {
          double sum = 0;
          for (std::size_t c = 0; c < 7; ++c) {
            const std::size_t idx = i * 7 + (orient == 0 ? r * 7 + c : c * k + r);
            block.values.push_back(val(idx));
            block.tokens.push_back(&seq[idx]);
            if (c < 6) sum += val(idx);
          }
          ok = sum == block.values.back();
        }
        if (!ok) continue;
        for (const auto& rest : suffix[i + k]) {
          Decoding d;  // block + rest, allocated once
          d.values.reserve(block.values.size() + rest.values.size());
          d.values.assign(block.values.begin(), block.values.end());
          d.values.insert(d.values.end(), rest.values.begin(), rest.values.end());
          d.tokens.reserve(block.tokens.size() + rest.tokens.size());
          d.tokens.assign(block.tokens.begin(), block.tokens.end());
          d.tokens.insert(d.tokens.end(), rest.tokens.begin(), rest.tokens.end());
          bool dup = false;
          for (const auto& e : here) dup = dup || e.values == d.values;
          if (!dup) here.push_back(std::move(d));
          if (here.size() > kCap) return false;  // too many readings to settle
        }
      }
    }
  }
  std::vector<const Decoding*> found;
  for (const auto& d : suffix[0]) found.push_back(&d);
  if (found.size() > 1) {
    // Keep the readings that satisfy the column identities (T3-1, T3-2).
    std::vector<const Decoding*> keep;
    auto index_of = [&](int row) {
      for (std::size_t k = 0; k < n; ++k) {
        if (rows[k] == row) return static_cast<int>(k);
      }
      return -1;
    };
    const int rn = index_of(kRowNew), rc = index_of(kRowCarriedIn), rt = index_of(kRowResultsTotal),
              ro = index_of(kRowCarriedOut);
    for (const Decoding* d : found) {
      bool ok = rn >= 0 && rc >= 0 && rt >= 0 && ro >= 0;
      for (std::size_t c = 0; c < 7 && ok; ++c) {
        auto v = [&](int r) { return d->values[static_cast<std::size_t>(r) * 7 + c]; };
        ok = v(rn) + v(rc) == v(rt) + v(ro);
        double sum = 0;
        for (std::size_t k = 0; k < n; ++k) {
          if (rows[k] >= kRowFirstResult && rows[k] < kRowResultsTotal)
            sum += v(static_cast<int>(k));
        }
        ok = ok && sum == v(rt);
      }
      if (ok) keep.push_back(d);
    }
    found = keep;
  }
  if (found.size() != 1) return false;
  *out = found.front()->tokens;
  return true;
}

// Records a run of digits that could not be cut in exactly one way.
void run_issue(const Document& doc, Tables& t, const char* table, const char* label,
               const char* label_en, const std::vector<std::string>& ids,
               const std::vector<Segment>& segs, const std::vector<Split>& cands, bool complete,
               const std::string& why) {
  std::string run;
  for (const auto& sg : segs) run += (run.empty() ? "" : " ") + sg.digits;
  ShapeIssue is;
  is.kind = ShapeKind::run_together;
  is.table = table;
  is.row = label;
  is.row_en = label_en;
  is.offset = doc.orig(segs.front().nb);
  is.cells = ids;
  if (!complete) {
    is.hint = "连写数字“" + run + "”可拆分的方式过多，无法确定";
    is.hint_en = "the run-together digits '" + run + "' can be cut in too many ways";
    mark_run(doc, t, ids, segs, CellStatus::ambiguous, is.hint);
  } else if (cands.empty()) {
    is.hint =
        "连写数字“" + run + "”无法拆分为" + std::to_string(ids.size()) + "个满足表格算术关系的数字";
    is.hint_en = "the run-together digits '" + run + "' cannot be cut into " +
                 std::to_string(ids.size()) + " numbers that satisfy the table's arithmetic";
    mark_run(doc, t, ids, segs, CellStatus::unreadable, is.hint);
  } else {
    is.hint = "连写数字“" + run + "”有" + std::to_string(cands.size()) +
              (cands.size() > 8 ? "种以上" : "种") + "拆分方式（" + describe_candidates(cands) +
              "），" + why + "，无法确定";
    is.hint_en = "the run-together digits '" + run + "' can be cut in " +
                 std::to_string(cands.size()) + " ways (" + describe_candidates(cands) + ")";
    mark_run(doc, t, ids, segs, CellStatus::ambiguous, is.hint);
  }
  t.issues.push_back(std::move(is));
}

// Cells on which every possible cut agrees are known even when the row is not.
void settle_agreeing(const Document& doc, Tables& t, const std::vector<std::string>& ids,
                     const std::vector<Split>& cands, bool decimal_last) {
  if (cands.empty()) return;
  for (std::size_t k = 0; k < ids.size(); ++k) {
    bool same = true;
    for (const auto& c : cands) same = same && c[k].value == cands[0][k].value;
    if (!same) continue;
    const std::string note = t.cells[ids[k]].note;
    t.cells[ids[k]] = cell_from_part(
        doc, cands[0][k], decimal_last && k + 1 == ids.size(),
        std::string("连写数字的所有可能拆分在此栏一致，故可确定；同行其他栏无法确定（") + note +
            "）");
  }
}

// Numbers the narrative (outside table 2's region [nb, ne)) states for a table-2 row:
// "本年度制发的规范性文件88件", "现行有效行政规范性文件698件", "废止…规章3件".
// Returns made, repealed, in force; -1 where the text says nothing or says it twice
// differently.
std::array<double, 3> narrative_t2(const Document& doc, const char* key, std::size_t nb,
                                   std::size_t ne) {
  std::array<double, 3> out = {-1, -1, -1};
  std::array<bool, 3> clash = {false, false, false};
  const std::string& f = doc.flat.text;
  const std::size_t kl = std::strlen(key);
  for (std::size_t at = find_text(f, key); at != std::string::npos;
       at = find_text(f, key, at + kl)) {
    const std::size_t norm_at = doc.flat.pos[at];
    if (norm_at >= nb && norm_at < ne) continue;
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

void read_t2(Document& doc, Tables& t) {
  auto [nb, ne] = region_for(doc, 2, {"第二十条第(一)项", "本年制发件数"}, 0);
  if (nb == kNone) return;
  // A 2019-format table 2 has other columns: its cells are not those of cells.md.
  for (const auto& m : doc.outline.old_markers) {
    const std::size_t o = m.second;
    if (o >= doc.orig(nb) && o < doc.orig(ne)) return;
  }
  std::vector<LabelDef> defs = {
      {0, {"规章"}},
      {1, {"规范性文件"}},
      {2, {"行政许可"}},
      {3, {"行政处罚"}},
      {4, {"行政强制"}},
      {5, {"事业性收费"}},
      {-2, {"第二十条", "信息内容", "本年制发件数", "本年处理决定数量", "本年收费金额"}},
  };
  const auto toks = tokenize(doc, nb, ne);
  const auto labels = find_labels(label_text(doc, nb, ne, toks), defs);
  bool any = false;
  for (const auto& m : labels) any = any || m.row >= 0;
  if (!any) return;
  t.t2_found = true;
  const auto vals = collect(labels, toks, ne);
  for (std::size_t r = 0; r < kT2Rows.size(); ++r) {
    const auto& def = kT2Rows[r];
    std::vector<std::string> ids(def.ids.begin(), def.ids.end());
    const RowValues* rv = best_match(labels, vals, static_cast<int>(r), ids.size());
    if (!rv) {
      missing_row(t, "t2", def.label, def.label_en, ids);
      continue;
    }
    // pdftotext without -layout may put a block's number before its label, or after the
    // block's column header that follows the label.
    std::vector<Token> use = rv->after;
    if (use.empty() && rv->before.size() == ids.size()) use = rv->before;
    if (use.empty()) {
      std::vector<Token> later;
      std::size_t i = static_cast<std::size_t>(rv - vals.data()) + 1;
      for (; i < labels.size() && labels[i].row < 0; ++i) {
        later.insert(later.end(), vals[i].before.begin(), vals[i].before.end());
      }
      if (later.size() == ids.size()) use = later;
    }
    if (use.size() != ids.size()) {
      const auto segs = gap_digits(doc, *rv);
      if (!segs.empty()) {
        std::vector<Split> cands;
        const bool done = enumerate_splits(
            segs, ids.size(), def.decimal, [](const Split&) { return true; }, 64, &cands);
        // Table 2 has no arithmetic: the narrative may state the same numbers.
        std::string attested;
        if (done && cands.size() > 1 && ids.size() == 3) {
          const auto said = narrative_t2(doc, r == 0 ? "规章" : "规范性文件", nb, ne);
          // Each stated number is applied on its own; one that fits no cut (the text
          // may speak of another count) is ignored rather than trusted.
          for (std::size_t k = 0; k < 3; ++k) {
            if (said[k] < 0) continue;
            std::vector<Split> keep;
            for (const auto& c : cands) {
              if (c[k].value == said[k]) keep.push_back(c);
            }
            if (!keep.empty() && keep.size() < cands.size()) {
              cands = keep;
              attested = "，并与正文所述数字印证";
            }
          }
        }
        if (done && cands.size() == 1) {
          for (std::size_t k = 0; k < ids.size(); ++k) {
            t.cells[ids[k]] = cell_from_part(doc, cands[0][k], def.decimal && k + 1 == ids.size(),
                                             kRunNote + attested);
          }
        } else {
          run_issue(doc, t, "t2", def.label, def.label_en, ids, segs, cands, done,
                    "表二没有可用于拆分的算术关系");
          if (done) settle_agreeing(doc, t, ids, cands, def.decimal);
        }
        continue;
      }
    }
    assign_row(doc, t, "t2", def.label, def.label_en, ids, use, rv->nb, def.decimal);
  }
}

// A table-3 row whose run-together digits fit the row total in several ways.
struct PendingRow {
  int row;
  std::vector<Segment> segs;
  std::vector<Split> cands;
};

// Settles pending rows with the column identities (T3-1 balance, T3-2 results total),
// one row at a time, while the other operands of an identity are known.
void resolve_pending(const Document& doc, Tables& t, std::vector<PendingRow>& pending) {
  auto known = [&](int row, int col, double* v) {
    const CellRead* c = t.cell(t3_id(row, col));
    if (!c || c->status != CellStatus::ok || !c->value) return false;
    *v = *c->value;
    return true;
  };
  auto is_pending = [&](int row) {
    for (const auto& p : pending) {
      if (p.row == row) return true;
    }
    return false;
  };
  bool progress = true;
  while (progress && !pending.empty()) {
    progress = false;
    for (std::size_t pi = 0; pi < pending.size(); ++pi) {
      PendingRow& pr = pending[pi];
      std::vector<Split> keep;
      for (const auto& cand : pr.cands) {
        bool ok = true;
        for (int c = 0; c < 7 && ok; ++c) {
          const double mine = cand[static_cast<std::size_t>(c)].value;
          // Results total: rows 2..22 sum to row 23.
          if ((pr.row >= kRowFirstResult && pr.row <= kRowResultsTotal)) {
            double sum = 0, total = 0;
            bool all = true;
            for (int r = kRowFirstResult; r < kRowResultsTotal && all; ++r) {
              double v = 0;
              if (r == pr.row) {
                v = mine;
              } else if (is_pending(r)) {
                all = false;  // another open row: this identity settles nothing yet
              } else if (!t.cell(t3_id(r, c))) {
                continue;  // a row the layout lacks
              } else {
                all = known(r, c, &v);
              }
              sum += v;
            }
            if (pr.row == kRowResultsTotal) {
              total = mine;
            } else {
              all = all && known(kRowResultsTotal, c, &total);
            }
            if (all && sum != total) ok = false;
          }
          // Balance: new + carried in = results total + carried out.
          if (pr.row == kRowNew || pr.row == kRowCarriedIn || pr.row == kRowResultsTotal ||
              pr.row == kRowCarriedOut) {
            double v[4];
            const int rows[4] = {kRowNew, kRowCarriedIn, kRowResultsTotal, kRowCarriedOut};
            bool all = true;
            for (int k = 0; k < 4 && all; ++k) {
              if (rows[k] == pr.row) {
                v[k] = mine;
              } else {
                all = known(rows[k], c, &v[k]);
              }
            }
            if (all && v[0] + v[1] != v[2] + v[3]) ok = false;
          }
        }
        if (ok) keep.push_back(cand);
      }
      if (keep.size() == 1) {
        for (int c = 0; c < 7; ++c) {
          t.cells[t3_id(pr.row, c)] =
              cell_from_part(doc, keep[0][static_cast<std::size_t>(c)], false,
                             std::string(kRunNote) + "，并由列的勾稽关系确定");
        }
        pending.erase(pending.begin() + static_cast<long>(pi));
        progress = true;
        break;
      }
      if (!keep.empty()) pr.cands = keep;
    }
  }
  // Several rows still open: try their readings together against the column identities.
  std::size_t combos = 1;
  for (const auto& pr : pending) combos = std::min<std::size_t>(combos * pr.cands.size(), 1u << 20);
  if (!pending.empty() && combos <= 4096) {
    std::vector<std::size_t> pick(pending.size(), 0), found_pick;
    int found = 0;
    for (std::size_t n = 0; n < combos; ++n) {
      std::size_t rest = n;
      for (std::size_t k = 0; k < pending.size(); ++k) {
        pick[k] = rest % pending[k].cands.size();
        rest /= pending[k].cands.size();
      }
      auto value = [&](int row, int col, double* v) {
        for (std::size_t k = 0; k < pending.size(); ++k) {
          if (pending[k].row == row) {
            *v = pending[k].cands[pick[k]][static_cast<std::size_t>(col)].value;
            return true;
          }
        }
        const CellRead* c = t.cell(t3_id(row, col));
        if (!c || c->status != CellStatus::ok || !c->value) return false;
        *v = *c->value;
        return true;
      };
      bool ok = true;
      for (int c = 0; c < 7 && ok; ++c) {
        double v[4];
        const int rows[4] = {kRowNew, kRowCarriedIn, kRowResultsTotal, kRowCarriedOut};
        bool all = true;
        for (int k = 0; k < 4 && all; ++k) all = value(rows[k], c, &v[k]);
        if (all && v[0] + v[1] != v[2] + v[3]) ok = false;
        double sum = 0, x = 0;
        for (int r = kRowFirstResult; r < kRowResultsTotal && all; ++r) {
          if (!t.cell(t3_id(r, c)) && !is_pending(r)) continue;
          all = value(r, c, &x);
          sum += x;
        }
        if (all && value(kRowResultsTotal, c, &x) && sum != x) ok = false;
        if (!all) ok = false;  // an identity that cannot be evaluated settles nothing
      }
      if (ok && ++found == 1) found_pick = pick;
      if (found > 1) break;
    }
    if (found == 1) {
      for (std::size_t k = 0; k < pending.size(); ++k) {
        for (int c = 0; c < 7; ++c) {
          t.cells[t3_id(pending[k].row, c)] =
              cell_from_part(doc, pending[k].cands[found_pick[k]][static_cast<std::size_t>(c)],
                             false, std::string(kRunNote) + "，并由列的勾稽关系确定");
        }
      }
      pending.clear();
    }
  }
  for (const auto& pr : pending) {
    const auto& def = kT3Rows[static_cast<std::size_t>(pr.row)];
    std::vector<std::string> ids;
    for (int c = 0; c < 7; ++c) ids.push_back(t3_id(pr.row, c));
    run_issue(doc, t, "t3", def.label, def.label_en, ids, pr.segs, pr.cands, true,
              "表格的算术关系不足以确定");
    settle_agreeing(doc, t, ids, pr.cands, false);
  }
}

void read_t3(Document& doc, Tables& t) {
  auto [nb, ne] = region_for(doc, 3, {"申请人情况", "本年新收"}, 0);
  if (nb == kNone) return;
  std::vector<LabelDef> defs = {
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
      {-1, {"办理结果", "不予公开", "无法提供", "不予处理"}},
      {-3, {"其他处理", "(六)其"}},
      {-2, {"申请人情况", "勾稽关系"}},
  };
  const auto toks = tokenize(doc, nb, ne);
  const Compact lt = label_text(doc, nb, ne, toks);
  auto labels = find_labels(lt, defs);
  // A header line naming several row labels (OCR tables with a made-up header such as
  // "| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | …") is not a row.
  {
    std::map<std::size_t, int> per_line;
    // Line breaks found once: an rfind per label is quadratic on a long one-line input.
    std::vector<std::size_t> breaks;
    for (std::size_t k = doc.norm.text.find('\n'); k != std::string::npos && k < ne;
         k = doc.norm.text.find('\n', k + 1)) {
      breaks.push_back(k);
    }
    auto line_of = [&](std::size_t nb) {
      const auto it = std::upper_bound(breaks.begin(), breaks.end(), nb);
      return it == breaks.begin() ? std::size_t{0} : *(it - 1) + 1;
    };
    for (const auto& m : labels) {
      if (m.row >= 0) ++per_line[line_of(m.nb)];
    }
    labels.erase(std::remove_if(labels.begin(), labels.end(),
                                [&](const Match& m) {
                                  // A real header names at most seven rows; a line with more is a
                                  // whole table flattened onto one line.
                                  const int n = per_line[line_of(m.nb)];
                                  return m.row >= 0 && n >= 3 && n <= 7;
                                }),
                 labels.end());
  }
  // "3.其他" of group （六）: "其他" right after the enumerator and not followed by a CJK
  // character (which would make it 其他处理, 其他法律…, or a column header).
  {
    const Compact& f = lt;
    std::size_t group = kNone;
    for (const auto& m : labels) {
      if (m.row == -3) group = m.nb;
    }
    if (group != kNone) {
      const auto lo = static_cast<std::size_t>(
          std::lower_bound(f.pos.begin(), f.pos.end() - 1, static_cast<std::uint32_t>(group)) -
          f.pos.begin());
      const std::size_t hi = f.text.size();
      std::size_t at = find_text(f.text, "3.其他", lo);
      while (at != std::string::npos && at < hi) {
        std::size_t after = at + std::strlen("3.其他");
        char32_t next = 0;
        if (after < f.text.size()) {
          std::size_t i = after;
          next = next_cp(f.text, i);
        }
        if (!is_cjk(next)) {
          labels.push_back({22, f.pos[at], f.pos[after - 1] + 1});
          break;
        }
        at = find_text(f.text, "3.其他", after);
      }
      std::sort(labels.begin(), labels.end(),
                [](const Match& a, const Match& b) { return a.nb < b.nb; });
    }
  }
  bool any = false;
  for (const auto& m : labels) any = any || m.row >= 0;
  if (!any) return;
  t.t3_found = true;
  const auto vals = collect(labels, toks, ne);

  bool has_2021_other = false;
  for (const auto& m : labels) has_2021_other = has_2021_other || m.row == 20 || m.row == 21;
  // 2019 layout: （六）其他处理 is itself a data row.
  const RowValues* group6 = nullptr;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    if (labels[k].row == -3) group6 = &vals[k];
  }
  bool single_other = false;
  if (!has_2021_other && group6 && !group6->after.empty()) {
    single_other = true;
    t.t3_single_other_row = true;
    t.t3_single_other_offset = doc.orig(group6->nb);
  }

  const auto clash = conflicts(doc, labels, vals);
  const std::size_t issues_before = t.issues.size();
  std::vector<PendingRow> pending;
  for (int r = 0; r < 25; ++r) {
    const auto& def = kT3Rows[static_cast<std::size_t>(r)];
    if (single_other && (r == kRowNoCorrection || r == kRowUnpaidFee)) continue;
    std::vector<std::string> ids;
    for (int c = 0; c < 7; ++c) ids.push_back(t3_id(r, c));
    const RowValues* rv = nullptr;
    if (single_other && r == kRowOtherOther) {
      rv = group6;
    } else {
      rv = best_match(labels, vals, r, 7);
    }
    if (!rv) {
      missing_row(t, "t3", def.label, def.label_en, ids);
      continue;
    }
    if (rv->after.size() != 7) {
      const auto segs = gap_digits(doc, *rv);
      if (!segs.empty()) {
        std::vector<Split> cands;
        const bool done = enumerate_splits(
            segs, 7, false,
            [](const Split& sp) {
              double sum = 0;
              for (std::size_t k = 0; k < 6; ++k) sum += sp[k].value;
              return sum == sp[6].value;
            },
            64, &cands);
        if (done && cands.size() == 1) {
          for (int c = 0; c < 7; ++c) {
            t.cells[ids[static_cast<std::size_t>(c)]] =
                cell_from_part(doc, cands[0][static_cast<std::size_t>(c)], false, kRunNote);
          }
        } else if (done && !cands.empty() && cands.size() <= 64) {
          pending.push_back({r, segs, cands});
        } else {
          run_issue(doc, t, "t3", def.label, def.label_en, ids, segs, cands, done,
                    "每行总计关系不足以确定");
        }
        continue;
      }
    }
    int partner = -1;
    for (const auto& [a, b] : clash) {
      if (a == r) partner = b;
      if (b == r) partner = a;
    }
    if (partner >= 0) {
      const auto& other = kT3Rows[static_cast<std::size_t>(partner)];
      mark_conflict(doc, t, ids, rv, other.label);
      ShapeIssue is;
      is.kind = ShapeKind::conflict;
      is.table = "t3";
      is.row = def.label;
      is.row_en = def.label_en;
      is.offset = doc.orig(rv->nb);
      is.cells = ids;
      is.hint = other.label;
      is.hint_en = other.label_en;
      t.issues.push_back(std::move(is));
      continue;
    }
    assign_row(doc, t, "t3", def.label, def.label_en, ids, rv->after, rv->nb, false);
  }
  resolve_pending(doc, t, pending);
  if (t.issues.size() == issues_before) return;
  // The labels did not settle the table: try its values in template order.
  // Without the 2021 rows 1./2. of （六） the table has the 2019 shape (23 rows).
  const bool shape_2019 = single_other || !has_2021_other;
  std::vector<int> rows;
  for (int r = 0; r < 25; ++r) {
    if (!(shape_2019 && (r == kRowNoCorrection || r == kRowUnpaidFee))) rows.push_back(r);
  }
  std::vector<const Token*> solved;
  if (!solve_t3_sequence(toks, rows, &solved)) return;
  t.issues.resize(issues_before);
  if (shape_2019 && !single_other) {
    t.t3_single_other_row = true;
    t.t3_single_other_offset = group6 ? doc.orig(group6->nb) : doc.orig(toks.front().nb);
    for (int r : {kRowNoCorrection, kRowUnpaidFee}) {
      for (int c = 0; c < 7; ++c) t.cells.erase(t3_id(r, c));
    }
  }
  for (std::size_t k = 0; k < rows.size(); ++k) {
    for (int c = 0; c < 7; ++c) {
      CellRead cell = cell_from(doc, *solved[k * 7 + static_cast<std::size_t>(c)], false);
      cell.note =
          "行标签与数字分离（如不带 -layout 的 PDF 文本），按模板行序和每行“总计=各栏之和”还原";
      t.cells[t3_id(rows[k], c)] = cell;
    }
  }
}

void read_t4(Document& doc, Tables& t) {
  std::size_t after = 0;
  if (const SectionInfo* s3 = doc.outline.section(3)) after = s3->norm_body;
  auto [nb, ne] = region_for(doc, 4, {"结果维持", "复议后起诉", "直接起诉"}, after);
  if (nb == kNone) return;
  std::vector<LabelDef> defs = {{0, {"行政复议"}},
                                {1, {"直接起诉"}},
                                {2, {"复议后起诉"}},
                                {-2, {"行政诉讼", "结果维持", "尚未审结"}}};
  const auto all = tokenize(doc, nb, ne);
  const auto labels = find_labels(label_text(doc, nb, ne, all), defs);
  if (labels.empty()) return;
  t.t4_found = true;
  // Values from the first header onwards; the table has no row labels.
  std::vector<Token> toks;
  for (const auto& tk : all) {
    if (tk.nb >= labels.front().nb) toks.push_back(tk);
  }
  std::vector<std::string> ids;
  for (int g = 0; g < 3; ++g) {
    for (int c = 0; c < 5; ++c) ids.push_back(t4_id(g, c));
  }
  if (toks.empty()) {
    // Run-together digits after the last header word.
    RowValues rv;
    rv.ne = labels.back().ne;
    rv.next = ne;
    const auto segs = gap_digits(doc, rv);
    if (!segs.empty()) {
      std::vector<Split> cands;
      const bool done = enumerate_splits(
          segs, 15, false,
          [](const Split& sp) {
            for (std::size_t g = 0; g < 3; ++g) {
              double sum = 0;
              for (std::size_t k = 0; k < 4; ++k) sum += sp[g * 5 + k].value;
              if (sum != sp[g * 5 + 4].value) return false;
            }
            return true;
          },
          8, &cands);
      if (done && cands.size() == 1) {
        for (std::size_t k = 0; k < ids.size(); ++k) {
          t.cells[ids[k]] = cell_from_part(doc, cands[0][k], false, kRunNote);
        }
      } else {
        run_issue(doc, t, "t4", "表四数据行", "table 4 data row", ids, segs, cands, done,
                  "各组总计关系不足以确定");
      }
      return;
    }
  }
  // In pasted tables the fifteen values form one run after the headers. When header
  // words stand between them (pdftotext without -layout) their order is not the table's.
  bool interleaved = false;
  if (!toks.empty()) {
    for (const auto& m : labels) {
      interleaved = interleaved || (m.nb > toks.front().nb && m.nb < toks.back().nb);
    }
  }
  if (interleaved && toks.size() == ids.size()) {
    // Three runs of five, each under its own group heading (OCR'd markdown writes the
    // table as three small tables): map each run by its heading.
    std::vector<std::vector<const Token*>> runs;
    std::vector<int> run_group;
    std::size_t li = 0;
    int last_group = -1;
    for (const auto& tk : toks) {
      bool boundary = runs.empty();
      while (li < labels.size() && labels[li].nb < tk.nb) {
        if (labels[li].row >= 0) last_group = labels[li].row;
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
    if (by_heading) {
      for (std::size_t k = 0; k < 3; ++k) {
        for (int c = 0; c < 5; ++c) {
          t.cells[t4_id(run_group[k], c)] =
              cell_from(doc, *runs[k][static_cast<std::size_t>(c)], false);
        }
      }
      return;
    }
  }
  if (interleaved && toks.size() == ids.size()) {
    ShapeIssue is;
    is.kind = ShapeKind::cell_count;
    is.table = "t4";
    is.row = "表四数据行";
    is.row_en = "table 4 data row";
    is.expected = is.found = static_cast<int>(ids.size());
    is.offset = doc.orig(toks.front().nb);
    is.cells = ids;
    is.hint = "数字与表头文字交错排列（常见于不带 -layout 的 PDF 文本），无法确定各数字所属的栏目";
    is.hint_en =
        "the numbers are interleaved with header words (typical of PDF text extracted "
        "without layout), so their columns cannot be settled";
    for (const auto& id : ids) {
      CellRead c;
      c.status = CellStatus::ambiguous;
      c.offset = is.offset;
      c.note = is.hint;
      t.cells[id] = c;
    }
    t.issues.push_back(std::move(is));
    return;
  }
  const std::size_t before = t.issues.size();
  assign_row(doc, t, "t4", "表四数据行", "table 4 data row", ids, toks, labels.front().nb, false);
  if (t.issues.size() > before && !toks.empty()) {
    // T4-4: runs of five whose fifth equals the sum of the first four.
    std::string hint, hint_en;
    for (std::size_t k = 0; k + 5 <= toks.size(); ++k) {
      bool numbers = true;
      double sum = 0;
      for (std::size_t j = 0; j < 5; ++j) numbers = numbers && toks[k + j].kind == TokKind::number;
      if (!numbers) continue;
      for (std::size_t j = 0; j < 4; ++j) sum += toks[k + j].value;
      if (sum > 0 && sum == toks[k + 4].value) {
        auto num = [&](std::size_t j) { return doc.raw(toks[k + j].nb, toks[k + j].ne); };
        hint = "其中第" + std::to_string(k + 1) + "至" + std::to_string(k + 5) + "个数字（" +
               num(0) + "、" + num(1) + "、" + num(2) + "、" + num(3) + "、" + num(4) +
               "）满足“前四项之和等于总计”，可能是其中一组（如行政复议）；其余数字无法确定归属";
        hint_en = "numbers " + std::to_string(k + 1) + "-" + std::to_string(k + 5) +
                  " satisfy 'first four sum to the total' and may be one group (e.g. "
                  "administrative review); the others cannot be placed";
        break;
      }
    }
    t.issues.back().hint = hint;
    t.issues.back().hint_en = hint_en;
  }
}

}  // namespace

void read_tables(Document& doc) {
  Tables& t = doc.tables;
  if (doc.outline.format == FormatVersion::pre2019) return;
  read_t2(doc, t);
  read_t3(doc, t);
  read_t4(doc, t);
}

}  // namespace nianbao::detail
