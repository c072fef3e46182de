// Tables 2, 3 and 4 are present and have their fixed shape; what the table reader could not
// settle is reported here as uncertain, never guessed (format.md §4–§6, S-3, T4-4).
#include "rules/tables/sums.hpp"
#include "scope.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kTableShape{
    "table-shape",
    {"表格缺失或结构异常", "Table missing or malformed"},
    Severity::error,
    {"表二、表三、表四是法定表格，行、列和单元格数量固定（表三25行×7列，表四3组×5列，表二10个单元"
     "格）。"
     "缺少表格或行属于报告错误；某行读到的数字个数与列数不符时，无法确定数字对应的单元格，相关检"
     "查"
     "标为“无法确定”，绝不猜测。",
     "Tables 2, 3 and 4 have a fixed shape. A missing table or row is an error; a row with the "
     "wrong number of values cannot be mapped and is reported as ambiguous, never guessed."},
    "国办公开办函〔2021〕30号（表格样式）；format.md §4–§6、S-3、T4-4",
    check,
    Applies::template_format,
};

namespace {

// Each table found (a 2019-format report may lack table 2 in its 2021 shape; an excerpt lacks
// the tables not pasted).
void check_tables_found(const Document& doc, bool excerpt, Emitter& em) {
  const Tables& t = doc.tables;
  struct TableDef {
    int number;
    bool found;
    const char* zh;
    const char* en;
  };
  const TableDef defs[] = {{2, t.t2_found, "表二（主动公开政府信息情况）", "table 2"},
                           {3, t.t3_found, "表三（收到和处理政府信息公开申请情况）", "table 3"},
                           {4, t.t4_found, "表四（行政复议、行政诉讼情况）", "table 4"}};
  const bool t2_old = doc.outline.format == FormatVersion::f2019 && !t.t2_found;
  for (const auto& d : defs) {
    if (t2_old && d.number == 2) {
      em.not_assessable();
      continue;
    }
    if (d.found) {
      em.pass();
      continue;
    }
    if (excerpt) continue;
    const SectionInfo* s = doc.outline.section(d.number);
    em.add(kTableShape, FindingStatus::fail, std::string("未找到") + d.zh,
           std::string("could not find ") + d.en, s ? s->begin : kNoOffset);
  }
}

std::string table_name(int table) { return table == 2 ? "表二" : table == 3 ? "表三" : "表四"; }

// A row whose numbers do not map onto its cells.
void add_cell_count(const ShapeIssue& is, Emitter& em) {
  const std::string tbl = table_name(is.table);
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
  Finding& f = em.add(kTableShape, Severity::warning, FindingStatus::uncertain, msg, msg_en,
                      is.offset, cell_names(is.cells));
  f.expected = is.expected;
  f.actual = is.found;
}

// What the table reader could not settle.
void add_issue(const ShapeIssue& is, Emitter& em) {
  switch (is.kind) {
    case ShapeKind::missing_row:
      em.add(
          kTableShape, FindingStatus::fail,
          std::string(is.table == 2 ? "表二" : "表三") + "缺少“" + is.row + "”行",
          std::string(is.table == 2 ? "table 2" : "table 3") + " lacks the row '" + is.row_en + "'",
          kNoOffset, cell_names(is.cells));
      return;
    case ShapeKind::cell_count:
      add_cell_count(is, em);
      return;
    case ShapeKind::run_together:
      em.add(kTableShape, Severity::warning, FindingStatus::uncertain,
             table_name(is.table) + "“" + is.row + "”：" + is.hint,
             "row '" + is.row_en + "': " + is.hint_en, is.offset, cell_names(is.cells));
      return;
    case ShapeKind::conflict:
      em.add(kTableShape, Severity::warning, FindingStatus::uncertain,
             "表三“" + is.row + "”与“" + is.hint +
                 "”两行的标签相邻，却只有一组数字，无法确定数字属于哪一行（两行均标为无法确定）",
             "table 3 rows '" + is.row_en + "' and '" + is.hint_en +
                 "' stand together with one set of numbers; which row they belong to cannot "
                 "be settled",
             is.offset, cell_names(is.cells));
      return;
  }
  em.not_assessable();
}

void check(const RuleContext& ctx, Emitter& em) {
  check_tables_found(ctx.doc, ctx.scope.excerpt, em);
  for (const auto& is : ctx.doc.tables.issues) add_issue(is, em);
}

}  // namespace
}  // namespace nianbao::detail
