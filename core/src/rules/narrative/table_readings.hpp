// The tables as the narrative rules compare with them: cells of tables 2 and 3 as read, table 4
// as one or more readings. When the table reader could not place table 4's numbers (T4-4), every
// placement of them into the 15 cells where each group's total equals the sum of its parts is a
// reading; a narrative figure is then compared with all of them.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "document.hpp"

namespace nianbao::detail {

// A sum of cells the narrative is compared with, and how messages name it.
struct Formula {
  std::string zh, en;
  std::vector<CellId> ids;
};

class TableReadings {
 public:
  explicit TableReadings(const Document& doc);
  bool t4_ambiguous() const { return t4_ambiguous_; }
  // The numbers of table 4's ambiguous row, as messages quote them ("5 2 0 0 7").
  const std::string& t4_numbers() const { return t4_numbers_; }
  std::size_t reading_count() const { return readings_.size(); }

  // A cell's value under one reading (tables 2 and 3 have one); blank and placeholder cells
  // count as 0, missing and unreadable ones have none.
  std::optional<double> value(CellId id, std::size_t reading) const;
  std::optional<double> sum(const Formula& f, std::size_t reading) const;
  bool uses_t4(const Formula& f) const;
  // The values a formula takes over all readings (empty: unusable).
  std::set<double> possible(const Formula& f) const;

 private:
  using Reading = std::vector<std::optional<double>>;  // the 15 table-4 cells
  void enumerate(const Tables& t);

  const Document& doc_;
  std::vector<Reading> readings_;
  bool t4_ambiguous_ = false;
  std::string t4_numbers_;
};

// "a、b、c": the values a formula may take, for messages.
std::string values_text(const std::set<double>& vs);

}  // namespace nianbao::detail
