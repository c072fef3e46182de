// Page furniture: what a government portal puts around a report, as it stands in a saved page
// turned into text or in a select-all (Ctrl+A) copy of it. A line is furniture by itself when it
// is a breadcrumb (当前位置：首页 > …), a page field (发布时间：… 来源：… 字号：大 中 小, 索引号,
// 浏览次数), a share or print bar, a footer line (版权所有 ©, ICP备, 网站标识码, 主办单位) or the
// header of a related-links list (相关链接, 上一篇); such a line is never a sentence of the report
// (it holds no 。). Around the report: everything before the article's title is the page's header
// (top bar, navigation, search box, the date bar), and from the first furniture line after the last
// section heading to the end is its footer (print and close links, related links to other years'
// reports, the site's footer). Furniture yields no section, narrative fact, stale year or date of
// the report; the page's own fields (发布时间) are read from it as such (facts/dates.cpp).
#include <algorithm>
#include <array>
#include <cstring>

#include "outline_internal.hpp"

namespace nianbao::detail::outline_internal {

namespace {

// A line starting with one of these (after whitespace is removed) is furniture.
constexpr std::string_view kBreadcrumbStarts[] = {"当前位置", "您的位置",     "您当前的位置",
                                                  "你的位置", "你当前的位置", "当前所在位置",
                                                  "所在位置", "位置:"};
constexpr std::string_view kFieldStarts[] = {
    "发布时间", "发布日期", "公开日期", "来源:",    "信息来源", "文章来源", "稿件来源",
    "作者:",    "浏览次数", "点击数",   "点击量",   "阅读次数", "阅读量",   "访问次数",
    "字号",     "字体:",    "【字体",   "【字号",   "索引号",   "发布机构", "主题分类",
    "信息分类", "栏目:",    "原文链接", "原文地址", "采集时间", "本地目录", "责任编辑"};
// A line containing one of these is furniture.
constexpr std::string_view kShareMarks[] = {
    "分享到",   "分享至", "扫一扫",   "打印本页", "【打印】", "[打印]",     "关闭窗口",
    "【关闭】", "[关闭]", "返回顶部", "收藏本页", "大中小】", "字号:大中小"};
constexpr std::string_view kFooterMarks[] = {"版权所有",   "Copyright", "copyright",    "COPYRIGHT",
                                             "©",          "ICP备",     "ICP证",        "公网安备",
                                             "网站标识码", "主办单位",  "承办单位",     "主办:",
                                             "承办:",      "技术支持",  "政府网站找错", "网站纠错"};
// Only on a short line: words a report's sentence may also hold.
constexpr std::string_view kShortFooterMarks[] = {"网站地图", "联系我们", "无障碍",   "适老化",
                                                  "繁體",     "繁体版",   "设为首页", "加入收藏"};
constexpr std::string_view kRelatedStarts[] = {
    "相关链接", "相关文章", "相关阅读", "相关推荐", "相关信息", "相关新闻",
    "相关文件", "相关稿件", "相关年报", "往年年报", "历年年报", "上一篇",
    "下一篇",   "上一条",   "下一条",   "推荐阅读", "猜你喜欢", "热点推荐"};

}  // namespace

Mark furniture_mark(std::string_view line) {
  if (line.empty() || contains_text(line, "。")) return Mark::none;
  const std::size_t cps = cp_count(line);
  if (cps > 200) return Mark::none;
  // The line without whitespace, in a buffer on the stack: every line of the text comes here
  // (at most 200 code points of at most 4 bytes; stray continuation bytes count for no code
  // point, so a longer line is copied to the heap).
  std::array<char, 800> buf;
  std::string long_line;
  char* out = buf.data();
  if (line.size() > buf.size()) {
    long_line.resize(line.size());
    out = long_line.data();
  }
  std::size_t len = 0;
  for (const char ch : line) {
    if (!is_space_byte(ch)) out[len++] = ch;
  }
  std::string_view c(out, len);
  // Markdown marks and brackets around a link ("【打印】" stays).
  while (!c.empty() && (c.front() == '#' || c.front() == '*' || c.front() == '>')) {
    c.remove_prefix(1);
  }
  // Each list is looked for in one pass over the line (WordSet).
  static const WordSet breadcrumb(kBreadcrumbStarts), related(kRelatedStarts), share(kShareMarks),
      footer(kFooterMarks), short_footer(kShortFooterMarks), field(kFieldStarts);
  if (breadcrumb.starts(c)) return Mark::breadcrumb;
  if (related.starts(c)) return Mark::related;
  if (share.in(c)) return Mark::share;
  if (footer.in(c)) return Mark::footer;
  if (cps <= 30 && short_footer.in(c)) return Mark::footer;
  if (cps <= 120 && field.starts(c)) return Mark::field;
  return Mark::none;
}

void mark_furniture_lines(Document& doc) {
  const std::string& t = doc.norm.text;
  auto& out = doc.outline.furniture;
  for (const Line& l : lines_of(t)) {
    const std::string_view line = trim(std::string_view(t).substr(l.begin, l.end - l.begin));
    if (furniture_mark(line) == Mark::none) continue;
    out.emplace_back(l.begin, std::min(t.size(), l.end + 1));
  }
}

namespace {

// Sorts and merges the ranges.
void merge(std::vector<std::pair<std::size_t, std::size_t>>& r) {
  std::sort(r.begin(), r.end());
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& x : r) {
    if (x.second <= x.first) continue;
    if (!out.empty() && x.first <= out.back().second) {
      out.back().second = std::max(out.back().second, x.second);
    } else {
      out.push_back(x);
    }
  }
  r = std::move(out);
}

// The start of the first furniture line at or after `from`, or npos.
std::size_t first_furniture_line(const Document& doc, std::size_t from) {
  for (const auto& [b, e] : doc.outline.furniture) {
    if (b >= from) return b;
  }
  return std::string::npos;
}

}  // namespace

