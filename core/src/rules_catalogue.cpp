// The rule catalogue: every rule's id, title, default severity, explanation and basis.
// `nianbao rules`, the page's help and the docs are generated from these declarations.
#include "rules.hpp"

namespace nianbao {

namespace {

std::vector<RuleInfo> all_rules() {
  std::vector<RuleInfo> all = {
      {"section-missing", "缺少法定章节", "Statutory section missing", Severity::error,
       "年度报告应包含六个法定部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息"
       "公开申请"
       "情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报"
       "告的事项。"
       "缺少任何一部分即不符合统一格式。",
       "The report must contain the six statutory sections of the national format; a missing "
       "section breaks the format.",
       "《政府信息公开条例》第五十条；国办公开办函〔2021〕30号（年度报告格式）"},
      {"section-order", "章节顺序不符", "Sections out of order", Severity::warning,
       "六个部分应按一至六的顺序排列。顺序颠倒通常意味着复制粘贴或编辑错误。",
       "The six sections must appear in the order one to six.",
       "国办公开办函〔2021〕30号（年度报告格式）"},
      {"section-heading-variant", "章节标题为常见变体", "Section heading is a variant",
       Severity::info,
       "章节标题与统一格式的措辞不完全一致，但属于实践中常见的可接受变体（如“五、存在问题及改进情况"
       "”）。",
       "The heading differs from the official wording but is a commonly accepted variant.",
       "国办公开办函〔2021〕30号；format.md §2"},
      {"title-year", "标题缺少年份或机关名称", "Title lacks year or agency", Severity::error,
       "标题应为“<机关全称><YYYY>年政府信息公开工作年度报告”，年份为统计年度。缺少年份或机关名称，"
       "读者无法确定报告的主体和期间。",
       "The title must name the agency and the report (statistical) year.",
       "《政府信息公开条例》第四十九条、第五十条；format.md §2、S-2"},
      {"format-outdated", "未按新版格式", "Outdated format", Severity::error,
       "2021年及以后年度的报告应使用国办公开办函〔2021〕30号印发的格式。出现2019年试行格式的栏目"
       "（如“本年新制作数量”“其他对外管理服务事项”“政府集中采购”，或表三“（六）其他处理”只有一行）"
       "说明仍在使用旧格式。",
       "Reports for 2021 onwards must use the 2021 format; 2019-format labels or a single "
       "（六）其他处理 row show the old layout.",
       "国办公开办函〔2021〕30号；format.md §4.3、§5.3、S-4"},
      {"format-legacy", "报告采用当年有效的旧格式", "Report uses the format of its time",
       Severity::info,
       "该报告的年度早于2021年格式施行（2019、2020年度适用国办公开办函〔2019〕60号试行格式；2019年"
       "以前为"
       "自由格式）。按现行格式的表格检查不适用于它。",
       "The report predates the 2021 format; checks of the current template do not apply.",
       "国办公开办函〔2019〕60号；国办公开办函〔2021〕30号"},
      {"table-shape", "表格缺失或结构异常", "Table missing or malformed", Severity::error,
       "表二、表三、表四是法定表格，行、列和单元格数量固定（表三25行×7列，表四3组×5列，表二10个单元"
       "格）。"
       "缺少表格或行属于报告错误；某行读到的数字个数与列数不符时，无法确定数字对应的单元格，相关检"
       "查"
       "标为“无法确定”，绝不猜测。",
       "Tables 2, 3 and 4 have a fixed shape. A missing table or row is an error; a row with the "
       "wrong number of values cannot be mapped and is reported as ambiguous, never guessed.",
       "国办公开办函〔2021〕30号（表格样式）；format.md §4–§6、S-3、T4-4"},
      {"cell-value", "单元格数值不合法", "Invalid cell value", Severity::error,
       "表三、表四及表二的件数均为非负整数；表二“行政事业性收费”的本年收费金额以万元为单位，可为小"
       "数，"
       "但不得为负。",
       "Counts are non-negative integers; only the fee amount (万元) may be a decimal.",
       "format.md §3 G1–G3"},
      {"cell-placeholder", "单元格使用占位符或留空", "Placeholder or blank cell", Severity::warning,
       "统一格式要求每个单元格填写数字，没有发生的填0。使用“/"
       "”“—”“无”或留空属于格式偏差；算术检查按0计算，"
       "并在结果中注明。",
       "Every cell should hold a number (0 when nothing happened); placeholders and blanks are "
       "format deviations and count as 0 in arithmetic.",
       "format.md §3 G4"},
      {"cell-unit", "单元格内写有单位", "Unit written in a cell", Severity::warning,
       "表格栏目已规定计量单位，单元格内不应再写“件”“元”等单位；若在万元栏填写“元”，数值可能相差一"
       "万倍。",
       "Units are fixed by the column headers; a unit inside a cell (e.g. 元 in the 万元 column) "
       "is a deviation and may be off by 10,000.",
       "format.md §3 G5、T2-6"},
      {"t3-balance", "表三勾稽关系不平衡", "Table 3 does not balance", Severity::error,
       "表三左上角注明：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”，即每一"
       "列"
       "“本年新收 + 上年结转 = 办理结果总计 + "
       "结转下年度继续办理”。两个申请人类别一栏多一栏少、总计平衡时，"
       "通常是同一申请在不同行被归入不同申请人类别。",
       "Each column must satisfy new + carried in = results total + carried out, as printed in "
       "the table's stub. Equal and opposite differences in two applicant columns mean one "
       "application was classified differently in different rows.",
       "国办公开办函〔2021〕30号表三表头注释；format.md T3-1、T3-10"},
      {"t3-results-total", "表三办理结果总计不符", "Table 3 results total wrong", Severity::error,
       "“（七）总计”应等于（一）至（六）各项办理结果之和（2021年格式共21个明细行）。",
       "（七）总计 must equal the sum of the result rows (一)–(六).",
       "国办公开办函〔2021〕30号表三；format.md T3-2"},
      {"t3-row-total", "表三行总计不符", "Table 3 row total wrong", Severity::error,
       "每一行的“总计”应等于自然人与五类法人或其他组织（商业企业、科研机构、社会公益组织、法律服务"
       "机构、"
       "其他）之和。",
       "Each row's 总计 must equal the sum of its six applicant columns.",
       "国办公开办函〔2021〕30号表三；format.md T3-3"},
      {"t3-carry-over", "结转下年度数量偏大", "Large carry-over", Severity::warning,
       "结转下年度继续办理的申请一般不应超过本年新收申请数：上年结转的申请按法定期限（条例第三十三"
       "条，"
       "20个工作日可延长20个工作日）应在本年办结。",
       "Applications carried over should not exceed new ones: carried-in applications are due "
       "within the legal time limit.",
       "《政府信息公开条例》第三十三条；format.md T3-6"},
      {"t4-group-total", "表四总计不符", "Table 4 total wrong", Severity::error,
       "表四每组（行政复议、未经复议直接起诉、复议后起诉）的“总计”应等于结果维持、结果纠正、其他结"
       "果、"
       "尚未审结四项之和。",
       "In each group of table 4 the total must equal upheld + corrected + other + pending.",
       "国办公开办函〔2021〕30号表四；format.md T4-1"},
      {"t2-in-force", "本年制发但现行有效为零", "Issued this year but none in force",
       Severity::warning,
       "本年制发件数大于0而现行有效件数为0，只有在本年制发的文件又全部废止时才可能，通常是填写错误"
       "。",
       "Documents issued this year but none in force is possible only if all were repealed.",
       "format.md T2-4"},
  };
  const auto narrative = detail::narrative_rule_infos();
  all.insert(all.end(), narrative.begin(), narrative.end());
  return all;
}

}  // namespace

const std::vector<RuleInfo>& rules() {
  static const std::vector<RuleInfo> kRules = all_rules();
  return kRules;
}

}  // namespace nianbao

namespace nianbao::detail {

const RuleInfo* find_rule(const std::string& id) {
  for (const auto& r : rules()) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace nianbao::detail
