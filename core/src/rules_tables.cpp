// Table rules: shape, cell values, and the arithmetic of tables 2, 3 and 4
// (format.md §3–§6).
#include <cmath>
#include <cstdio>

#include "rules.hpp"

namespace nianbao::detail {

std::string fmt_num(double v) {
  char buf[64];
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(v)));
  } else {
    std::snprintf(buf, sizeof buf, "%.10g", v);
  }
  return buf;
}

namespace {

// The arithmetic value of a set of cells. Blank and placeholder cells count as 0 (G4) and
// are named in the message; missing, ambiguous or unreadable cells make the check
// impossible.
struct Sum {
  double value = 0;
  bool usable = true;
  std::vector<std::string> zeroed;
};

Sum sum_of(const Document& doc, const std::vector<std::string>& ids) {
  Sum s;
  for (const auto& id : ids) {
    const CellRead* c = doc.tables.cell(id);
    if (!c || c->status == CellStatus::ambiguous || c->status == CellStatus::unreadable) {
      s.usable = false;
      continue;
    }
    if (c->status == CellStatus::blank || c->status == CellStatus::placeholder) {
      s.zeroed.push_back(id);
      continue;
    }
    s.value += c->value.value_or(0);
  }
  return s;
}

std::size_t offset_of(const Document& doc, const std::string& id) {
  const CellRead* c = doc.tables.cell(id);
  return c && c->located() ? c->offset : kNoOffset;
}

std::string zeroed_note(const Sum& a, const Sum& b, bool en) {
  const std::size_t n = a.zeroed.size() + b.zeroed.size();
  if (n == 0) return {};
  return en ? " (" + std::to_string(n) + " blank/placeholder cell(s) counted as 0)"
            : "（其中" + std::to_string(n) + "个空白或占位单元格按0计算）";
}

// The canonical ids of a shape issue's cells, as findings name them.
std::vector<std::string> cell_names(const std::vector<CellId>& cells) {
  std::vector<std::string> out;
  out.reserve(cells.size());
  for (const CellId c : cells) out.push_back(cell_name(c));
  return out;
}

const char* table_zh(int table) { return table == 2 ? "表二" : table == 3 ? "表三" : "表四"; }

void shape_rules(const Document& doc, Emitter& em) {
  const Tables& t = doc.tables;
  const bool legacy = doc.outline.format == FormatVersion::pre2019;
  struct TableDef {
    const char* id;
    bool found;
    const char* zh;
    const char* en;
  };
  const bool t2_old = doc.outline.format == FormatVersion::f2019 && !t.t2_found;
  const TableDef defs[] = {{"t2", t.t2_found, "表二（主动公开政府信息情况）", "table 2"},
                           {"t3", t.t3_found, "表三（收到和处理政府信息公开申请情况）", "table 3"},
                           {"t4", t.t4_found, "表四（行政复议、行政诉讼情况）", "table 4"}};
  for (const auto& d : defs) {
    if (legacy || (t2_old && std::string(d.id) == "t2")) {
      em.not_assessable();
      continue;
    }
    if (d.found) {
      em.pass();
      continue;
    }
    std::size_t where = kNoOffset;
    const int sec = d.id[1] - '0';
    if (const SectionInfo* s = doc.outline.section(sec)) where = s->begin;
    em.add("table-shape", "fail", std::string("未找到") + d.zh,
           std::string("could not find ") + d.en, where);
  }
  for (const auto& is : t.issues) {
    if (is.kind == ShapeKind::missing_row) {
      em.add(
          "table-shape", "fail",
          std::string(is.table == 2 ? "表二" : "表三") + "缺少“" + is.row + "”行",
          std::string(is.table == 2 ? "table 2" : "table 3") + " lacks the row '" + is.row_en + "'",
          kNoOffset, cell_names(is.cells));
    } else if (is.kind == ShapeKind::cell_count) {
      const std::string tbl = table_zh(is.table);
      std::string msg, msg_en;
      if (is.found == is.expected) {
        msg = tbl + "“" + is.row + "”读到" + std::to_string(is.found) + "个数字，但顺序无法确定";
        msg_en = "row '" + is.row_en + "': the order of its numbers cannot be settled";
      } else if (is.found == 0) {
        msg = tbl + "“" + is.row + "”行未读到数字，无法检查（单元格标为无法读取）";
        msg_en = "no numbers could be read in the row '" + is.row_en + "'";
      } else {
        msg = tbl + "“" + is.row + "”读到" + std::to_string(is.found) + "个数字，应为" +
              std::to_string(is.expected) + "个，无法确定各数字对应的单元格，相关检查无法进行";
        msg_en = "row '" + is.row_en + "' has " + std::to_string(is.found) + " numbers for " +
                 std::to_string(is.expected) +
                 " cells; which number belongs to which cell cannot be settled";
      }
      if (!is.hint.empty()) {
        msg += "。" + is.hint;
        msg_en += "; " + is.hint_en;
      }
      Finding& f = em.add("table-shape", Severity::warning, "uncertain", msg, msg_en, is.offset,
                          cell_names(is.cells));
      f.expected = is.expected;
      f.actual = is.found;
    } else if (is.kind == ShapeKind::run_together) {
      const std::string tbl = table_zh(is.table);
      em.add("table-shape", Severity::warning, "uncertain", tbl + "“" + is.row + "”：" + is.hint,
             "row '" + is.row_en + "': " + is.hint_en, is.offset, cell_names(is.cells));
    } else if (is.kind == ShapeKind::conflict) {
      em.add("table-shape", Severity::warning, "uncertain",
             "表三“" + is.row + "”与“" + is.hint +
                 "”两行的标签相邻，却只有一组数字，无法确定数字属于哪一行（两行均标为无法确定）",
             "table 3 rows '" + is.row_en + "' and '" + is.hint_en +
                 "' stand together with one set of numbers; which row they belong to cannot "
                 "be settled",
             is.offset, cell_names(is.cells));
    } else {
      em.not_assessable();
    }
  }
}

void value_rules(const Document& doc, Emitter& em) {
  const Tables& t = doc.tables;
  std::vector<std::string> zeroed[3];
  for (const auto& [id, c] : t.cells) {
    const int table = id[1] - '2';
    if (c.status == CellStatus::blank || c.status == CellStatus::placeholder) {
      zeroed[table].push_back(id);
    }
    if (c.status != CellStatus::ok) continue;
    const bool fee = id == "t2.fees";
    if (c.negative || (c.decimal && !fee)) {
      em.add("cell-value", "fail",
             c.negative ? "单元格“" + c.raw + "”为负数，表格数值不得为负"
                        : "单元格“" + c.raw + "”不是整数，件数应为非负整数",
             c.negative ? "cell '" + c.raw + "' is negative"
                        : "cell '" + c.raw + "' is not an integer",
             c.offset, {id});
    } else {
      em.pass();
    }
    if (!c.unit.empty()) {
      std::string msg = "单元格“" + c.raw + "”内写有单位“" + c.unit + "”";
      std::string en = "cell '" + c.raw + "' carries the unit '" + c.unit + "'";
      if (fee && c.unit == "元") {
        msg +=
            "，而本栏单位为万元：若按元填写，应为" + fmt_num(c.value.value_or(0) / 10000) + "万元";
        en += " in a column measured in 10,000 yuan";
      }
      em.add("cell-unit", "fail", msg, en, c.offset, {id});
    }
  }
  const char* names[3] = {"表二", "表三", "表四"};
  const char* names_en[3] = {"table 2", "table 3", "table 4"};
  for (int k = 0; k < 3; ++k) {
    if (zeroed[k].empty()) {
      em.pass();
      continue;
    }
    std::size_t first = kNoOffset;
    for (const auto& id : zeroed[k]) first = std::min(first, offset_of(doc, id));
    em.add("cell-placeholder", "fail",
           std::string(names[k]) + "有" + std::to_string(zeroed[k].size()) +
               "个单元格使用占位符或留空，未填数字（算术检查按0计算）",
           std::string(names_en[k]) + " has " + std::to_string(zeroed[k].size()) +
               " blank or placeholder cells (counted as 0 in arithmetic)",
           first, zeroed[k]);
  }
}

void t3_rules(const Document& doc, Emitter& em) {
  const Tables& t = doc.tables;
  if (!t.t3_found) {
    em.not_assessable(7 + 7 + 25 + 1);
    return;
  }
  // t3-balance, per column.
  double delta[7] = {0};
  bool failed[7] = {false};
  int finding_index[7];
  for (int c = 0; c < 7; ++c) {
    finding_index[c] = -1;
    const Sum in = sum_of(doc, {t3_id(kRowNew, c), t3_id(kRowCarriedIn, c)});
    const Sum out = sum_of(doc, {t3_id(kRowResultsTotal, c), t3_id(kRowCarriedOut, c)});
    if (!in.usable || !out.usable) {
      em.not_assessable();
      continue;
    }
    delta[c] = out.value - in.value;
    if (delta[c] == 0) {
      em.pass();
      continue;
    }
    failed[c] = true;
    auto v = [&](int row) {
      const CellRead* x = t.cell(t3_id(row, c));
      return x && x->value ? fmt_num(*x->value) : std::string("0");
    };
    std::string msg = std::string(kT3ColumnLabels[static_cast<std::size_t>(c)]) +
                      "一栏：本年新收(" + v(kRowNew) + ")+上年结转(" + v(kRowCarriedIn) +
                      ")=" + fmt_num(in.value) + "，但办理结果总计(" + v(kRowResultsTotal) +
                      ")+结转下年度(" + v(kRowCarriedOut) + ")=" + fmt_num(out.value) +
                      zeroed_note(in, out, false);
    std::string en = std::string("column ") + kT3ColumnLabelsEn[static_cast<std::size_t>(c)] +
                     ": new (" + v(kRowNew) + ") + carried in (" + v(kRowCarriedIn) +
                     ") = " + fmt_num(in.value) + ", but results total (" + v(kRowResultsTotal) +
                     ") + carried out (" + v(kRowCarriedOut) + ") = " + fmt_num(out.value) +
                     zeroed_note(in, out, true);
    Finding& f = em.add("t3-balance", "fail", msg, en, offset_of(doc, t3_id(kRowNew, c)),
                        {t3_id(kRowNew, c), t3_id(kRowCarriedIn, c), t3_id(kRowResultsTotal, c),
                         t3_id(kRowCarriedOut, c)});
    f.expected = in.value;
    f.actual = out.value;
    finding_index[c] = static_cast<int>(em.findings().size()) - 1;
  }
  // T3-10: two applicant columns off by equal and opposite amounts while 总计 balances.
  std::vector<int> bad;
  for (int c = 0; c < 6; ++c) {
    if (failed[c]) bad.push_back(c);
  }
  if (!failed[6] && bad.size() == 2 && delta[bad[0]] == -delta[bad[1]]) {
    for (int c : bad) {
      const int other = c == bad[0] ? bad[1] : bad[0];
      Finding& f = em.findings()[static_cast<std::size_t>(finding_index[c])];
      f.message +=
          std::string("。“") + kT3ColumnLabels[static_cast<std::size_t>(c)] + "”与“" +
          kT3ColumnLabels[static_cast<std::size_t>(other)] +
          "”两栏差额相等、方向相反，而总计平衡：很可能是同一申请在不同行被归入了不同的申请人类别";
      f.message_en += std::string("; columns ") + kT3ColumnLabelsEn[static_cast<std::size_t>(c)] +
                      " and " + kT3ColumnLabelsEn[static_cast<std::size_t>(other)] +
                      " differ by equal and opposite amounts while the total balances: the "
                      "application was probably counted under different applicant types in "
                      "different rows";
    }
  }
  // t3-results-total, per column.
  for (int c = 0; c < 7; ++c) {
    std::vector<std::string> parts;
    for (int r = kRowFirstResult; r < kRowResultsTotal; ++r) {
      if (t.cell(t3_id(r, c))) parts.push_back(t3_id(r, c));
    }
    const std::string total_id = t3_id(kRowResultsTotal, c);
    const Sum total = sum_of(doc, {total_id});
    const Sum sum = sum_of(doc, parts);
    const bool rows_missing = parts.size() < (t.t3_single_other_row ? 19u : 21u);
    if (!total.usable || !sum.usable || rows_missing) {
      em.not_assessable();
      continue;
    }
    if (total.value == sum.value) {
      em.pass();
      continue;
    }
    std::vector<std::string> cells = parts;
    cells.insert(cells.begin(), total_id);
    Finding& f =
        em.add("t3-results-total", "fail",
               std::string(kT3ColumnLabels[static_cast<std::size_t>(c)]) + "一栏：（七）总计为" +
                   fmt_num(total.value) + "，但（一）至（六）各项办理结果之和为" +
                   fmt_num(sum.value) + zeroed_note(total, sum, false),
               std::string("column ") + kT3ColumnLabelsEn[static_cast<std::size_t>(c)] +
                   ": results total is " + fmt_num(total.value) + " but the result rows sum to " +
                   fmt_num(sum.value) + zeroed_note(total, sum, true),
               offset_of(doc, total_id), cells);
    f.expected = sum.value;
    f.actual = total.value;
  }
  // t3-row-total, per row.
  for (int r = 0; r < 25; ++r) {
    const std::string total_id = t3_id(r, 6);
    if (!t.cell(total_id)) {
      em.not_assessable();
      continue;
    }
    std::vector<std::string> parts;
    for (int c = 0; c < 6; ++c) parts.push_back(t3_id(r, c));
    const Sum total = sum_of(doc, {total_id});
    const Sum sum = sum_of(doc, parts);
    if (!total.usable || !sum.usable) {
      em.not_assessable();
      continue;
    }
    if (total.value == sum.value) {
      em.pass();
      continue;
    }
    std::vector<std::string> cells = parts;
    cells.insert(cells.begin(), total_id);
    const auto& row = kT3Rows[static_cast<std::size_t>(r)];
    Finding& f =
        em.add("t3-row-total", "fail",
               std::string("“") + row.label + "”行：总计为" + fmt_num(total.value) +
                   "，但六类申请人之和为" + fmt_num(sum.value) + zeroed_note(total, sum, false),
               std::string("row '") + row.label_en + "': total is " + fmt_num(total.value) +
                   " but the six applicant columns sum to " + fmt_num(sum.value) +
                   zeroed_note(total, sum, true),
               offset_of(doc, total_id), cells);
    f.expected = sum.value;
    f.actual = total.value;
  }
  // t3-carry-over (T3-6), on the 总计 column.
  {
    const Sum out = sum_of(doc, {t3_id(kRowCarriedOut, 6)});
    const Sum in = sum_of(doc, {t3_id(kRowNew, 6)});
    if (!out.usable || !in.usable) {
      em.not_assessable();
    } else if (out.value <= in.value) {
      em.pass();
    } else {
      Finding& f = em.add("t3-carry-over", "fail",
                          "结转下年度继续办理(" + fmt_num(out.value) + ")多于本年新收申请(" +
                              fmt_num(in.value) + ")，上年结转的申请本应在法定期限内办结",
                          "carried out (" + fmt_num(out.value) + ") exceeds new applications (" +
                              fmt_num(in.value) + ")",
                          offset_of(doc, t3_id(kRowCarriedOut, 6)),
                          {t3_id(kRowCarriedOut, 6), t3_id(kRowNew, 6)});
      f.expected = in.value;
      f.actual = out.value;
    }
  }
}

void t4_rules(const Document& doc, Emitter& em) {
  for (int g = 0; g < 3; ++g) {
    std::vector<std::string> parts;
    for (int c = 0; c < 4; ++c) parts.push_back(t4_id(g, c));
    const std::string total_id = t4_id(g, 4);
    const Sum total = sum_of(doc, {total_id});
    const Sum sum = sum_of(doc, parts);
    if (!doc.tables.t4_found || !total.usable || !sum.usable) {
      em.not_assessable();
      continue;
    }
    if (total.value == sum.value) {
      em.pass();
      continue;
    }
    std::vector<std::string> cells = parts;
    cells.push_back(total_id);
    Finding& f =
        em.add("t4-group-total", "fail",
               std::string(kT4GroupLabels[static_cast<std::size_t>(g)]) + "：总计为" +
                   fmt_num(total.value) + "，但结果维持、结果纠正、其他结果、尚未审结之和为" +
                   fmt_num(sum.value) + zeroed_note(total, sum, false),
               std::string(kT4GroupLabelsEn[static_cast<std::size_t>(g)]) + ": total is " +
                   fmt_num(total.value) + " but upheld + corrected + other + pending = " +
                   fmt_num(sum.value) + zeroed_note(total, sum, true),
               offset_of(doc, total_id), cells);
    f.expected = sum.value;
    f.actual = total.value;
  }
}

void t2_rules(const Document& doc, Emitter& em) {
  const char* kinds[2][3] = {
      {"t2.rules.made", "t2.rules.repealed", "t2.rules.in_force"},
      {"t2.normative.made", "t2.normative.repealed", "t2.normative.in_force"}};
  const char* names[2] = {"规章", "行政规范性文件"};
  const char* names_en[2] = {"rules", "normative documents"};
  for (int k = 0; k < 2; ++k) {
    const CellRead* made = doc.tables.cell(kinds[k][0]);
    const CellRead* valid = doc.tables.cell(kinds[k][2]);
    if (!made || !valid || !made->value || !valid->value) {
      em.not_assessable();
      continue;
    }
    if (*made->value > 0 && *valid->value == 0) {
      em.add("t2-in-force", "fail",
             std::string(names[k]) + "本年制发" + fmt_num(*made->value) +
                 "件，但现行有效件数为0：只有本年制发的全部又被废止时才可能",
             std::string(names_en[k]) + ": " + fmt_num(*made->value) +
                 " issued this year but none in force",
             valid->offset, {kinds[k][0], kinds[k][2]});
    } else {
      em.pass();
    }
  }
}

}  // namespace

void run_table_rules(const Document& doc, Emitter& em) {
  if (doc.outline.format == FormatVersion::pre2019) return;
  shape_rules(doc, em);
  value_rules(doc, em);
  t2_rules(doc, em);
  t3_rules(doc, em);
  t4_rules(doc, em);
}

}  // namespace nianbao::detail
