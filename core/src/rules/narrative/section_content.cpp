// What sections 五 and 一 must say: 五 names problems, 一 covers the five topics (format.md
// §2.1, §11 E14). Section 六 (the information processing fee) is checked in fee.cpp. A missing
// section is reported by section-missing; its content is not assessed.
#include "rules/narrative/section_text.hpp"
#include "rules/rule.hpp"

namespace nianbao::detail {

namespace {
void check_problems(const RuleContext& ctx, Emitter& em);
void check_topics(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kSection5NoProblem{
    "section5-no-problem",
    {"第五部分没有写存在的问题", "Section 5 names no problem"},
    Severity::warning,
    {"第五部分应写明政府信息公开工作存在的主要问题及改进情况。只有下一步计划、没有任何问题陈述（"
     "问题、不足、"
     "短板、差距、有待、仍需等）的，不符合要求。",
     "Section 5 must name the main problems, not only plans."},
    "《政府信息公开条例》第五十条第（四）项；format.md §2.1、§11 E14",
    check_problems,
    Applies::template_format,
    Needs::whole_report,
};

extern const RuleDef kSection1Topics{
    "section1-topics",
    {"总体情况缺少规定内容", "Section 1 lacks required topics"},
    Severity::info,
    {"第一部分“总体情况”应概述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障"
     "五方面"
     "情况。未出现相应关键词的方面在此列出，供核对。",
     "Section 1 should cover proactive disclosure, disclosure on request, information "
     "management, platforms, and supervision; the topics not found are listed."},
    "国办公开办函〔2021〕30号；format.md §2.1",
    check_topics,
    Applies::template_format,
    Needs::whole_report,
};

namespace {

void check_problems(const RuleContext& ctx, Emitter& em) {
  if (!ctx.doc.outline.part(5)) return;
  const std::string_view b = section_body(ctx.doc, 5);
  if (b.empty() ||
      has_any(b, {"问题",   "不足",   "短板",   "差距",   "有待", "仍需",   "尚需",   "还需",
                  "薄弱",   "欠缺",   "不够",   "不强",   "不高", "不到位", "不完善", "不充分",
                  "不平衡", "滞后",   "缺乏",   "困难",   "瓶颈", "弱项",   "亟需",   "亟待",
                  "不规范", "不及时", "不深入", "不全面", "偏少", "较少",   "单一"})) {
    em.pass();
    return;
  }
  em.add(kSection5NoProblem, FindingStatus::fail,
         "第五部分未写明存在的任何问题（未出现“问题”“不足”“短板”“差距”“有待”等表述），只有改进"
         "计划",
         "section 5 states no problem at all, only plans", heading_offset(ctx.doc, 5));
}

void check_topics(const RuleContext& ctx, Emitter& em) {
  if (!asks_2021_content(ctx.doc) || !ctx.doc.outline.part(1)) return;
  const std::string_view b = section_body(ctx.doc, 1);
  struct Area {
    const char* zh;
    const char* en;
    std::initializer_list<const char*> keys;
  };
  const Area topics[] = {
      {"主动公开", "proactive disclosure", {"主动公开"}},
      {"依申请公开", "disclosure on request", {"依申请"}},
      {"政府信息管理", "information management", {"信息管理"}},
      {"政府信息公开平台建设", "platforms", {"平台"}},
      {"监督保障", "supervision", {"监督", "考核", "培训", "保障"}},
  };
  std::string missing, missing_en;
  for (const auto& tp : topics) {
    if (has_any(b, tp.keys)) continue;
    missing += std::string(missing.empty() ? "" : "、") + tp.zh;
    missing_en += std::string(missing_en.empty() ? "" : ", ") + tp.en;
  }
  if (missing.empty()) {
    em.pass();
    return;
  }
  em.add(kSection1Topics, FindingStatus::fail, "总体情况未见以下规定内容：" + missing,
         "section 1 does not mention: " + missing_en, heading_offset(ctx.doc, 1));
}

}  // namespace
}  // namespace nianbao::detail
