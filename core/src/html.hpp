// HTML input: a saved government page (or clipboard HTML) turned into the plain text the
// checker reads, with every output byte mapped back to the HTML source.
//
// Tables keep their grid: each <tr> becomes one line whose cells are joined by a TAB, with
// rowspan/colspan expanded (a spanned slot is an empty cell), so every row of a table has the
// same number of cells and a number stands in its true column. Everything is hand-written
// scanning in linear time with no recursion; malformed HTML never fails, it is read as a
// browser would read it, more or less.
//
// The code is in core/src/html/ (html_internal.hpp lists the pieces).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::detail {

// True when the text is an HTML document or fragment (a <table>, <html>, <body>, <p>, <div> ...
// tag structure), not a report that merely contains a '<' character. Looks at the first few KB.
bool looks_like_html(std::string_view text);

// What a page says about itself in its <head>: the first <title>, and the <meta name=...>
// fields government portals fill in (ArticleTitle, PubDate, SiteName: the fields of the
// national portal standard, 政府网站集约化). Each is read as a browser would show it (entities
// decoded, whitespace collapsed), with the source offset of its first character.
struct PageField {
  std::string text;      // empty when the page has no such field
  std::uint32_t at = 0;  // byte offset in the HTML source
  bool present() const { return !text.empty(); }
};
struct PageMeta {
  PageField title;          // <title>
  PageField article_title;  // <meta name="ArticleTitle">
  PageField pub_date;       // <meta name="PubDate"> (also PublishDate, FirstPublishedTime)
  PageField site_name;      // <meta name="SiteName">
};

struct HtmlText {
  PageMeta meta;
  std::string text;  // plain text for the checker
  // origin[i] = byte offset in the HTML source of the character (or entity, or the tag that
  // produced a TAB or line break) behind byte i of text; origin.size() == text.size() + 1,
  // the last entry being the source's size.
  std::vector<std::uint32_t> origin;
};
// `html` is UTF-8 already (see html_declared_charset for the decoder).
HtmlText html_to_text(std::string_view html);

// The charset declared by <meta charset=...> or <meta http-equiv="Content-Type"
// content="...; charset=...">, lower-cased ("gbk", "gb2312", "gb18030", "utf-8"), or "" when
// none is declared. Reads the raw bytes (any ASCII-compatible encoding).
std::string html_declared_charset(std::string_view bytes);

}  // namespace nianbao::detail
