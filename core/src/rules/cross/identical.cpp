// A table with figures identical to last year's (format.md Y-4, E5 照搬上年).
#include "rules/cross/cross.hpp"
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kCrossIdentical{
    "cross-identical",
    {"表格数字与上年完全相同", "Table identical to last year's"},
    Severity::warning,
    {"表三或表四的每个数字都与上一年度报告相同（且不全为0），多半是照搬上年报告而未更新数据"
     "（内容雷同，国办公开办函〔2021〕30号要求追责的情形之一）。表二各项相同的可能性较大（如"
     "规章全为0），只作提示。",
     "Every figure of table 3 or table 4 equals last year's (and not all are 0): most likely "
     "copied from last year's report without updating. An identical table 2 is more plausible "
     "and only an info."},
    "国办公开办函〔2021〕30号（四）明确责任；format.md Y-4、E5",
    check,
    Applies::previous_tables,
};

namespace {

struct TableSpan {
  int table;
  std::size_t first, count;  // CellId range
  const char* zh;
  const char* en;
  Severity severity;
};
const TableSpan kTables[] = {
    {2, 0, kT2CellCount, "表二", "table 2", Severity::info},
    {3, kT2CellCount, kT3CellCount, "表三", "table 3", Severity::warning},
    {4, kT2CellCount + kT3CellCount, kT4CellCount, "表四", "table 4", Severity::warning},
};

bool found(const Tables& t, int table) {
  return table == 2 ? t.t2_found : table == 3 ? t.t3_found : t.t4_found;
}

enum class Same { differs, unknown, identical };

// Whether the two tables hold the same cells with the same values (unknown: a cell cannot be
// read, or neither holds any cell of the layout); the non-zero cells.
Same compare(const Document& a, const Document& b, const TableSpan& t, std::vector<CellId>* nz) {
  bool unknown = false;
  std::size_t present = 0;
  for (std::size_t k = t.first; k < t.first + t.count; ++k) {
    const CellId id{static_cast<std::uint16_t>(k)};
    const bool in_a = a.tables.cell(id) != nullptr, in_b = b.tables.cell(id) != nullptr;
    if (in_a != in_b) return Same::differs;  // another layout (2019 vs 2021)
    if (!in_a) continue;
    ++present;
    const auto va = cross_value(a, id), vb = cross_value(b, id);
    if (va && vb && *va != *vb) return Same::differs;
    if (!va || !vb) {
      unknown = true;
    } else if (*va != 0) {
      nz->push_back(id);
    }
  }
  return unknown || present == 0 ? Same::unknown : Same::identical;
}

std::size_t first_located(const Document& doc, const TableSpan& t) {
  for (std::size_t k = t.first; k < t.first + t.count; ++k) {
    const std::size_t o = offset_of(doc, CellId{static_cast<std::uint16_t>(k)});
    if (o != kNoOffset) return o;
  }
  return kNoOffset;
}

void check(const RuleContext& ctx, Emitter& em) {
  const Document& prev = *ctx.previous->doc;
  for (const TableSpan& t : kTables) {
    if (!found(ctx.doc.tables, t.table) || !found(prev.tables, t.table)) {
      em.not_assessable();
      continue;
    }
    std::vector<CellId> nonzero;
    const Same same = compare(ctx.doc, prev, t, &nonzero);
    if (same == Same::unknown) {
      em.not_assessable();
      continue;
    }
    if (same == Same::differs || nonzero.empty()) {  // all zero: nothing happened, twice
      em.pass();
      continue;
    }
    const std::string n = std::to_string(nonzero.size());
    Finding& f = em.add(kCrossIdentical, t.severity, FindingStatus::fail,
                        std::string(t.zh) + "的全部数字与上一年度报告相同（其中" + n +
                            "个不为0），是否照搬了上年数据？",
                        std::string(t.en) + ": every figure equals last year's (" + n +
                            " of them non-zero): copied from last year's report?",
                        first_located(ctx.doc, t), cell_names(nonzero));
    f.previous_cells = f.cells;
    at_previous(f, *ctx.previous, first_located(prev, t));
  }
}

}  // namespace
}  // namespace nianbao::detail
