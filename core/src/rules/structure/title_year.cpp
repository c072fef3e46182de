// The title names the agency and the report year (format.md §2, §7 S-2).
#include "rules/registry.hpp"
#include "rules/rule.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kTitleYear{
    "title-year",
    {"标题缺少年份或机关名称", "Title lacks year or agency"},
    Severity::error,
    {"标题应为“<机关全称><YYYY>年政府信息公开工作年度报告”，年份为统计年度。缺少年份或机关名称，"
     "读者无法确定报告的主体和期间。网页上的报告取正文上方的文章标题（不取导航、相关链接或页脚中"
     "的标题），没有时取页面的ArticleTitle或去掉网站名的<title>。没有年份时，依赖报告年度的各项"
     "检查无法进行，在此一并列出（计入无法检查）。",
     "The title must name the agency and the report (statistical) year. On a web page the "
     "article's title above the report is read (never one of the navigation, related links or "
     "footer), else the page's ArticleTitle or its <title> without the site name. Without the "
     "year, the checks that need it cannot be made; they are listed here (counted as not "
     "assessable)."},
    "《政府信息公开条例》第四十九条、第五十条；format.md §2、S-2",
    check,
    Applies::every_report,
    Needs::whole_report,
};

namespace {

// What the title lacks, in Chinese and English.
std::pair<std::string, std::string> what_is_missing(const Outline& o) {
  if (!o.title_found) {
    return {"未找到“……年政府信息公开工作年度报告”标题",
            "no title naming the annual report was found"};
  }
  if (!o.year && !o.agency) {
    return {"标题既无年份也无机关名称", "the title names neither the year nor the agency"};
  }
  if (!o.year) return {"标题缺少报告年份（YYYY年）", "the title lacks the report year"};
  return {"标题缺少机关名称", "the title lacks the agency's name"};
}

// The checks that need the report year: "未按新版格式（format-outdated）、…".
std::pair<std::string, std::string> year_checks() {
  std::string zh, en;
  int n = 0;
  for (const RuleDef* r : registry()) {
    if (!r->needs_year) continue;
    ++n;
    zh += std::string(zh.empty() ? "" : "、") + r->title.zh + "（" + r->id + "）";
    en += std::string(en.empty() ? "" : ", ") + r->id;
  }
  return {"；依赖报告年度的" + std::to_string(n) + "项检查无法进行：" + zh,
          "; " + std::to_string(n) + " checks that need the report year cannot be made: " + en};
}

void check(const RuleContext& ctx, Emitter& em) {
  const Outline& o = ctx.doc.outline;
  if (o.title_found && o.year && o.agency) {
    em.pass();
    return;
  }
  auto [missing, missing_en] = what_is_missing(o);
  if (!o.year) {
    const auto [zh, en] = year_checks();
    missing += zh;
    missing_en += en;
  }
  em.add(kTitleYear, FindingStatus::fail, std::move(missing), std::move(missing_en),
         o.title_found ? o.title_offset : 0);
}

}  // namespace
}  // namespace nianbao::detail
