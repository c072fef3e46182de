// Lost headings: a statutory section whose heading is missing (OCR and PDF conversion drop
// headings; copies lose their numbering) while its content is recognisably there, in its place
// between the sections around it. What counts as its content:
//
//   all   a line of the section's official heading words without the numeral ("存在的主要问题
//         及改进情况" alone on its line);
//   一    the overview's opening: "（一）主动公开…" or a sentence "2024年，我局…" after the title;
//   二–四 the section's table: the line of its header ("第二十条第（一）项",
//   "（本列数据的勾稽关系…）"
//         or 本年新收…申请数量, "行政复议 … 结果维持");
//   五    after table 四, a line naming problems or improvements ("（一）主要问题", "（一）2024年
//         工作中存在问题的改进情况");
//   六    after 五, a short line about the fee or other matters ("本年度信息处理费收费情况").
//
// A lost section gets the place where its content starts (Outline::lost); the section before it
// ends there, so that the table reader reads each table in its own section. Free-format
// (pre-2019) reports have no statutory sections to lose.
#include <algorithm>
#include <cstring>

#include "outline_internal.hpp"

namespace nianbao::detail::outline_internal {

namespace {

// The index in the whitespace-free text of normalised offset `norm`.
std::size_t flat_of(const Document& doc, std::size_t norm) {
  const auto& p = doc.flat.pos;
  return static_cast<std::size_t>(
      std::lower_bound(p.begin(), p.end(), static_cast<std::uint32_t>(norm)) - p.begin());
}

std::size_t line_start(const std::string& t, std::size_t at) {
  const std::size_t nl = at == 0 ? std::string::npos : t.rfind('\n', at - 1);
  return nl == std::string::npos ? 0 : nl + 1;
}

// A line of [lo, hi) that is not furniture and not a table row, trimmed; the visitor returns
// true to stop (then this returns the line's start), else npos.
template <typename F>
std::size_t find_line(const Document& doc, std::size_t lo, std::size_t hi, F&& f) {
  const std::string& t = doc.norm.text;
  for (std::size_t pos = line_start(t, lo); pos < hi && pos < t.size();) {
    std::size_t eol = t.find('\n', pos);
    if (eol == std::string::npos) eol = t.size();
    const std::string_view line = trim(std::string_view(t).substr(pos, eol - pos));
    const bool row = line.find('\t') != std::string_view::npos || starts_with(line, "|");
    if (pos >= lo && !line.empty() && !row && !doc.outline.in_furniture(pos) && f(line)) {
      return static_cast<std::size_t>(line.data() - t.data());
    }
    pos = eol + 1;
  }
  return std::string::npos;
}

// The line body without a leading enumerator: (一) 一是 1. 1、
std::string without_enumerator(std::string_view line) {
  std::string c = strip_spaces(line);
  if (starts_with(c, "(")) {
    const std::size_t close = c.find(')');
    if (close != std::string::npos && close <= 8) c.erase(0, close + 1);
  } else if (c.size() >= 6 && c.compare(3, 3, "是") == 0) {
    c.erase(0, 6);
  } else if (!c.empty() && c[0] >= '1' && c[0] <= '9' && c.size() > 1 &&
             (c[1] == '.' || c.compare(1, 3, "、") == 0)) {
    c.erase(0, c[1] == '.' ? 2 : 4);
  }
  return c;
}

bool has_any(std::string_view s, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (contains_text(s, w)) return true;
  }
  return false;
}

bool short_line(std::string_view line) {
  return cp_count(line) <= 40 && !contains_text(line, "。");
}

// Section 一: the overview's first subheading or a sentence opening with the report's year.
bool overview_line(std::string_view line) {
  const std::string c = strip_spaces(line);
  if (has_any(c, {"年度报告", "年报"}) && !contains_text(c, "。")) return false;  // the title
  if (starts_with(c, "(一)") &&
      has_any(c, {"主动公开", "依申请", "信息管理", "平台", "监督", "保障", "概述", "总体"})) {
    return true;
  }
  std::size_t k = 0;
  while (k < c.size() && k < 4 && c[k] >= '0' && c[k] <= '9') ++k;
  if (k != 4 || c.compare(4, 3, "年") != 0) return false;
  std::size_t a = 7;
  if (c.compare(a, 3, "度") == 0) a += 3;
  return c.compare(a, 1, ",") == 0 || c.compare(a, 3, "我") == 0 || c.compare(a, 3, "全") == 0;
}

// Section 五: a line naming the problems or the improvements.
bool problems_line(std::string_view line) {
  const std::string c = without_enumerator(line);
  if (short_line(line) && has_any(c, {"问题", "不足", "改进", "整改"})) return true;
  for (const char* p : {"存在的问题", "存在问题", "主要问题", "工作中存在", "存在的主要问题"}) {
    if (starts_with(c, p)) return true;
  }
  return false;
}

// Section 六: a short line about the fee or other matters.
bool other_matters_line(std::string_view line) {
  return cp_count(line) <= 50 && !contains_text(line, "。") &&
         has_any(strip_spaces(line),
                 {"其他需要报告", "其他事项", "信息处理费", "收费情况", "处理费"});
}

// The line holding `at` has no sentence in it (a table's header, not prose citing 第二十条).
bool header_line(const Document& doc, std::size_t at) {
  const std::string& t = doc.norm.text;
  const std::size_t b = line_start(t, at);
  std::size_t e = t.find('\n', at);
  if (e == std::string::npos) e = t.size();
  return !contains_text(std::string_view(t).substr(b, e - b), "。");
}

// Sections 二–四: the line of the table's header ("第二十条第（一）项", "（本列数据的勾稽关系…）"
// or the first label of table 三, "行政复议 … 结果维持" of table 四), on a line of its own.
std::size_t table_place(const Document& doc, int n, std::size_t lo, std::size_t hi) {
  static const char* const kAnchors[][3] = {
      {"第二十条第(一)项", "本年制发件数", "本年新制作数量"},
      {"本列数据的勾稽关系", "本年新收政府信息公开申请数量", nullptr},
      {"行政复议", nullptr, nullptr}};
  const Compact& f = doc.flat;
  const std::string_view text(f.text);
  const std::size_t from = flat_of(doc, lo), to = flat_of(doc, hi);
  std::size_t best = std::string::npos;
  for (const char* a : kAnchors[n - 2]) {
    if (!a) continue;
    std::size_t line_end = 0;  // the end of the last line found to hold a sentence
    for (std::size_t at = find_text(text, a, from); at != std::string::npos && at < to;
         at = find_text(text, a, at + 1)) {
      if (f.pos[at] < line_end) continue;  // on a line already seen to be prose
      // Table 四's header: 行政复议, then 结果维持 within its first two header lines.
      const bool t4 = n != 4 || text.substr(at, 240).find("结果维持") != std::string_view::npos;
      if (!t4) continue;
      if (header_line(doc, f.pos[at])) {
        best = std::min(best, at);
        break;
      }
      line_end = doc.norm.text.find('\n', f.pos[at]);
      if (line_end == std::string::npos) break;  // the rest is one line of prose
    }
  }
  return best == std::string::npos ? best : std::max(lo, line_start(doc.norm.text, f.pos[best]));
}

// Where section n's content starts in [lo, hi), or npos.
std::size_t lost_place(const Document& doc, int n, std::size_t lo, std::size_t hi) {
  const std::size_t words = find_line(doc, lo, hi, [n](std::string_view line) {
    return short_line(line) && official_words(strip_spaces(line), n);
  });
  if (words != std::string::npos) return words;
  switch (n) {
    case 1:
      return find_line(doc, lo, hi, overview_line);
    case 2:
    case 3:
    case 4:
      return table_place(doc, n, lo, hi);
    case 5:
      return find_line(doc, lo, hi, problems_line);
    default:
      return find_line(doc, lo, hi, other_matters_line);
  }
}

// Where the content of section n can start: after the heading (or lost heading) of the
// section before it.
std::size_t lower_bound_of(const Document& doc, int n) {
  const Outline& o = doc.outline;
  for (int k = n - 1; k >= 1; --k) {
    if (const SectionInfo* s = o.part(k)) return s->lost ? s->norm_begin + 1 : s->norm_body;
  }
  return 0;
}

// Where the report ends: the start of the page's footer zone, else the end of the text.
std::size_t report_end(const Document& doc) {
  const auto& fu = doc.outline.furniture;
  const std::size_t n = doc.norm.text.size();
  return !fu.empty() && fu.back().second >= n && fu.back().first > 0 ? fu.back().first : n;
}

// Section ends over the found and the lost sections together.
void set_ends(Document& doc) {
  Outline& o = doc.outline;
  std::vector<SectionInfo*> all;
  for (auto& s : o.sections) all.push_back(&s);
  for (auto& s : o.lost) all.push_back(&s);
  std::sort(all.begin(), all.end(), [](const SectionInfo* a, const SectionInfo* b) {
    return a->norm_begin < b->norm_begin;
  });
  const std::size_t end = report_end(doc);
  for (std::size_t k = 0; k < all.size(); ++k) {
    all[k]->norm_end =
        k + 1 < all.size() ? all[k + 1]->norm_begin : std::max(end, all[k]->norm_body);
  }
}

}  // namespace

void find_lost_sections(Document& doc) {
  Outline& o = doc.outline;
  if (o.format == FormatVersion::pre2019) return;
  for (int n = 1; n <= 6; ++n) {
    if (o.section(n)) continue;
    std::size_t hi = report_end(doc);
    for (int k = n + 1; k <= 6; ++k) {
      if (const SectionInfo* s = o.section(k)) {
        hi = s->norm_begin;
        break;
      }
    }
    const std::size_t lo = lower_bound_of(doc, n);
    const std::size_t at = lo < hi ? lost_place(doc, n, lo, hi) : std::string::npos;
    if (at == std::string::npos) continue;
    const std::string& t = doc.norm.text;
    std::size_t eol = t.find('\n', at);
    if (eol == std::string::npos) eol = t.size();
    SectionInfo s;
    s.number = n;
    s.lost = true;
    s.norm_begin = s.norm_body = at;
    s.begin = doc.orig(at);
    s.heading = doc.raw(at, std::min(eol, at + 120));
    o.lost.push_back(std::move(s));
  }
  if (!o.lost.empty()) set_ends(doc);
}

}  // namespace nianbao::detail::outline_internal
