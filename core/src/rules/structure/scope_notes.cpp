// What was checked: part of a report (excerpt-scope) and more than one report in one paste
// (multiple-reports). Both are notes at the top of the findings, from the scope stage
// (scope.hpp, reports.hpp); they count no check.
#include "facts.hpp"
#include "rules/rule.hpp"
#include "scope.hpp"

namespace nianbao::detail {

namespace {
void check_excerpt(const RuleContext& ctx, Emitter& em);
void check_multiple(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kExcerptScope{
    "excerpt-scope",
    {"只检查了报告的一部分", "Only part of a report was checked"},
    Severity::info,
    {"粘贴的文本没有报告标题，只有少数法定章节或表格，按报告的一部分检查：所需内容都在的检查照常进"
     "行"
     "（表格的勾稽关系、单元格数值、正文与表格的比较），关于未粘贴部分的检查（标题、缺少的章节和表"
     "格、章节顺序、发布日期、各部分应写的内容）不进行。需要按完整报告检查时，选择“按完整报告检查”"
     "（命令行 --scope full）。",
     "The text has no report title and only a few of the statutory sections or tables, so it is "
     "checked as part of a report: every check whose operands are present runs (table "
     "arithmetic, cell values, narrative against tables); checks about the parts not pasted "
     "(title, missing sections and tables, section order, publication date, required content of "
     "each section) do not. To check it as a whole report anyway, use --scope full."},
    "国办公开办函〔2021〕30号（年度报告格式）",
    check_excerpt,
    Applies::every_report,
};

extern const RuleDef kMultipleReports{
    "multiple-reports",
    {"粘贴了多份报告", "More than one report pasted"},
    Severity::info,
    {"粘贴的文本包含不止一份年度报告（后一份有自己的标题、章节或表格），每份报告分别检查，各自的结"
     "果"
     "分别列出。",
     "The text holds more than one annual report (a later one with its own title, sections or "
     "tables); each report is checked on its own and its findings are listed separately."},
    "《政府信息公开条例》第五十条",
    check_multiple,
    Applies::every_report,
};

namespace {

constexpr const char* kNumerals[] = {"", "一", "二", "三", "四", "五", "六"};
constexpr const char* kTableZh[] = {"", "", "表二", "表三", "表四"};

// "a、b和c" / "a, b and c".
std::string join(const std::vector<std::string>& items, const char* sep, const char* last) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0) out += k + 1 == items.size() ? last : sep;
    out += items[k];
  }
  return out;
}

std::string part_zh(const Part& p) {
  return p.kind == Part::Kind::section ? std::string("第") + kNumerals[p.number] + "部分"
                                       : kTableZh[p.number];
}

std::string part_en(const Part& p) {
  return (p.kind == Part::Kind::section ? "section " : "table ") + std::to_string(p.number);
}

struct Lists {
  std::vector<std::string> zh, en;
  void add(std::string z, std::string e) {
    zh.push_back(std::move(z));
    en.push_back(std::move(e));
  }
};

// What an excerpt's checks covered: the tables' own arithmetic, and the narrative against them.
Lists checked(const Scope& s) {
  Lists l;
  if (s.has_table(2)) l.add("表二的数值", "the values of table 2");
  if (s.has_table(3)) l.add("表三的勾稽关系", "the arithmetic of table 3");
  if (s.has_table(4)) l.add("表四的勾稽关系", "the arithmetic of table 4");
  if (s.count(Part::Kind::section) > 0 && s.count(Part::Kind::table) > 0) {
    l.add("正文数字与表格的一致性", "the narrative's figures against the tables");
  }
  return l;
}

// What it could not cover.
Lists unchecked(const Scope& s) {
  Lists l;
  l.add("标题", "the title");
  const std::size_t sections = s.count(Part::Kind::section);
  const std::size_t tables = s.count(Part::Kind::table);
  if (sections == 0) l.add("章节", "the sections");
  if (sections > 0 && sections < 6) l.add("其他章节", "the other sections");
  if (tables == 0) l.add("表格", "the tables");
  if (tables > 0 && tables < 3) l.add("其他表格", "the other tables");
  return l;
}

// The top of the text: its first visible character.
std::size_t top(const Document& doc) {
  const std::string& t = doc.norm.text;
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (!is_space_byte(t[k])) return doc.orig(k);
  }
  return 0;
}

void check_excerpt(const RuleContext& ctx, Emitter& em) {
  const Scope& s = ctx.scope;
  if (!s.excerpt) return;
  Lists parts;
  for (const Part& p : s.parts) parts.add(part_zh(p), part_en(p));
  const Lists done = checked(s);
  const Lists open = unchecked(s);
  // Asked for (--scope excerpt) rather than seen in the text.
  std::string zh = (s.forced ? "按报告的一部分检查（" : "只粘贴了报告的一部分（") +
                   join(parts.zh, "、", "、") + "）：";
  std::string en =
      (s.forced ? "checked as part of a report (" : "only part of a report was pasted (") +
      join(parts.en, ", ", ", ") + "): ";
  if (done.zh.empty()) {
    zh += "没有表格，正文中的数字无法与表格核对";
    en += "there is no table to check the narrative's figures against";
  } else {
    zh += "已检查" + join(done.zh, "、", "和");
    en += "checked " + join(done.en, ", ", " and ");
  }
  zh += "；" + join(open.zh, "、", "和") + "未检查";
  en += "; " + join(open.en, ", ", " and ") + " not checked";
  em.note(kExcerptScope, zh, en, top(ctx.doc));
}

// "第1行起，某某局2023年度" / "from line 1, 某某局 2023".
std::pair<std::string, std::string> mark_text(const Document& doc, const ReportMark& m) {
  const std::string line = std::to_string(doc.source.position(m.offset).first);
  const std::string who = m.agency.value_or("");
  const std::string year = m.year ? std::to_string(*m.year) : std::string();
  std::string zh = "第" + line + "行起";
  std::string en = "from line " + line;
  if (!who.empty() || !year.empty()) {
    zh += "，" + who + (year.empty() ? "" : year + "年度");
    en += ", " + who + (who.empty() || year.empty() ? "" : " ") + year;
  }
  return {zh, en};
}

void check_multiple(const RuleContext& ctx, Emitter& em) {
  const Scope& s = ctx.scope;
  if (s.reports.size() < 2) return;
  Lists all;
  for (std::size_t k = 0; k < s.reports.size(); ++k) {
    const auto [zh, en] = mark_text(ctx.doc, s.reports[k]);
    all.add("第" + std::to_string(k + 1) + "份（" + zh + "）",
            "report " + std::to_string(k + 1) + " (" + en + ")");
  }
  // More reports than were checked: "more than 10".
  const bool more = s.found > s.reports.size();
  const std::string n = std::to_string(s.reports.size());
  std::string zh = "粘贴的文本包含" + (more ? "超过" + n : std::to_string(s.found)) +
                   "份报告，分别检查：" + join(all.zh, "、", "、") + "；以下是第" +
                   std::to_string(s.index + 1) + "份的结果";
  std::string en = "the text holds " + (more ? "more than " + n : std::to_string(s.found)) +
                   " reports, each checked on its own: " + join(all.en, ", ", ", ") +
                   "; these are the findings of report " + std::to_string(s.index + 1);
  if (more) {
    zh += "（只检查了前" + n + "份）";
    en += " (only the first " + n + " were checked)";
  }
  em.note(kMultipleReports, zh, en, s.reports[s.index].offset);
}

}  // namespace
}  // namespace nianbao::detail
