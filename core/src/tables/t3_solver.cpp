// Table 3 settled by its own arithmetic, where the labels alone cannot settle it.
//
// Pending rows: a row of run-together digits that fits its row total in several ways is cut
// by the column identities (T3-1 balance: new + carried in = results total + carried out;
// T3-2: the result rows sum to the results total), first one row at a time while the other
// operands of an identity are known, then all open rows together.
//
// Template order: for text whose labels stand away from their numbers (pdftotext without
// -layout, OCR), the values come in the template's row order, but a run of k rows may come
// column by column. Every way of cutting the sequence into such blocks is tried; a cut is
// valid when each row's 总计 equals the sum of its six applicant columns. The reading is
// accepted only when all valid cuts give the same numbers, or when exactly one of them also
// satisfies the table's column identities. Otherwise nothing is read: the cells stay
// ambiguous.
#include <algorithm>
#include <string>

#include "tables/tables_internal.hpp"

namespace nianbao::detail::tables {

namespace {

constexpr int kBalanceRows[4] = {kRowNew, kRowCarriedIn, kRowResultsTotal, kRowCarriedOut};
const char* const kSettledNote = "，并由列的勾稽关系确定";

// ----- pending rows ------------------------------------------------------------------------

// The rows being settled, against the cells read so far.
struct Pending {
  const Tables& t;
  std::vector<PendingRow>& rows;

  bool is_pending(int row) const {
    for (const auto& p : rows) {
      if (p.row == row) return true;
    }
    return false;
  }
  // A cell read with a value.
  bool known(int row, int col, double* v) const {
    const CellRead* c = t.cell(t3_cell(row, col));
    if (!c || c->status != CellStatus::ok || !c->value) return false;
    *v = *c->value;
    return true;
  }
  // A row of the layout (pending rows have no cells yet).
  bool in_layout(int row, int col) const { return t.cell(t3_cell(row, col)) || is_pending(row); }
};

// Results total (T3-2) in column c with `mine` in row `row`: false only when every other
// operand is known and the sum fails.
bool results_total_holds(const Pending& p, int row, int c, double mine) {
  double sum = 0, total = 0;
  bool all = true;
  for (int r = kRowFirstResult; r < kRowResultsTotal && all; ++r) {
    double v = 0;
    if (r == row) {
      v = mine;
    } else if (p.is_pending(r)) {
      all = false;  // another open row: this identity settles nothing yet
    } else if (!p.t.cell(t3_cell(r, c))) {
      continue;  // a row the layout lacks
    } else {
      all = p.known(r, c, &v);
    }
    sum += v;
  }
  if (row == kRowResultsTotal) {
    total = mine;
  } else {
    all = all && p.known(kRowResultsTotal, c, &total);
  }
  return !(all && sum != total);
}

// Balance (T3-1) in column c with `mine` in row `row`: false only when the other three
// operands are known and the balance fails.
bool balance_holds(const Pending& p, int row, int c, double mine) {
  double v[4];
  bool all = true;
  for (int k = 0; k < 4 && all; ++k) {
    if (kBalanceRows[k] == row) {
      v[k] = mine;
    } else {
      all = p.known(kBalanceRows[k], c, &v[k]);
    }
  }
  return !(all && v[0] + v[1] != v[2] + v[3]);
}

bool in_balance(int row) {
  return row == kRowNew || row == kRowCarriedIn || row == kRowResultsTotal || row == kRowCarriedOut;
}

// A cut of one pending row against the identities whose other operands are known.
bool cut_fits(const Pending& p, int row, const Split& cut) {
  for (int c = 0; c < 7; ++c) {
    const double mine = cut[static_cast<std::size_t>(c)].value;
    if (row >= kRowFirstResult && row <= kRowResultsTotal &&
        !results_total_holds(p, row, c, mine)) {
      return false;
    }
    if (in_balance(row) && !balance_holds(p, row, c, mine)) return false;
  }
  return true;
}

void fill_settled(const Document& doc, Tables& t, const RunRow& run, const Split& cut) {
  fill_cut(doc, t, run.spec, cut, std::string(kRunNote) + kSettledNote);
}

// One row at a time: a row left with one fitting cut is settled, which may settle others.
void settle_one_by_one(const Document& doc, Tables& t, std::vector<PendingRow>& pending) {
  const Pending p{t, pending};
  bool progress = true;
  while (progress && !pending.empty()) {
    progress = false;
    for (std::size_t pi = 0; pi < pending.size(); ++pi) {
      PendingRow& pr = pending[pi];
      std::vector<Split> keep;
      for (const auto& cand : pr.run.cands) {
        if (cut_fits(p, pr.row, cand)) keep.push_back(cand);
      }
      if (keep.size() == 1) {
        fill_settled(doc, t, pr.run, keep[0]);
        pending.erase(pending.begin() + static_cast<long>(pi));
        progress = true;
        break;
      }
      if (!keep.empty()) pr.run.cands = keep;
    }
  }
}

// One pick of a cut per open row, against the cells read.
struct Combination {
  const Pending& p;
  const std::vector<std::size_t>& pick;

