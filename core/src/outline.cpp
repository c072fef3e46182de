// Outline: the six statutory sections, the format version, and the stage from top to bottom:
// page furniture (outline_page.cpp), headings, the title (outline_title.cpp), the page's
// header and footer zones, and lost headings (outline_lost.cpp).
#include <algorithm>
#include <cctype>
#include <cstring>

#include "outline_internal.hpp"

namespace nianbao::detail {

const SectionInfo* Outline::section(int number) const {
  for (const auto& s : sections) {
    if (s.number == number) return &s;
  }
  return nullptr;
}

const SectionInfo* Outline::part(int number) const {
  if (const SectionInfo* s = section(number)) return s;
  for (const auto& s : lost) {
    if (s.number == number) return &s;
  }
  return nullptr;
}

namespace outline_internal {

std::string strip_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!is_space_byte(c)) out.push_back(c);
  }
  return out;
}

std::vector<Line> lines_of(const std::string& t) {
  std::vector<Line> out;
  std::size_t pos = 0;
  while (pos < t.size()) {
    std::size_t eol = t.find('\n', pos);
    if (eol == std::string::npos) eol = t.size();
    out.push_back({pos, eol});
    pos = eol + 1;
  }
  return out;
}

}  // namespace outline_internal

namespace {

using namespace outline_internal;

constexpr const char* kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

bool contains(std::string_view hay, std::string_view needle) { return contains_text(hay, needle); }

// Official headings (format.md §2), compact form without the numeral.
constexpr const char* kOfficial[] = {"总体情况",
                                     "主动公开政府信息情况",
                                     "收到和处理政府信息公开申请情况",
                                     "政府信息公开行政复议、行政诉讼情况",
                                     "存在的主要问题及改进情况",
                                     "其他需要报告的事项"};

// Which statutory section a heading text (after its numeral) names; 0 for none.
int section_of(std::string_view t) {
  if (contains(t, "总体情况") || t == "概述" || t == "总述") return 1;
  if (contains(t, "主动公开") && !contains(t, "申请")) return 2;
  if (contains(t, "收到和处理") || contains(t, "依申请公开") ||
      (contains(t, "申请") && contains(t, "处理") && contains(t, "情况"))) {
    return 3;
  }
  if (contains(t, "行政复议") || contains(t, "行政诉讼")) return 4;
  if (contains(t, "问题") && (contains(t, "改进") || contains(t, "整改") || contains(t, "措施"))) {
    return 5;
  }
  if (contains(t, "其他") && (contains(t, "事项") || contains(t, "报告"))) return 6;
  return 0;
}

// Reads a leading Chinese numeral followed by a separator (、 . , : or space).
// Returns the numeral's value and the byte length consumed, or 0.
int leading_numeral(std::string_view s, std::size_t* consumed) {
  for (int k = 0; k < 6; ++k) {
    const std::size_t len = std::strlen(kNumerals[k]);
    if (s.substr(0, len) == kNumerals[k]) {
      std::string_view rest = s.substr(len);
      for (const char* sep : {"、", ".", ",", ":", " ", "\t"}) {
        const std::size_t sl = std::strlen(sep);
        if (rest.substr(0, sl) == sep) {
          *consumed = len + sl;
          return k + 1;
        }
      }
      return 0;
    }
  }
  return 0;
}

// The section a heading line names: a numeral, then the section's words (a heading numbered
// differently from its content is taken only in its official wording). False when the line
// names none, or a section already found.
bool line_heading(const Document& doc, std::string_view line, std::size_t eol, SectionInfo* s) {
  const std::string& t = doc.norm.text;
  std::size_t consumed = 0;
  const int numeral = line.empty() ? 0 : leading_numeral(line, &consumed);
  if (numeral <= 0 || cp_count(line) > 40) return false;
  const std::string body = strip_spaces(line.substr(consumed));
  const int number = section_of(body);
  const bool official = number > 0 && body == kOfficial[number - 1];
  if (number <= 0 || (numeral != number && !official) || doc.outline.section(number)) return false;
  s->number = number;
  s->numeral = numeral;
  s->norm_begin = static_cast<std::size_t>(line.data() - t.data());
  s->begin = doc.orig(s->norm_begin);
  s->norm_body = std::min(eol + 1, t.size());
  s->heading = doc.raw(s->norm_begin, s->norm_begin + line.size());
  s->variant = !official;
  return true;
}

// Headings standing at the start of their line.
void line_headings(Document& doc) {
  const std::string& t = doc.norm.text;
  std::size_t pos = 0;
  while (pos < t.size()) {
    std::size_t eol = t.find('\n', pos);
    if (eol == std::string::npos) eol = t.size();
    std::string_view line = trim(std::string_view(t).substr(pos, eol - pos));
    // Markdown heading marks and emphasis (OCR output): "## 三、…", "**一、总体情况**".
    while (!line.empty() && (line.front() == '#' || line.front() == '*')) {
      line.remove_prefix(1);
      line = trim(line);
    }
    while (!line.empty() && line.back() == '*') line.remove_suffix(1);
    SectionInfo s;
    if (!doc.outline.in_furniture(pos) && line_heading(doc, line, eol, &s)) {
      doc.outline.sections.push_back(s);
    }
    pos = eol + 1;
  }
}

// The official headings of section n and the accepted variants (inline_headings).
const char* const kInline[][4] = {
    {"一、总体情况", nullptr, nullptr, nullptr},
    {"二、主动公开政府信息情况", nullptr, nullptr, nullptr},
    {"三、收到和处理政府信息公开申请情况", nullptr, nullptr, nullptr},
    {"四、政府信息公开行政复议、行政诉讼情况",
     "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", nullptr, nullptr},
    {"五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况",
     "五、存在问题及改进情况", "五、政务信息工作存在主要问题和改进情况"},
    {"六、其他需要报告的事项", nullptr, nullptr, nullptr}};

// A heading found in the whitespace-free text: [at, at + len).
struct InlineHeading {
  std::size_t at = std::string::npos, len = 0;
};

// The first official or variant heading of section n in the whitespace-free text; failing
// that, with small typos ("四、政府信息公开行政法复议、行政诉讼情况"): the numeral, then the
// section's keywords within a short span.
InlineHeading find_inline_heading(const Compact& f, int n) {
  InlineHeading best;
  for (const char* h : kInline[n - 1]) {
    if (!h) continue;
    const std::size_t at = find_text(f.text, h);
    if (at != std::string::npos && at < best.at) best = {at, std::strlen(h)};
  }
  if (best.at != std::string::npos) return best;
  static const char* const kKeys[][2] = {{"总体情况", nullptr}, {"主动公开", "情况"},
                                         {"处理", "申请情况"},  {"复议", "诉讼情况"},
                                         {"问题", "改进"},      {"其他", "事项"}};
  const std::string num = std::string(kNumerals[n - 1]) + "、";
  for (std::size_t at = find_text(f.text, num); at != std::string::npos;
       at = find_text(f.text, num, at + num.size())) {
    const std::string_view win = std::string_view(f.text).substr(at, 90);
    const std::size_t k1 = win.find(kKeys[n - 1][0]);
    if (k1 == std::string_view::npos) continue;
    std::size_t end = k1 + std::strlen(kKeys[n - 1][0]);
    if (kKeys[n - 1][1]) {
      const std::size_t k2 = win.find(kKeys[n - 1][1], k1);
      if (k2 == std::string_view::npos) continue;
      end = k2 + std::strlen(kKeys[n - 1][1]);
    }
    return {at, end};
  }
  return best;
}

// Pages crawled as one long line carry their headings inline: look for the official
// headings (and the accepted variants) anywhere in the text.
void inline_headings(Document& doc) {
  Outline& o = doc.outline;
  const Compact& f = doc.flat;
  for (int n = 1; n <= 6; ++n) {
    if (o.section(n)) continue;
    const InlineHeading h = find_inline_heading(f, n);
    if (h.at == std::string::npos || o.in_furniture(f.pos[h.at])) continue;
    SectionInfo s;
    s.number = n;
    s.numeral = n;
    s.norm_begin = f.pos[h.at];
    s.begin = doc.orig(s.norm_begin);
    s.norm_body = f.pos[h.at + h.len - 1] + 1;
    s.heading = doc.raw(s.norm_begin, s.norm_body);
    s.variant = std::string_view(kInline[n - 1][0]) != std::string_view(f.text).substr(h.at, h.len);
    o.sections.push_back(s);
  }
}

}  // namespace

