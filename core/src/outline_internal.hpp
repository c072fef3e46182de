// What the pieces of the outline stage share (document.hpp declares the stage; nothing here is
// used outside the outline files):
//
//   outline.cpp        the six sections (line and inline headings), the format version, and
//                      read_outline from top to bottom
//   outline_page.cpp   page furniture: lines that belong to the web page around the report
//                      (breadcrumb, date and share bars, related links, footer), the header
//                      zone before the article's title and the footer zone after the report
//   outline_title.cpp  the title: the article's title line (never one of a related-links list,
//                      a breadcrumb or a footer), else the page's ArticleTitle / <title>
//   outline_lost.cpp   sections whose content stands without their heading
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"

namespace nianbao::detail::outline_internal {

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space_byte(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space_byte(s.back())) s.remove_suffix(1);
  return s;
}

// s without whitespace.
std::string strip_spaces(std::string_view s);

inline bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// A line of the normalised text, [begin, end) without its line break.
struct Line {
  std::size_t begin = 0, end = 0;
};
// Every line of `t` (empty ones too), in order.
std::vector<Line> lines_of(const std::string& t);

// `body` (whitespace-free, without its numeral) is the official heading of section n or one of
// its accepted variants (outline.cpp).
bool official_words(std::string_view body, int n);

// ----- furniture (outline_page.cpp) ---------------------------------------------------------

// What kind of page furniture a whole line is by itself.
enum class Mark {
  none,
  breadcrumb,  // 当前位置：首页 > 政务公开 > …
  field,   // 发布时间：… 来源：… 字号：大 中 小 / 索引号 / 浏览次数 …
  share,   // 分享到 / 打印本页 / 关闭窗口 / 返回顶部
  footer,  // 版权所有 © / ICP备 / 网站标识码 / 主办单位 / 网站地图 …
  related,  // 相关链接 / 相关文章 / 上一篇 / 下一篇 … (a list of other pages follows)
};
// `line` is a trimmed line of the normalised text.
Mark furniture_mark(std::string_view line);

// Marks the lines that are furniture by themselves (Outline::furniture).
void mark_furniture_lines(Document& doc);
// The header zone (everything before the article's title, which starts at normalised offset
// `title_begin`; when the title was not read from the text (npos), up to the last furniture
// line before the first heading) and the footer zone (from the first furniture line after the
// last section heading to the end). Sorts and merges
// Outline::furniture; the last section ends where the footer zone starts.
void add_page_zones(Document& doc, std::size_t title_begin);

// ----- title (outline_title.cpp) ------------------------------------------------------------

// Reads the title from the text before normalised offset `limit` (the first section heading),
// else from the page's fields. Returns the normalised offset where the title's first line
// starts, or npos when it was not read from the text.
std::size_t read_title(Document& doc, std::size_t limit);

// ----- lost headings (outline_lost.cpp) ------------------------------------------------------

// Sections whose content stands without their heading (Outline::lost); the section ends are
// set over the found and the lost sections together.
void find_lost_sections(Document& doc);

}  // namespace nianbao::detail::outline_internal