  bool value(int row, int col, double* v) const {
    for (std::size_t k = 0; k < p.rows.size(); ++k) {
      if (p.rows[k].row == row) {
        *v = p.rows[k].run.cands[pick[k]][static_cast<std::size_t>(col)].value;
        return true;
      }
    }
    return p.known(row, col, v);
  }
  // Both identities in every column, each fully evaluable.
  bool holds() const {
    for (int c = 0; c < 7; ++c) {
      double v[4];
      bool all = true;
      for (int k = 0; k < 4 && all; ++k) all = value(kBalanceRows[k], c, &v[k]);
      if (all && v[0] + v[1] != v[2] + v[3]) return false;
      double sum = 0, x = 0;
      for (int r = kRowFirstResult; r < kRowResultsTotal && all; ++r) {
        if (!p.in_layout(r, c)) continue;
        all = value(r, c, &x);
        sum += x;
      }
      if (all && value(kRowResultsTotal, c, &x) && sum != x) return false;
      if (!all) return false;  // an identity that cannot be evaluated settles nothing
    }
    return true;
  }
};

// Several rows still open: their cuts tried together; settled when exactly one combination
// satisfies the identities.
void settle_together(const Document& doc, Tables& t, std::vector<PendingRow>& pending) {
  std::size_t combos = 1;
  for (const auto& pr : pending) {
    combos = std::min<std::size_t>(combos * pr.run.cands.size(), 1u << 20);
  }
  if (pending.empty() || combos > 4096) return;
  const Pending p{t, pending};
  std::vector<std::size_t> pick(pending.size(), 0), found_pick;
  int found = 0;
  for (std::size_t n = 0; n < combos && found <= 1; ++n) {
    std::size_t rest = n;
    for (std::size_t k = 0; k < pending.size(); ++k) {
      pick[k] = rest % pending[k].run.cands.size();
      rest /= pending[k].run.cands.size();
    }
    if (Combination{p, pick}.holds() && ++found == 1) found_pick = pick;
  }
  if (found != 1) return;
  for (std::size_t k = 0; k < pending.size(); ++k) {
    fill_settled(doc, t, pending[k].run, pending[k].run.cands[found_pick[k]]);
  }
  pending.clear();
}

// ----- template order ----------------------------------------------------------------------

struct Decoding {
  std::vector<double> values;        // rows x 7
  std::vector<const Token*> tokens;  // same shape
};

// Rows i..i+k-1 of the sequence as one block, row by row (orient 0) or column by column
// (orient 1); false when a row's total is not the sum of its columns.
bool decode_block(const std::vector<Token>& seq, std::size_t i, std::size_t k, int orient,
                  Decoding* block) {
  auto val = [&](std::size_t x) { return seq[x].kind == TokKind::number ? seq[x].value : 0.0; };
  auto at = [&](std::size_t r, std::size_t c) {
    return i * 7 + (orient == 0 ? r * 7 + c : c * k + r);
  };
  // Most blocks fail: their sums are checked before anything is copied.
  for (std::size_t r = 0; r < k; ++r) {
    double sum = 0;
    for (std::size_t c = 0; c < 6; ++c) sum += val(at(r, c));
    if (sum != val(at(r, 6))) return false;
  }
  block->values.reserve(k * 7);
  block->tokens.reserve(k * 7);
  for (std::size_t r = 0; r < k; ++r) {
    for (std::size_t c = 0; c < 7; ++c) {
      block->values.push_back(val(at(r, c)));
      block->tokens.push_back(&seq[at(r, c)]);
    }
  }
  return true;
}

// Adds block + rest to `here` unless the same values are there. False when there are too
// many readings to settle.
bool add_decoding(const Decoding& block, const Decoding& rest, std::vector<Decoding>& here) {
  constexpr std::size_t kCap = 24;
  const std::size_t bn = block.values.size();
  // Compared in place: block + rest is built only when it is new.
  const bool dup = std::any_of(here.begin(), here.end(), [&](const Decoding& e) {
    return e.values.size() == bn + rest.values.size() &&
           std::equal(block.values.begin(), block.values.end(), e.values.begin()) &&
           std::equal(rest.values.begin(), rest.values.end(), e.values.begin() + bn);
  });
  if (!dup) {
    Decoding d;  // block + rest, allocated once
    d.values.reserve(bn + rest.values.size());
    d.values.assign(block.values.begin(), block.values.end());
    d.values.insert(d.values.end(), rest.values.begin(), rest.values.end());
    d.tokens.reserve(block.tokens.size() + rest.tokens.size());
    d.tokens.assign(block.tokens.begin(), block.tokens.end());
    d.tokens.insert(d.tokens.end(), rest.tokens.begin(), rest.tokens.end());
    here.push_back(std::move(d));
  }
  return here.size() <= kCap;
}

// The readings that satisfy the column identities (T3-1, T3-2).
std::vector<const Decoding*> keep_balanced(const std::vector<const Decoding*>& found,
                                           const std::vector<int>& rows) {
  const std::size_t n = rows.size();
  auto index_of = [&](int row) {
    for (std::size_t k = 0; k < n; ++k) {
      if (rows[k] == row) return static_cast<int>(k);
    }
    return -1;
  };
  const int rn = index_of(kRowNew), rc = index_of(kRowCarriedIn), rt = index_of(kRowResultsTotal),
            ro = index_of(kRowCarriedOut);
  std::vector<const Decoding*> keep;
  for (const Decoding* d : found) {
    bool ok = rn >= 0 && rc >= 0 && rt >= 0 && ro >= 0;
    for (std::size_t c = 0; c < 7 && ok; ++c) {
      auto v = [&](int r) { return d->values[static_cast<std::size_t>(r) * 7 + c]; };
      ok = v(rn) + v(rc) == v(rt) + v(ro);
      double sum = 0;
      for (std::size_t k = 0; k < n; ++k) {
        if (rows[k] >= kRowFirstResult && rows[k] < kRowResultsTotal) sum += v(static_cast<int>(k));
      }
      ok = ok && sum == v(rt);
    }
    if (ok) keep.push_back(d);
  }
  return keep;
}

}  // namespace

void resolve_pending(const Document& doc, Tables& t, std::vector<PendingRow>& pending) {
  settle_one_by_one(doc, t, pending);
  settle_together(doc, t, pending);
  for (const auto& pr : pending) {
    run_issue(doc, t, pr.run, "表格的算术关系不足以确定");
    settle_agreeing(doc, t, pr.run.spec, pr.run.cands);
  }
}

bool solve_t3_sequence(const std::vector<Token>& seq, const std::vector<int>& rows,
                       std::vector<const Token*>* out) {
  const std::size_t n = rows.size();
  if (seq.size() != n * 7 || n == 0) return false;
  for (const auto& tk : seq) {
    if (tk.kind == TokKind::number && (tk.negative || tk.decimal)) return false;
  }
  // suffix[i]: distinct decodings of rows i..n-1 (values and the tokens used).
  std::vector<std::vector<Decoding>> suffix(n + 1);
  suffix[n].push_back({});
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t k = 1; i + k <= n; ++k) {
      for (int orient = 0; orient < (k == 1 ? 1 : 2); ++orient) {
        Decoding block;
        if (!decode_block(seq, i, k, orient, &block)) continue;
        for (const auto& rest : suffix[i + k]) {
          if (!add_decoding(block, rest, suffix[i])) return false;
        }
      }
    }
  }
  std::vector<const Decoding*> found;
  for (const auto& d : suffix[0]) found.push_back(&d);
  if (found.size() > 1) found = keep_balanced(found, rows);
  if (found.size() != 1) return false;
  *out = found.front()->tokens;
  return true;
}

}  // namespace nianbao::detail::tables
