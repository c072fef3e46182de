// The canonical cells (cells.hpp): the rows of tables 2 and 3, the dense ids and their names,
// and the public cell catalogue.
#include "cells.hpp"

#include <unordered_map>

#include "nianbao/nianbao.hpp"

namespace nianbao::detail {

const std::array<RowDef, 25> kT3Rows = {{
    {"new", "一、本年新收政府信息公开申请数量", "new applications this year"},
    {"carried_in", "二、上年结转政府信息公开申请数量", "carried over from last year"},
    {"granted", "（一）予以公开", "granted"},
    {"partial", "（二）部分公开", "partly granted"},
    {"withheld.state_secret", "（三）不予公开 1.属于国家秘密", "withheld: state secret"},
    {"withheld.prohibited", "（三）不予公开 2.其他法律行政法规禁止公开",
     "withheld: prohibited by law"},
    {"withheld.security", "（三）不予公开 3.危及“三安全一稳定”", "withheld: security"},
    {"withheld.third_party", "（三）不予公开 4.保护第三方合法权益", "withheld: third party"},
    {"withheld.internal", "（三）不予公开 5.属于三类内部事务信息", "withheld: internal affairs"},
    {"withheld.process", "（三）不予公开 6.属于四类过程性信息", "withheld: process information"},
    {"withheld.enforcement", "（三）不予公开 7.属于行政执法案卷", "withheld: enforcement files"},
    {"withheld.query", "（三）不予公开 8.属于行政查询事项", "withheld: query matters"},
    {"unavailable.not_held", "（四）无法提供 1.本机关不掌握相关政府信息", "unavailable: not held"},
    {"unavailable.needs_creation", "（四）无法提供 2.没有现成信息需要另行制作",
     "unavailable: would need creating"},
    {"unavailable.unclear", "（四）无法提供 3.补正后申请内容仍不明确", "unavailable: unclear"},
    {"declined.complaint", "（五）不予处理 1.信访举报投诉类申请", "declined: complaint"},
    {"declined.duplicate", "（五）不予处理 2.重复申请", "declined: duplicate"},
    {"declined.publication", "（五）不予处理 3.要求提供公开出版物", "declined: publication"},
    {"declined.excessive", "（五）不予处理 4.无正当理由大量反复申请", "declined: excessive"},
    {"declined.confirmation", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
     "declined: confirmation"},
    {"other.no_correction", "（六）其他处理 1.申请人无正当理由逾期不补正", "other: no correction"},
    {"other.unpaid_fee", "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用",
     "other: fee unpaid"},
    {"other.other", "（六）其他处理 3.其他", "other: other"},
    {"results_total", "（七）总计", "results total"},
    {"carried_out", "四、结转下年度继续办理", "carried over to next year"},
}};

const std::vector<T2RowDef> kT2Rows = {
    {"规章", "rules", {"t2.rules.made", "t2.rules.repealed", "t2.rules.in_force"}, false},
    {"行政规范性文件",
     "normative documents",
     {"t2.normative.made", "t2.normative.repealed", "t2.normative.in_force"},
     false},
    {"行政许可", "licensing", {"t2.licensing"}, false},
    {"行政处罚", "penalties", {"t2.penalty"}, false},
    {"行政强制", "coercive measures", {"t2.coercion"}, false},
    {"行政事业性收费", "administrative fees", {"t2.fees"}, true},
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

const std::vector<CellInfo>& cell_catalogue() {
  static const std::vector<CellInfo> all = [] {
    std::vector<CellInfo> out;
    for (std::size_t r = 0; r < kT2Rows.size(); ++r) {
      const auto& row = kT2Rows[r];
      for (std::size_t c = 0; c < row.ids.size(); ++c) {
        CellInfo i;
        i.id = row.ids[c];
        i.table = 2;
        i.row = row.label;
        i.row_en = row.label_en;
        if (row.ids.size() == 3) {
          i.column = kT2DocColumnLabels[c];
          i.column_en = kT2DocColumnLabelsEn[c];
        }
        i.decimal = row.decimal;
        out.push_back(std::move(i));
      }
    }
    for (std::size_t r = 0; r < kT3Rows.size(); ++r) {
      for (std::size_t c = 0; c < kT3Columns.size(); ++c) {
        CellInfo i;
        i.id = t3_id(static_cast<int>(r), static_cast<int>(c));
        i.table = 3;
        i.row = kT3Rows[r].label;
        i.row_en = kT3Rows[r].label_en;
        i.column = kT3ColumnLabels[c];
        i.column_en = kT3ColumnLabelsEn[c];
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
        out.push_back(std::move(i));
      }
    }
    return out;
  }();
  return all;
}

}  // namespace nianbao
