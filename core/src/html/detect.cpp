// Detection: whether an input is HTML at all (a page or clipboard fragment, not a report that
// happens to hold a '<'), and the charset an HTML page declares in its <meta> tags, read from
// the raw bytes before they are decoded.
#include "html_internal.hpp"

namespace nianbao::detail {

using html_internal::ieq;
using html_internal::is_alnum;
using html_internal::is_alpha;
using html_internal::is_ws;
using html_internal::istarts;
using html_internal::kNpos;
using html_internal::lower;
using html_internal::skip_declaration;
using html_internal::skip_raw_text;
using html_internal::Tag;
using html_internal::TagReader;

namespace {

// Lines of `w` with visible text and no '<'.
std::size_t plain_lines(std::string_view w) {
  std::size_t lines = 0;
  std::size_t ls = 0;
  while (ls < w.size()) {
    std::size_t le = w.find('\n', ls);
    if (le == kNpos) le = w.size();
    const std::string_view line = w.substr(ls, le - ls);
    bool visible = false;
    for (char c : line) visible = visible || !is_ws(c);
    if (visible && line.find('<') == kNpos) ++lines;
    ls = le + 1;
  }
  return lines;
}

// The charset named in a Content-Type value ("text/html; charset=gbk"), or "".
std::string_view charset_in_content(std::string_view c) {
  for (std::size_t k = 0; k + 8 <= c.size(); ++k) {
    if (istarts(c, k, "charset")) {
      std::size_t v = k + 7;
      while (v < c.size() && is_ws(c[v])) ++v;
      if (v >= c.size() || c[v] != '=') continue;
      ++v;
      while (v < c.size() && (is_ws(c[v]) || c[v] == '"' || c[v] == '\'')) ++v;
      std::size_t e = v;
      while (e < c.size() && !is_ws(c[e]) && c[e] != ';' && c[e] != '"' && c[e] != '\'') {
        ++e;
      }
      return c.substr(v, e - v);
    }
  }
  return {};
}

}  // namespace

bool looks_like_html(std::string_view text) {
  const std::string_view w = text.substr(0, std::min<std::size_t>(text.size(), 8192));
  std::size_t i = 0;
  if (w.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  while (i < w.size() && is_ws(w[i])) ++i;
  if (istarts(w, i, "<!doctype html") || istarts(w, i, "<html") || istarts(w, i, "<?xml") ||
      istarts(w, i, "<!--")) {
    return true;
  }
  // Clipboard HTML as Windows stores it (CF_HTML).
  if (istarts(w, i, "version:") && w.find("StartHTML:") != kNpos) return true;

  static constexpr std::string_view kKnown[] = {
      "html", "head", "body",  "meta",   "title",   "table",   "tbody",  "thead",   "tr",
      "td",   "th",   "p",     "div",    "span",    "br",      "h1",     "h2",      "h3",
      "h4",   "h5",   "h6",    "ul",     "ol",      "li",      "font",   "strong",  "b",
      "a",    "img",  "style", "script", "section", "article", "center", "caption", "hr"};
  std::size_t tags = 0;
  bool first_is_tag = false;
  bool document = false;
  std::size_t at = i;
  while ((at = w.find('<', at)) != kNpos) {
    std::size_t j = at + 1;
    if (j < w.size() && w[j] == '/') ++j;
    const std::size_t n0 = j;
    while (j < w.size() && is_alnum(w[j])) ++j;
    const std::string_view name = w.substr(n0, j - n0);
    bool known = false;
    for (std::string_view k : kKnown) known = known || ieq(name, k);
    // A tag name must be followed by whitespace, '/' or '>', and the tag must close soon.
    const bool shaped = j < w.size() && (is_ws(w[j]) || w[j] == '/' || w[j] == '>');
    if (known && shaped) {
      const std::string_view rest = w.substr(j, 1024);
      const std::size_t gt = rest.find('>');
      const std::size_t lt = rest.find('<');
      if (gt != kNpos && (lt == kNpos || gt < lt)) {
        ++tags;
        if (at == i) first_is_tag = true;
        if (ieq(name, "html") || ieq(name, "body") || ieq(name, "head")) document = true;
      }
    }
    at = at + 1;
  }
  if (first_is_tag || document) return true;
  // Otherwise the markup must dominate: at least as many tags as lines of plain text.
  return tags >= 4 && tags >= plain_lines(w);
}

std::string html_declared_charset(std::string_view bytes) {
  const std::string_view w = bytes.substr(0, std::min<std::size_t>(bytes.size(), 32768));
  TagReader reader(w);
  std::size_t i = 0;
  while ((i = w.find('<', i)) != kNpos) {
    const std::size_t skipped = skip_declaration(w, i);
    if (skipped != i) {
      i = skipped;
      continue;
    }
    if (i + 1 >= w.size() || !is_alpha(w[i + 1])) {
      ++i;
      continue;
    }
    Tag t;
    const std::size_t after = reader.read(i, &t);
    const std::string_view name = t.view();
    if (name == "script" || name == "style") {
      i = skip_raw_text(w, after, name);
      continue;
    }
    i = after;
    if (name != "meta") continue;
    std::string_view value;
    if (!t.charset.empty()) {
      value = t.charset;
    } else if (ieq(t.http_equiv, "content-type")) {
      value = charset_in_content(t.content);
    }
    while (!value.empty() && is_ws(value.front())) value.remove_prefix(1);
    while (!value.empty() && is_ws(value.back())) value.remove_suffix(1);
    if (value.empty()) continue;
    std::string out;
    for (char c : value.substr(0, 40)) out.push_back(lower(c));
    return out;
  }
  return "";
}

}  // namespace nianbao::detail