bool outline_internal::official_words(std::string_view body, int n) {
  if (n < 1 || n > 6) return false;
  for (const char* h : kInline[n - 1]) {
    if (h && std::string_view(h).substr(6) == body) return true;  // without "一、"
  }
  return false;
}

namespace {

// Format version (format.md §4.3, §5.3).
void read_format(Document& doc) {
  Outline& o = doc.outline;
  static const char* const k2019[] = {"本年新制作数量",   "本年新公开数量", "对外公开总数量",
                                      "上一年项目数量",   "本年增/减",      "其他对外管理服务事项",
                                      "第二十条第(九)项", "政府集中采购"};
  static const char* const k2021[] = {"本年制发件数", "本年废止件数", "现行有效件数",
                                      "本年处理决定数量", "本年收费金额"};
  int n2021 = 0;
  for (const char* m : k2021) n2021 += contains(doc.flat.text, m) ? 1 : 0;
  for (const char* m : k2019) {
    const std::size_t at = find_text(doc.flat.text, m);
    if (at != std::string::npos) o.old_markers.emplace_back(m, doc.orig(doc.flat.pos[at]));
  }
  const bool has_t3 = contains(doc.flat.text, "本年新收") || contains(doc.flat.text, "上年结转");
  if (n2021 >= 2) {
    o.format = FormatVersion::f2021;
  } else if (o.old_markers.size() >= 2) {
    o.format = FormatVersion::f2019;
  } else if (!has_t3 && o.year && *o.year < 2019) {
    o.format = FormatVersion::pre2019;
  } else if (has_t3) {
    o.format = FormatVersion::f2021;
  }
}

}  // namespace

void read_outline(Document& doc, const PageMeta* page) {
  const std::string& t = doc.norm.text;
  Outline& o = doc.outline;
  if (page) o.page = *page;
  mark_furniture_lines(doc);
  line_headings(doc);
  if (o.sections.size() < 6) inline_headings(doc);
  std::sort(o.sections.begin(), o.sections.end(),
            [](const SectionInfo& a, const SectionInfo& b) { return a.norm_begin < b.norm_begin; });
  for (std::size_t k = 0; k < o.sections.size(); ++k) {
    o.sections[k].norm_end = k + 1 < o.sections.size() ? o.sections[k + 1].norm_begin : t.size();
  }
  // The title stands before the first heading; the page's header before the title, its
  // footer after the report.
  const std::size_t title_begin =
      read_title(doc, o.sections.empty() ? t.size() : std::min(t.size(), o.sections[0].norm_begin));
  add_page_zones(doc, title_begin);
  read_format(doc);
  find_lost_sections(doc);
}

}  // namespace nianbao::detail
