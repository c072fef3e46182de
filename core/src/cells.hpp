// The canonical cells of tables 2, 3 and 4 (../shared/spec/cells.md), from one table.
//
// Every cell has a dense index (CellId) in canonical order: table 2 (10 cells), table 3 row by
// row (25 rows x 7 columns), table 4 group by group (3 groups x 5 columns). The string ids
// ("t3.new.natural_person"), the zh/en labels of rows and columns, the public catalogue
// (nianbao::cell_catalogue(), `cells()` in the WebAssembly module, used by the page) and the
// dense cell store of the table reader (CellArray) all come from the definitions here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::detail {

// ----- the one table -------------------------------------------------------------------
inline constexpr std::array<const char*, 7> kT3Columns = {
    "natural_person", "commercial", "research", "social_welfare",
    "legal_service",  "other_org",  "total"};
inline constexpr std::array<const char*, 7> kT3ColumnLabels = {
    "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};
inline constexpr std::array<const char*, 7> kT3ColumnLabelsEn = {
    "natural person", "commercial", "research", "social welfare",
    "legal service",  "other",      "total"};
// For readers (CellInfo::column_heading etc.): the Chinese headings are kT3ColumnLabels; columns
// 1-5 stand under the heading 法人或其他组织.
inline constexpr std::array<const char*, 7> kT3ColumnHeadingsEn = {
    "Natural persons", "Businesses", "Research bodies", "Public-interest orgs", "Legal services",
    "Other orgs",      "Total"};
inline constexpr const char* kT3ColumnGroup = "法人或其他组织";
inline constexpr const char* kT3ColumnGroupEn = "Legal persons and other organisations";

struct RowDef {
  const char* id;
  const char* label;  // official label (short form for messages)
  const char* label_en;
  // For readers (CellInfo): the row's heading in the form's table (spec/cells.md; a group's
  // heading on its first row only), in English, and the row on its own in English (`label` is
  // the Chinese one).
  const char* heading;
  const char* heading_en;
  const char* display_en;
};
// The 25 rows of table 3, in order. Index 0 = new ... 23 = results_total, 24 = carried_out.
extern const std::array<RowDef, 25> kT3Rows;
inline constexpr int kRowNew = 0, kRowCarriedIn = 1, kRowFirstResult = 2, kRowOtherOther = 22,
                     kRowNoCorrection = 20, kRowUnpaidFee = 21, kRowResultsTotal = 23,
                     kRowCarriedOut = 24;

inline constexpr std::array<const char*, 3> kT4Groups = {"review", "suit_direct",
                                                         "suit_after_review"};
inline constexpr std::array<const char*, 3> kT4GroupLabels = {"行政复议", "未经复议直接起诉",
                                                              "复议后起诉"};
inline constexpr std::array<const char*, 3> kT4GroupLabelsEn = {
    "administrative review", "lawsuit without review", "lawsuit after review"};
inline constexpr std::array<const char*, 5> kT4Columns = {"upheld", "corrected", "other", "pending",
                                                          "total"};
inline constexpr std::array<const char*, 5> kT4ColumnLabels = {"结果维持", "结果纠正", "其他结果",
                                                               "尚未审结", "总计"};
inline constexpr std::array<const char*, 5> kT4ColumnLabelsEn = {"upheld", "corrected", "other",
                                                                 "pending", "total"};
// For readers: a group's row heading (both levels of the form's heading) and English column
// headings (the Chinese ones are kT4ColumnLabels).
inline constexpr std::array<const char*, 3> kT4GroupHeadings = {
    "行政复议", "行政诉讼 · 未经复议直接起诉", "行政诉讼 · 复议后起诉"};
inline constexpr std::array<const char*, 3> kT4GroupHeadingsEn = {
    "Administrative review", "Litigation · without review", "Litigation · after review"};
inline constexpr std::array<const char*, 5> kT4ColumnHeadingsEn = {
    "Upheld", "Corrected", "Other result", "Pending", "Total"};

struct T2RowDef {
  const char* label;
  const char* label_en;
  std::vector<const char*> ids;  // cell ids in column order
  bool decimal;
  // For readers: the row's heading in English (the Chinese one is `label`) and, for a one-cell
  // row, its column heading (three-cell rows: kT2DocColumnLabels, kT2DocColumnHeadingsEn).
  const char* heading_en;
  const char* column;
  const char* column_en;
};
extern const std::vector<T2RowDef> kT2Rows;
inline constexpr std::array<const char*, 3> kT2DocColumnLabels = {"本年制发件数", "本年废止件数",
                                                                  "现行有效件数"};
inline constexpr std::array<const char*, 3> kT2DocColumnLabelsEn = {
    "issued this year", "repealed this year", "in force"};
inline constexpr std::array<const char*, 3> kT2DocColumnHeadingsEn = {
    "Issued this year", "Repealed this year", "In force"};

// ----- dense ids ------------------------------------------------------------------------
inline constexpr std::size_t kT2CellCount = 10;
inline constexpr std::size_t kT3CellCount = kT3Rows.size() * kT3Columns.size();
inline constexpr std::size_t kT4CellCount = kT4Groups.size() * kT4Columns.size();
inline constexpr std::size_t kCellCount = kT2CellCount + kT3CellCount + kT4CellCount;

// A cell's index in canonical order, [0, kCellCount).
enum class CellId : std::uint16_t {};
inline constexpr std::size_t index(CellId id) { return static_cast<std::size_t>(id); }
inline constexpr CellId t2_cell(std::size_t k) { return CellId(k); }
inline constexpr CellId t3_cell(int row, int col) {
  return CellId(kT2CellCount + static_cast<std::size_t>(row) * kT3Columns.size() +
                static_cast<std::size_t>(col));
}
inline constexpr CellId t4_cell(int group, int col) {
  return CellId(kT2CellCount + kT3CellCount + static_cast<std::size_t>(group) * kT4Columns.size() +
                static_cast<std::size_t>(col));
}
inline constexpr int table_of(CellId id) {
  return index(id) < kT2CellCount ? 2 : index(id) < kT2CellCount + kT3CellCount ? 3 : 4;
}

// The canonical string id of a cell ("t3.new.natural_person"), built once.
const std::string& cell_name(CellId id);
// The cell named `id`, or none for a string that is no canonical id.
std::optional<CellId> find_cell(std::string_view id);

// Cell ids "t3.<row>.<column>" / "t4.<group>.<column>" (same as cell_name of t3_cell/t4_cell).
inline const std::string& t3_id(int row, int col) { return cell_name(t3_cell(row, col)); }
inline const std::string& t4_id(int group, int col) { return cell_name(t4_cell(group, col)); }

// ----- a dense store ----------------------------------------------------------------------
// One optional value per canonical cell; iteration visits the present cells in canonical
// order as (name, value) pairs.
template <typename T>
class CellArray {
 public:
  T& operator[](CellId id) {
    auto& slot = slots_[index(id)];
    if (!slot) slot.emplace();
    return *slot;
  }
  // By canonical name; the name must be a canonical id.
  T& operator[](std::string_view id) { return (*this)[*find_cell(id)]; }
  const T* get(CellId id) const {
    const auto& slot = slots_[index(id)];
    return slot ? &*slot : nullptr;
  }
  const T* get(std::string_view id) const {
    const auto c = find_cell(id);
    return c ? get(*c) : nullptr;
  }
  void erase(CellId id) { slots_[index(id)].reset(); }
  void erase(std::string_view id) {
    if (const auto c = find_cell(id)) erase(*c);
  }

  class const_iterator {
   public:
    const_iterator(const CellArray* a, std::size_t i) : a_(a), i_(i) { skip(); }
    std::pair<const std::string&, const T&> operator*() const {
      return {cell_name(CellId(i_)), *a_->slots_[i_]};
    }
    const_iterator& operator++() {
      ++i_;
      skip();
      return *this;
    }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }

   private:
    void skip() {
      while (i_ < kCellCount && !a_->slots_[i_]) ++i_;
    }
    const CellArray* a_;
    std::size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, kCellCount}; }

 private:
  std::array<std::optional<T>, kCellCount> slots_;
};

}  // namespace nianbao::detail
