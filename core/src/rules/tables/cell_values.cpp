// Cell values: non-negative integers (the fee may be a decimal), no placeholders, no units
// written in cells (format.md §3 G1–G5).
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {
void check_value(const RuleContext& ctx, Emitter& em);
void check_placeholder(const RuleContext& ctx, Emitter& em);
void check_unit(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kCellValue{
    "cell-value",
    {"单元格数值不合法", "Invalid cell value"},
    Severity::error,
    {"表三、表四及表二的件数均为非负整数；表二“行政事业性收费”的本年收费金额以万元为单位，可为小"
     "数，"
     "但不得为负。",
     "Counts are non-negative integers; only the fee amount (万元) may be a decimal."},
    "format.md §3 G1–G3",
    check_value,
    Applies::template_format,
};

extern const RuleDef kCellPlaceholder{
    "cell-placeholder",
    {"单元格使用占位符或留空", "Placeholder or blank cell"},
    Severity::warning,
    {"统一格式要求每个单元格填写数字，没有发生的填0。使用“/"
     "”“—”“无”或留空属于格式偏差；算术检查按0计算，"
     "并在结果中注明。",
     "Every cell should hold a number (0 when nothing happened); placeholders and blanks are "
     "format deviations and count as 0 in arithmetic."},
    "format.md §3 G4",
    check_placeholder,
    Applies::template_format,
};

extern const RuleDef kCellUnit{
    "cell-unit",
    {"单元格内写有单位", "Unit written in a cell"},
    Severity::warning,
    {"表格栏目已规定计量单位，单元格内不应再写“件”“元”等单位；若在万元栏填写“元”，数值可能相差一"
     "万倍。",
     "Units are fixed by the column headers; a unit inside a cell (e.g. 元 in the 万元 column) "
     "is a deviation and may be off by 10,000."},
    "format.md §3 G5、T2-6",
    check_unit,
    Applies::template_format,
};

namespace {

// Calls fn(id, cell) for every cell read, in canonical order.
template <typename Fn>
void for_each_cell(const Tables& t, Fn fn) {
  for (std::size_t k = 0; k < kCellCount; ++k) {
    if (const CellRead* c = t.cell(CellId(k))) fn(CellId(k), *c);
  }
}

void check_value(const RuleContext& ctx, Emitter& em) {
  for_each_cell(ctx.doc.tables, [&](CellId id, const CellRead& c) {
    if (c.status != CellStatus::ok) return;
    if (!c.negative && !(c.decimal && id != kT2Fees)) {
      em.pass();
      return;
    }
    em.add(
        kCellValue, FindingStatus::fail,
        c.negative ? "单元格“" + c.raw + "”为负数，表格数值不得为负"
                   : "单元格“" + c.raw + "”不是整数，件数应为非负整数",
        c.negative ? "cell '" + c.raw + "' is negative" : "cell '" + c.raw + "' is not an integer",
        c.offset, {cell_name(id)});
  });
}

void check_unit(const RuleContext& ctx, Emitter& em) {
  for_each_cell(ctx.doc.tables, [&](CellId id, const CellRead& c) {
    if (c.status != CellStatus::ok || c.unit.empty()) return;
    std::string msg = "单元格“" + c.raw + "”内写有单位“" + c.unit + "”";
    std::string en = "cell '" + c.raw + "' carries the unit '" + c.unit + "'";
    if (id == kT2Fees && c.unit == "元") {
      msg += "，而本栏单位为万元：若按元填写，应为" + fmt_num(c.value.value_or(0) / 10000) + "万元";
      en += " in a column measured in 10,000 yuan";
    }
    em.add(kCellUnit, FindingStatus::fail, msg, en, c.offset, {cell_name(id)});
  });
}

// One finding per table naming all its blank and placeholder cells.
void check_placeholder(const RuleContext& ctx, Emitter& em) {
  const Text names[3] = {{"表二", "table 2"}, {"表三", "table 3"}, {"表四", "table 4"}};
  std::vector<CellId> zeroed[3];
  for_each_cell(ctx.doc.tables, [&](CellId id, const CellRead& c) {
    if (c.status == CellStatus::blank || c.status == CellStatus::placeholder) {
      zeroed[table_of(id) - 2].push_back(id);
    }
  });
  for (int k = 0; k < 3; ++k) {
    if (zeroed[k].empty()) {
      em.pass();
      continue;
    }
    std::size_t first = kNoOffset;
    for (const CellId id : zeroed[k]) first = std::min(first, offset_of(ctx.doc, id));
    const std::string n = std::to_string(zeroed[k].size());
    em.add(kCellPlaceholder, FindingStatus::fail,
           std::string(names[k].zh) + "有" + n +
               "个单元格使用占位符或留空，未填数字（算术检查按0计算）",
           std::string(names[k].en) + " has " + n +
               " blank or placeholder cells (counted as 0 in arithmetic)",
           first, cell_names(zeroed[k]));
  }
}

}  // namespace
}  // namespace nianbao::detail
