// The canonical cells (cells.hpp): the rows of tables 2 and 3, the dense ids and their names,
// and the public cell catalogue.
#include "cells.hpp"

#include <unordered_map>

#include "nianbao/nianbao.hpp"

namespace nianbao::detail {

// id, label and label_en (messages), then for readers: the heading in the form's table (the
// official wording), a short English heading, and the row on its own in English.
const std::array<RowDef, 25> kT3Rows = {{
    {"new", "一、本年新收政府信息公开申请数量", "new applications this year",
     "一、本年新收政府信息公开申请数量", "1. New requests this year", "1. New requests this year"},
    {"carried_in", "二、上年结转政府信息公开申请数量", "carried over from last year",
     "二、上年结转政府信息公开申请数量", "2. Carried over from last year",
     "2. Carried over from last year"},
    {"granted", "（一）予以公开", "granted", "三、本年度办理结果 （一）予以公开",
     "3. Results: (1) Disclosed", "(1) Disclosed"},
    {"partial", "（二）部分公开", "partly granted",
     "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(2) Partly disclosed",
     "(2) Partly disclosed"},
    {"withheld.state_secret", "（三）不予公开 1.属于国家秘密", "withheld: state secret",
     "（三）不予公开 1.属于国家秘密", "(3) Withheld: 1. State secret",
     "(3) Withheld: 1. State secret"},
    {"withheld.prohibited", "（三）不予公开 2.其他法律行政法规禁止公开",
     "withheld: prohibited by law", "2.其他法律行政法规禁止公开", "2. Barred by other laws",
     "(3) Withheld: 2. Barred by other laws"},
    {"withheld.security", "（三）不予公开 3.危及“三安全一稳定”", "withheld: security",
     "3.危及“三安全一稳定”", "3. Endangers security or stability",
     "(3) Withheld: 3. Endangers security or stability"},
    {"withheld.third_party", "（三）不予公开 4.保护第三方合法权益", "withheld: third party",
     "4.保护第三方合法权益", "4. Third-party rights", "(3) Withheld: 4. Third-party rights"},
    {"withheld.internal", "（三）不予公开 5.属于三类内部事务信息", "withheld: internal affairs",
     "5.属于三类内部事务信息", "5. Internal affairs", "(3) Withheld: 5. Internal affairs"},
    {"withheld.process", "（三）不予公开 6.属于四类过程性信息", "withheld: process information",
     "6.属于四类过程性信息", "6. Process information", "(3) Withheld: 6. Process information"},
    {"withheld.enforcement", "（三）不予公开 7.属于行政执法案卷", "withheld: enforcement files",
     "7.属于行政执法案卷", "7. Enforcement files", "(3) Withheld: 7. Enforcement files"},
    {"withheld.query", "（三）不予公开 8.属于行政查询事项", "withheld: query matters",
     "8.属于行政查询事项", "8. Query matters", "(3) Withheld: 8. Query matters"},
    {"unavailable.not_held", "（四）无法提供 1.本机关不掌握相关政府信息", "unavailable: not held",
     "（四）无法提供 1.本机关不掌握相关政府信息", "(4) Cannot provide: 1. Not held",
     "(4) Cannot provide: 1. Not held"},
    {"unavailable.needs_creation", "（四）无法提供 2.没有现成信息需要另行制作",
     "unavailable: would need creating", "2.没有现成信息需要另行制作",
     "2. Would need to be created", "(4) Cannot provide: 2. Would need to be created"},
    {"unavailable.unclear", "（四）无法提供 3.补正后申请内容仍不明确", "unavailable: unclear",
     "3.补正后申请内容仍不明确", "3. Still unclear after correction",
     "(4) Cannot provide: 3. Still unclear after correction"},
    {"declined.complaint", "（五）不予处理 1.信访举报投诉类申请", "declined: complaint",
     "（五）不予处理 1.信访举报投诉类申请", "(5) Not handled: 1. Petitions, complaints",
     "(5) Not handled: 1. Petitions, complaints"},
    {"declined.duplicate", "（五）不予处理 2.重复申请", "declined: duplicate", "2.重复申请",
     "2. Repeated requests", "(5) Not handled: 2. Repeated requests"},
    {"declined.publication", "（五）不予处理 3.要求提供公开出版物", "declined: publication",
     "3.要求提供公开出版物", "3. Asks for publications",
     "(5) Not handled: 3. Asks for publications"},
    {"declined.excessive", "（五）不予处理 4.无正当理由大量反复申请", "declined: excessive",
     "4.无正当理由大量反复申请", "4. Excessive repeated requests",
     "(5) Not handled: 4. Excessive repeated requests"},
    {"declined.confirmation", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
     "declined: confirmation", "5.要求行政机关确认或重新出具已获取信息",
     "5. Asks to confirm or reissue", "(5) Not handled: 5. Asks to confirm or reissue"},
    {"other.no_correction", "（六）其他处理 1.申请人无正当理由逾期不补正", "other: no correction",
     "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
     "(6) Other: 1. Not corrected in time", "(6) Other: 1. Not corrected in time"},
    {"other.unpaid_fee", "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用", "other: fee unpaid",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "2. Fee not paid",
     "(6) Other: 2. Fee not paid"},
    {"other.other", "（六）其他处理 3.其他", "other: other", "3.其他", "3. Other",
     "(6) Other: 3. Other"},
    {"results_total", "（七）总计", "results total", "（七）总计", "(7) Total", "(7) Total"},
    {"carried_out", "四、结转下年度继续办理", "carried over to next year", "四、结转下年度继续办理",
     "4. Carried over to next year", "4. Carried over to next year"},
}};

// label, label_en (messages), cell ids, decimal, then for readers: the English heading and a
// one-cell row's column heading.
const std::vector<T2RowDef> kT2Rows = {
    {"规章",
     "rules",
     {"t2.rules.made", "t2.rules.repealed", "t2.rules.in_force"},
     false,
     "Rules",
     "",
     ""},
    {"行政规范性文件",
     "normative documents",
     {"t2.normative.made", "t2.normative.repealed", "t2.normative.in_force"},
     false,
     "Normative documents",
     "",
     ""},
    {"行政许可",
     "licensing",
     {"t2.licensing"},
     false,
     "Administrative licensing",
     "本年处理决定数量",
     "Decisions this year"},
    {"行政处罚",
     "penalties",
     {"t2.penalty"},
     false,
     "Administrative penalties",
     "本年处理决定数量",
     "Decisions this year"},
    {"行政强制",
     "coercive measures",
     {"t2.coercion"},
     false,
     "Administrative coercion",
     "本年处理决定数量",
     "Decisions this year"},
    {"行政事业性收费",
     "administrative fees",
     {"t2.fees"},
     true,
     "Administrative fees",
     "本年收费金额（单位：万元）",
     "Fees collected this year (10,000 yuan)"},
};

namespace {

struct Names {
  std::array<std::string, kCellCount> name;
  std::unordered_map<std::string_view, CellId> by_name;
};

const Names& names() {
  static const Names n = [] {
    Names out;
    std::size_t k = 0;
    for (const auto& row : kT2Rows) {
      for (const char* id : row.ids) out.name[k++] = id;
    }
    for (const auto& row : kT3Rows) {
      for (const char* col : kT3Columns) out.name[k++] = std::string("t3.") + row.id + "." + col;
    }
    for (const char* group : kT4Groups) {
      for (const char* col : kT4Columns) out.name[k++] = std::string("t4.") + group + "." + col;
    }
    for (std::size_t i = 0; i < kCellCount; ++i) out.by_name.emplace(out.name[i], CellId(i));
    return out;
  }();
  return n;
}

}  // namespace

const std::string& cell_name(CellId id) { return names().name[index(id)]; }

std::optional<CellId> find_cell(std::string_view id) {
  const auto& m = names().by_name;
  const auto it = m.find(id);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

}  // namespace nianbao::detail

namespace nianbao {

using namespace detail;

namespace {

constexpr std::array<const char*, 3> kTableZh = {"表二", "表三", "表四"};
constexpr std::array<const char*, 3> kTableEn = {"Table 2", "Table 3", "Table 4"};

// The self-contained labels: "表三 · <row> · <column>".
void set_label(CellInfo& i, const std::string& row, const std::string& row_en) {
  const auto t = static_cast<std::size_t>(i.table - 2);
  i.label = std::string(kTableZh[t]) + " · " + row + " · " + i.column_heading;
  i.label_en = std::string(kTableEn[t]) + " · " + row_en + " · " + i.column_heading_en;
}

}  // namespace

const std::vector<CellInfo>& cell_catalogue() {
  static const std::vector<CellInfo> all = [] {
    std::vector<CellInfo> out;
    out.reserve(kCellCount);
    for (std::size_t r = 0; r < kT2Rows.size(); ++r) {
      const auto& row = kT2Rows[r];
      for (std::size_t c = 0; c < row.ids.size(); ++c) {
        CellInfo i;
        i.id = row.ids[c];
        i.table = 2;
        i.row = row.label;
        i.row_en = row.label_en;
        i.row_heading = row.label;
        i.row_heading_en = row.heading_en;
        if (row.ids.size() == 3) {
          i.column = kT2DocColumnLabels[c];
          i.column_en = kT2DocColumnLabelsEn[c];
          i.column_heading = kT2DocColumnLabels[c];
          i.column_heading_en = kT2DocColumnHeadingsEn[c];
        } else {
          i.column_heading = row.column;
          i.column_heading_en = row.column_en;
        }
        i.decimal = row.decimal;
        set_label(i, row.label, row.heading_en);
        out.push_back(std::move(i));
      }
    }
    for (std::size_t r = 0; r < kT3Rows.size(); ++r) {
      const auto& row = kT3Rows[r];
      for (std::size_t c = 0; c < kT3Columns.size(); ++c) {
        CellInfo i;
        i.id = t3_id(static_cast<int>(r), static_cast<int>(c));
        i.table = 3;
        i.row = row.label;
        i.row_en = row.label_en;
        i.column = kT3ColumnLabels[c];
        i.column_en = kT3ColumnLabelsEn[c];
        i.row_heading = row.heading;
        i.row_heading_en = row.heading_en;
        i.column_heading = kT3ColumnLabels[c];
        i.column_heading_en = kT3ColumnHeadingsEn[c];
        if (c >= 1 && c <= 5) {
          i.column_group = kT3ColumnGroup;
          i.column_group_en = kT3ColumnGroupEn;
        }
        set_label(i, row.label, row.display_en);
        out.push_back(std::move(i));
      }
    }
    for (std::size_t g = 0; g < kT4Groups.size(); ++g) {
      for (std::size_t c = 0; c < kT4Columns.size(); ++c) {
        CellInfo i;
        i.id = t4_id(static_cast<int>(g), static_cast<int>(c));
        i.table = 4;
        i.row = kT4GroupLabels[g];
        i.row_en = kT4GroupLabelsEn[g];
        i.column = kT4ColumnLabels[c];
        i.column_en = kT4ColumnLabelsEn[c];
        i.row_heading = kT4GroupHeadings[g];
        i.row_heading_en = kT4GroupHeadingsEn[g];
        i.column_heading = kT4ColumnLabels[c];
        i.column_heading_en = kT4ColumnHeadingsEn[c];
        set_label(i, kT4GroupHeadings[g], kT4GroupHeadingsEn[g]);
        out.push_back(std::move(i));
      }
    }
    return out;
  }();
  return all;
}

}  // namespace nianbao
