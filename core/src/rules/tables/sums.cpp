// Arithmetic over table cells (sums.hpp).
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

Sum sum_of(const Document& doc, const std::vector<CellId>& ids) {
  Sum s;
  for (const CellId id : ids) {
    const CellRead* c = doc.tables.cell(id);
    if (!c || c->status == CellStatus::ambiguous || c->status == CellStatus::unreadable) {
      s.usable = false;
      continue;
    }
    if (c->status == CellStatus::blank || c->status == CellStatus::placeholder) {
      ++s.zeroed;
      continue;
    }
    s.value += c->value.value_or(0);
  }
  return s;
}

std::size_t offset_of(const Document& doc, CellId id) {
  const CellRead* c = doc.tables.cell(id);
  return c && c->located() ? c->offset : kNoOffset;
}

std::string zeroed_note(const Sum& a, const Sum& b, bool en) {
  const int n = a.zeroed + b.zeroed;
  if (n == 0) return {};
  return en ? " (" + std::to_string(n) + " blank/placeholder cell(s) counted as 0)"
            : "（其中" + std::to_string(n) + "个空白或占位单元格按0计算）";
}

void check_total(const Document& doc, const TotalVsParts& t, const RuleDef& rule, Emitter& em) {
  const Sum total = sum_of(doc, {t.total});
  const Sum sum = sum_of(doc, t.parts);
  if (!total.usable || !sum.usable) {
    em.not_assessable();
    return;
  }
  if (total.value == sum.value) {
    em.pass();
    return;
  }
  std::vector<CellId> cells = t.parts;
  cells.insert(t.parts_first ? cells.end() : cells.begin(), t.total);
  Finding& f = em.add(rule, FindingStatus::fail,
                      t.total_name + "为" + fmt_num(total.value) + "，但" + t.parts_name + "为" +
                          fmt_num(sum.value) + zeroed_note(total, sum, false),
                      t.total_name_en + " is " + fmt_num(total.value) + " but " + t.parts_name_en +
                          " " + fmt_num(sum.value) + zeroed_note(total, sum, true),
                      offset_of(doc, t.total), cell_names(cells));
  f.expected = sum.value;
  f.actual = total.value;
}

}  // namespace nianbao::detail
