// The tables as the narrative rules compare with them (table_readings.hpp).
#include "rules/narrative/table_readings.hpp"

#include <array>
#include <cstdlib>

#include "rules/rule.hpp"

namespace nianbao::detail {

namespace {

constexpr std::size_t kT4First = kT2CellCount + kT3CellCount;

std::optional<double> plain(const CellRead* c) {
  if (!c) return std::nullopt;
  if (c->status == CellStatus::blank || c->status == CellStatus::placeholder) return 0.0;
  if (c->status != CellStatus::ok || !c->value) return std::nullopt;
  return c->value;
}

// The numbers of table 4's data row that the reader could not map onto its cells (too many or
// too few for 15 cells), as the reader recorded them: blanks between numbers count 0. None when
// there is no such row, when it is long (over 20 numbers), or when a number is not plainly
// written (a placeholder, a unit, separators): its place in a reading would be a guess.
std::optional<std::vector<double>> row_numbers(const Tables& t) {
  for (const ShapeIssue& is : t.issues) {
    if (is.table != 4 || is.kind != ShapeKind::cell_count || is.found == is.expected) continue;
    if (is.numbers.size() > 20) return std::nullopt;
    std::vector<double> nums;
    nums.reserve(is.numbers.size());
    for (const CellRead& c : is.numbers) {
      if (c.status == CellStatus::blank) {
        nums.push_back(0);
        continue;
      }
      if (c.status != CellStatus::ok || !c.value) return std::nullopt;
      char* end = nullptr;
      std::strtod(c.raw.c_str(), &end);
      if (c.raw.empty() || end != c.raw.c_str() + c.raw.size()) return std::nullopt;
      nums.push_back(*c.value);
    }
    return nums;
  }
  return std::nullopt;
}

// The 15 cells with `nums` placed, in order, into the cells of `mask` (the others blank).
std::array<double, 15> place(const std::vector<double>& nums, unsigned mask) {
  std::array<double, 15> cells{};
  std::size_t k = 0;
  for (std::size_t s = 0; s < 15; ++s) {
    if (mask & (1u << s)) cells[s] = nums[k++];
  }
  return cells;
}

// Every group's total equals the sum of its parts.
bool consistent(const std::array<double, 15>& cells) {
  bool ok = true;
  for (std::size_t g = 0; g < 3; ++g) {
    double parts = 0;
    for (std::size_t j = 0; j < 4; ++j) parts += cells[g * 5 + j];
    ok = ok && parts == cells[g * 5 + 4];
  }
  return ok;
}

}  // namespace

TableReadings::TableReadings(const Document& doc) : doc_(doc) {
  Reading direct(15);
  for (std::size_t k = 0; k < 15; ++k) {
    const CellRead* x = doc.tables.cell(CellId(kT4First + k));
    direct[k] = plain(x);
    t4_ambiguous_ = t4_ambiguous_ || (x && x->status == CellStatus::ambiguous);
  }
  if (t4_ambiguous_) {
    enumerate(doc.tables);
  } else {
    readings_.push_back(direct);
  }
}

// T4-4: the numbers of an ambiguous data row placed, in order, into 15 slots (the others
// blank); readings where every group's total equals the sum of its parts are kept.
void TableReadings::enumerate(const Tables& t) {
  const auto nums = row_numbers(t);
  if (!nums) return;
  t4_numbers_.clear();
  for (double v : *nums) t4_numbers_ += (t4_numbers_.empty() ? "" : " ") + fmt_num(v);
  const int n = static_cast<int>(nums->size());
  if (n == 0 || n >= 15) return;
  // The masks are collected and the readings built at the end: most of them are inconsistent.
  std::vector<unsigned> all, kept;
  // The masks of exactly n of the 15 cells, in increasing order (Gosper's hack: the next
  // larger integer with the same number of bits set).
  for (unsigned mask = (1u << n) - 1; mask < (1u << 15);) {
    const bool ok = consistent(place(*nums, mask));
    // Inconsistent readings are kept only while no consistent one has been found.
    if (ok || kept.empty()) (ok ? kept : all).push_back(mask);
    const unsigned low = mask & (0u - mask);
    const unsigned ripple = mask + low;
    mask = (((ripple ^ mask) >> 2) / low) | ripple;
  }
  const std::vector<unsigned>& masks = kept.empty() ? all : kept;
  readings_.reserve(masks.size());
  for (const unsigned mask : masks) {
    const std::array<double, 15> cells = place(*nums, mask);
    readings_.emplace_back(cells.begin(), cells.end());
  }
}

std::optional<double> TableReadings::value(CellId id, std::size_t reading) const {
  if (table_of(id) != 4) return plain(doc_.tables.cell(id));
  if (readings_.empty()) return std::nullopt;
  return readings_[reading][index(id) - kT4First];
}

std::optional<double> TableReadings::sum(const Formula& f, std::size_t reading) const {
  double s = 0;
  for (const CellId id : f.ids) {
    const auto v = value(id, reading);
    if (!v) return std::nullopt;
    s += *v;
  }
  return s;
}

bool TableReadings::uses_t4(const Formula& f) const {
  for (const CellId id : f.ids) {
    if (table_of(id) == 4) return true;
  }
  return false;
}

std::set<double> TableReadings::possible(const Formula& f) const {
  std::set<double> out;
  const std::size_t readings = uses_t4(f) ? reading_count() : 1;
  for (std::size_t r = 0; r < readings; ++r) {
    const auto v = sum(f, r);
    if (v) out.insert(*v);
  }
  return out;
}

std::string values_text(const std::set<double>& vs) {
  std::string s;
  for (double v : vs) s += (s.empty() ? "" : "、") + fmt_num(v);
  return s;
}

}  // namespace nianbao::detail
