// Last year's 现行有效 + this year's 制发 − 废止 = this year's 现行有效, for 规章 and for
// 行政规范性 文件 (format.md T2-3). A warning: revisions, clean-ups (清理) and counting conventions
// cause legitimate differences.
#include <algorithm>
#include <array>

#include "rules/cross/cross.hpp"
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kCrossInForce{
    "cross-in-force",
    {"现行有效件数与上年不衔接", "In-force count does not follow from last year's"},
    Severity::warning,
    {"表二规章、行政规范性文件的现行有效件数，一般应等于上一年度报告的现行有效件数加本年制发件数"
     "减本年废止件数。修订、集中清理或统计口径变化可能造成合理差异，因此只作警告；正文提到清理时"
     "一并说明。",
     "For rules and normative documents, last year's in-force count plus this year's issued minus "
     "repealed should give this year's in-force count. Revisions, clean-ups (清理) and counting "
     "conventions can explain a difference, hence a warning; a clean-up in the narrative is "
     "mentioned."},
    "国办公开办函〔2021〕30号 表二；format.md T2-3",
    check,
    Applies::previous_tables,
};

namespace {

struct Kind {
  std::size_t row;  // kT2Rows index
  CellId made, repealed, in_force;
  const char* zh;
  const char* en;
};
constexpr Kind kKinds[] = {
    {0, kT2RulesMade, kT2RulesRepealed, kT2RulesInForce, "规章", "rules"},
    {1, kT2NormativeMade, kT2NormativeRepealed, kT2NormativeInForce, "行政规范性文件",
     "normative documents"},
};

// " (the narrative mentions a clean-up, line N)" when it does.
std::pair<std::string, std::string> clean_up_note(const Document& doc) {
  const std::size_t k = find_text(doc.flat.text, "清理");
  if (k == std::string::npos) return {};
  const int line = doc.source.position(doc.orig(doc.flat.pos[k])).first;
  return {"；正文（第" + std::to_string(line) + "行）提到清理，可能说明差异",
          "; the narrative mentions a clean-up (清理, line " + std::to_string(line) +
              "), which may explain it"};
}

void mismatch(const RuleContext& ctx, const Kind& k, double before, double made, double repealed,
              double now, Emitter& em) {
  const double expected = before + made - repealed;
  const auto [note, note_en] = clean_up_note(ctx.doc);
  Finding& f =
      em.add(kCrossInForce, FindingStatus::fail,
             std::string(k.zh) + "：上年现行有效" + fmt_num(before) + " + 本年制发" +
                 fmt_num(made) + " − 本年废止" + fmt_num(repealed) + " = " + fmt_num(expected) +
                 "，但本年现行有效为" + fmt_num(now) + note,
             std::string(k.en) + ": last year's in force " + fmt_num(before) + " + issued " +
                 fmt_num(made) + " − repealed " + fmt_num(repealed) + " = " + fmt_num(expected) +
                 ", but in force this year is " + fmt_num(now) + note_en,
             offset_of(ctx.doc, k.in_force), cell_names({k.in_force, k.made, k.repealed}));
  f.previous_cells = cell_names({k.in_force});
  at_previous(f, *ctx.previous, offset_of(*ctx.previous->doc, k.in_force));
  f.expected = expected;
  f.actual = now;
}

// What a row may read: its cells when all three are known, else every cut of its run-together
// digits (none when the search did not finish); empty when neither.
struct Readings {
  std::vector<std::array<double, 3>> rows;  // made, repealed, in force
  const ShapeIssue* run = nullptr;          // the run-together digits, when read from them
};

Readings readings_of(const Document& doc, const Kind& k) {
  Readings r;
  const auto m = cross_value(doc, k.made), rp = cross_value(doc, k.repealed),
             f = cross_value(doc, k.in_force);
  if (m && rp && f) {
    r.rows.push_back({*m, *rp, *f});
    return r;
  }
  const ShapeIssue* is = t2_run_issue(doc, k.row);
  if (is == nullptr || !is->all_cuts) return r;
  for (const Cut& c : is->cuts) {
    if (c.size() == 3) r.rows.push_back({c[0].value, c[1].value, c[2].value});
  }
  r.run = is;
  return r;
}

// "上年数字连写（693665），现行有效可能为65、665" / "上年现行有效698".
std::pair<std::string, std::string> describe_before(const Readings& b) {
  if (b.run == nullptr) {
    return {"上年现行有效" + fmt_num(b.rows[0][2]),
            "last year's in force " + fmt_num(b.rows[0][2])};
  }
  std::vector<double> values;
  for (const auto& r : b.rows) values.push_back(r[2]);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::string list;
  for (const double v : values) list += (list.empty() ? "" : "、") + fmt_num(v);
  return {"上年数字连写（" + b.run->run + "），现行有效可能为" + list,
          "last year's digits run together (" + b.run->run + "), in force one of " + list};
}

// No reading of either row satisfies the identity (at least one row ran together).
void none_fits(const RuleContext& ctx, const Kind& k, const Readings& now, const Readings& before,
               Emitter& em) {
  const auto [was, was_en] = describe_before(before);
  const auto [note, note_en] = clean_up_note(ctx.doc);
  std::string zh = std::string(k.zh) + "：", en = std::string(k.en) + ": ";
  if (now.run != nullptr) {
    zh += "本年数字连写（" + now.run->run + "，" + std::to_string(now.rows.size()) + "种拆分），";
    en += "this year's digits run together (" + now.run->run + ", " +
          std::to_string(now.rows.size()) + " cuts); ";
  } else {
    zh += "本年制发" + fmt_num(now.rows[0][0]) + "、废止" + fmt_num(now.rows[0][1]) + "、现行有效" +
          fmt_num(now.rows[0][2]) + "，";
    en += "this year issued " + fmt_num(now.rows[0][0]) + ", repealed " + fmt_num(now.rows[0][1]) +
          ", in force " + fmt_num(now.rows[0][2]) + "; ";
  }
  const std::size_t at = now.run != nullptr ? now.run->offset : offset_of(ctx.doc, k.in_force);
  const Document& prev = *ctx.previous->doc;
  const std::size_t was_at =
      before.run != nullptr ? before.run->offset : offset_of(prev, k.in_force);
  Finding& f = em.add(
      kCrossInForce, FindingStatus::uncertain,
      zh + was + "：无论如何拆分都不满足 上年现行有效 + 本年制发 − 本年废止 = 本年现行有效" + note,
      en + was_en + ": no reading satisfies last year's in force + issued − repealed = in force" +
          note_en,
      at, cell_names({k.in_force, k.made, k.repealed}));
  f.previous_cells = cell_names({k.in_force});
  at_previous(f, *ctx.previous, was_at);
}

// Whether any reading of last year's in-force count and of this year's row fits.
bool any_fits(const Readings& now, const Readings& before) {
  for (const auto& b : before.rows) {
    for (const auto& n : now.rows) {
      if (b[2] + n[0] - n[1] == n[2]) return true;
    }
  }
  return false;
}

const SettledRow* settled_row(const Previous& p, const Kind& k) {
  for (const SettledRow& s : p.settled) {
    if (s.row == k.row) return &s;
  }
  return nullptr;
}

// A row read by this very identity (settle_by_previous) proves nothing: said, not counted as a
// pass.
void settled(const RuleContext& ctx, const Kind& k, const SettledRow& s, Emitter& em) {
  const std::string cut =
      fmt_num(s.cut[0].value) + " / " + fmt_num(s.cut[1].value) + " / " + fmt_num(s.cut[2].value);
  Finding& f =
      em.add(kCrossInForce, Severity::info, FindingStatus::uncertain,
             std::string(k.zh) + "：本年数字连写（" + s.run + "），按上一年度报告的现行有效件数" +
                 fmt_num(s.previous_in_force) + "只有一种拆分成立，读作制发/废止/现行有效 " + cut +
                 "（由跨年关系确定，故不再据此核验）",
             std::string(k.en) + ": this year's digits run together (" + s.run +
                 "); with last year's in-force count " + fmt_num(s.previous_in_force) +
                 " only one cut fits, read as issued/repealed/in force " + cut +
                 " (chosen by the cross-year identity, so not checked by it)",
             s.offset, cell_names({k.in_force, k.made, k.repealed}));
  f.previous_cells = cell_names({k.in_force});
  at_previous(f, *ctx.previous, offset_of(*ctx.previous->doc, k.in_force));
}

void check(const RuleContext& ctx, Emitter& em) {
  const Previous& p = *ctx.previous;
  for (const Kind& k : kKinds) {
    if (const SettledRow* s = settled_row(p, k)) {
      settled(ctx, k, *s, em);
      continue;
    }
    const Readings now = readings_of(ctx.doc, k), before = readings_of(*p.doc, k);
    if (now.rows.empty() || before.rows.empty()) {
      em.not_assessable();
      continue;
    }
    if (now.run == nullptr && before.run == nullptr) {
      const auto& n = now.rows[0];
      if (before.rows[0][2] + n[0] - n[1] == n[2]) {
        em.pass();
      } else {
        mismatch(ctx, k, before.rows[0][2], n[0], n[1], n[2], em);
      }
      continue;
    }
    if (!any_fits(now, before)) {
      none_fits(ctx, k, now, before, em);
      continue;
    }
    em.not_assessable();
  }
}

}  // namespace
}  // namespace nianbao::detail