void add_page_zones(Document& doc, std::size_t title_begin) {
  Outline& o = doc.outline;
  const std::string& t = doc.norm.text;
  merge(o.furniture);
  if (title_begin != std::string::npos && title_begin > 0) o.furniture.emplace_back(0, title_begin);
  if (title_begin == std::string::npos && !o.sections.empty()) {
    // No title line (the page's fields name the report): the header runs to the last furniture
    // line before the first heading (the breadcrumb, the date or share bar above the article).
    std::size_t header = 0;
    for (const auto& [b, e] : o.furniture) {
      if (e <= o.sections.front().norm_begin) header = e;
    }
    if (header > 0) o.furniture.emplace_back(0, header);
  }
  // The footer: after the last heading (or the title), the first furniture line.
  std::size_t after = title_begin == std::string::npos ? 0 : title_begin;
  if (!o.sections.empty()) after = std::max(after, o.sections.back().norm_body);
  if (o.sections.empty() && title_begin == std::string::npos) after = t.size();
  const std::size_t footer = first_furniture_line(doc, after);
  if (footer != std::string::npos) {
    o.furniture.emplace_back(footer, t.size());
    if (!o.sections.empty() && o.sections.back().norm_end > footer) {
      o.sections.back().norm_end = std::max(footer, o.sections.back().norm_body);
    }
  }
  merge(o.furniture);
}

}  // namespace nianbao::detail::outline_internal

namespace nianbao::detail {

bool Outline::in_furniture(std::size_t norm_offset) const {
  auto it = std::upper_bound(
      furniture.begin(), furniture.end(), norm_offset,
      [](std::size_t v, const std::pair<std::size_t, std::size_t>& r) { return v < r.first; });
  if (it == furniture.begin()) return false;
  --it;
  return norm_offset >= it->first && norm_offset < it->second;
}

}  // namespace nianbao::detail
