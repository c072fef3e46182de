// The previous report is the same agency's report of the year before (issue 13). Also the
// pairing every other cross-year check depends on, and what the cross-year units share.
#include "rules/cross/cross.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kCrossYearOrder{
    "cross-year-order",
    {"上一年度报告不是同一机关的上一年报告", "Previous report is not the agency's year before"},
    Severity::error,
    {"跨年度核验（上年结转、现行有效件数、雷同）只对同一机关相邻两年的报告有意义：作为上一年度"
     "报告提供的文本应是本机关上一年度的报告。年份或机关名称（去掉空白和标点后；前面多出上级行政区"
     "划名称的，如“淮安市洪泽区人民政府”与“洪泽区人民政府”，视为同一机关）不符时，说明哪一项不符，"
     "并不做其他跨年度核验。",
     "Cross-year checks compare an agency's report with its report of the year before: the "
     "previous report must be of the year before and of the same agency (names compared without "
     "whitespace and punctuation; a name with higher divisions in front counts as the same). "
     "Otherwise the finding says which differs and no other "
     "cross-year check is made."},
    "《政府信息公开条例》第五十条；国办公开办函〔2021〕30号；issue 13",
    check,
    Applies::previous_report,
};

std::string agency_key(std::string_view name) {
  const Normalised n = normalise(name);
  std::string out;
  std::size_t i = 0;
  const std::string_view t = n.text;
  while (i < t.size()) {
    const std::size_t start = i;
    const char32_t cp = next_cp(t, i);
    const bool word = (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
                      (cp >= 'a' && cp <= 'z') || is_cjk(cp);
    if (word) out.append(t.substr(start, i - start));
  }
  return out;
}

// One name is the other with the higher divisions in front ("淮安市洪泽区人民政府" and
// "洪泽区人民政府"): the same agency.
bool same_agency(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  if (cp_count(shorter) < 4 ||
      longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) != 0) {
    return false;
  }
  const std::string_view prefix(longer.data(), longer.size() - shorter.size());
  for (const char* division : {"省", "市", "州", "县", "区", "盟", "旗"}) {
    const std::string_view d(division);
    if (prefix.size() >= d.size() && prefix.substr(prefix.size() - d.size()) == d) return true;
  }
  return false;
}

Pairing pairing(const Document& doc, const Document& previous) {
  Pairing p;
  const Outline& o = doc.outline;
  const Outline& q = previous.outline;
  p.year_known = o.year && q.year;
  p.year_ok = p.year_known && *q.year == *o.year - 1;
  p.agency_known = o.agency && q.agency;
  p.agency_ok = p.agency_known && same_agency(agency_key(*o.agency), agency_key(*q.agency));
  return p;
}

void at_previous(Finding& f, const Previous& p, std::size_t offset) {
  if (p.doc == nullptr || offset == kNoOffset) return;
  const auto [line, column] = p.doc->source.position(offset);
  f.previous_line = line;
  f.previous_column = column;
}

std::optional<double> cross_value(const Document& doc, CellId id) {
  const CellRead* c = doc.tables.cell(id);
  if (c == nullptr) return std::nullopt;
  switch (c->status) {
    case CellStatus::ok:
      return c->value;
    case CellStatus::blank:
    case CellStatus::placeholder:
      return 0.0;
    case CellStatus::ambiguous:
    case CellStatus::unreadable:
      break;
  }
  return std::nullopt;
}

namespace {

std::size_t title_of(const Document& doc) {
  return doc.outline.title_found ? doc.outline.title_offset : kNoOffset;
}

std::string year_text(const std::optional<int>& y) {
  return y ? std::to_string(*y) + "年度" : std::string("年份未识别");
}
std::string year_en(const std::optional<int>& y) {
  return y ? std::to_string(*y) : std::string("unknown");
}

// The year part of the message: which year the previous report is of, and which it should be.
void year_message(const Outline& o, const Outline& q, std::string& zh, std::string& en) {
  if (!o.year || !q.year) {
    zh += std::string(!q.year ? "上一年度报告" : "本报告") + "的年份无法从标题识别";
    en += std::string(!q.year ? "the previous report's" : "this report's") +
          " year cannot be read from its title";
    return;
  }
  if (*q.year == *o.year) {
    zh += "两份报告都是" + year_text(o.year) + "的（是否给了同一份报告？）";
    en += "both reports are of " + year_en(o.year) + " (the same report twice?)";
    return;
  }
  zh += "上一年度报告是" + year_text(q.year) + "的，本报告是" + year_text(o.year) + "的，应为" +
        std::to_string(*o.year - 1) + "年度";
  en += "the previous report is of " + year_en(q.year) + ", this one of " + year_en(o.year) +
        ": expected " + std::to_string(*o.year - 1);
}

void mismatch(const RuleContext& ctx, const Pairing& pr, Emitter& em) {
  const Previous& p = *ctx.previous;
  const Outline& o = ctx.doc.outline;
  const Outline& q = p.doc->outline;
  std::string zh, en;
  if (!pr.year_ok) year_message(o, q, zh, en);
  if (pr.agency_known && !pr.agency_ok) {
    if (!zh.empty()) zh += "；", en += "; ";
    zh += "机关名称不同：本报告为“" + *o.agency + "”，上一年度报告为“" + *q.agency + "”";
    en += "the agencies differ: \"" + *o.agency + "\" and \"" + *q.agency + "\"";
  }
  Finding& f = em.add(kCrossYearOrder, FindingStatus::fail, zh + "，未做其他跨年度核验",
                      en + "; no other cross-year check was made", title_of(ctx.doc));
  at_previous(f, p, title_of(*p.doc));
}

void check(const RuleContext& ctx, Emitter& em) {
  const Previous& p = *ctx.previous;
  if (p.doc == nullptr) {
    em.add(kCrossYearOrder, FindingStatus::fail,
           "上一年度报告无法作为年报读取（" + p.error + "），未做跨年度核验",
           "the previous report cannot be read as a report (" + p.error +
               "); no cross-year check was made",
           title_of(ctx.doc));
    return;
  }
  const Pairing pr = pairing(ctx.doc, *p.doc);
  if (!pr.comparable()) {
    mismatch(ctx, pr, em);
    return;
  }
  if (pr.agency_known) {
    em.pass();
    return;
  }
  // The year fits but an agency is unknown: compared, with a note that sameness is unconfirmed.
  Finding& f =
      em.add(kCrossYearOrder, Severity::warning, FindingStatus::uncertain,
             std::string(ctx.doc.outline.agency ? "上一年度报告" : "本报告") +
                 "的标题中未识别出机关名称，无法确认两份报告属于同一机关",
             std::string(ctx.doc.outline.agency ? "the previous report's" : "this report's") +
                 " title names no agency: the two reports may not be the same agency's",
             title_of(ctx.doc));
  at_previous(f, p, title_of(*p.doc));
}

}  // namespace
}  // namespace nianbao::detail

namespace nianbao {

bool agencies_match(std::string_view a, std::string_view b) {
  return detail::same_agency(detail::agency_key(a), detail::agency_key(b));
}

}  // namespace nianbao
