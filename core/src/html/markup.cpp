// Markup: the tokens of an HTML source other than text. Tags are read for their name and the
// few attributes the reader uses (colspan, rowspan, charset, http-equiv, content, name); comments,
// doctypes and processing instructions are skipped; the content of raw-text elements (<script>,
// <style>, <title> ...) is skipped up to their end tag. Each is one forward search: an unclosed
// quote or comment never makes reading quadratic.
#include <iterator>

#include "html_internal.hpp"

namespace nianbao::detail::html_internal {

std::size_t TagReader::read(std::size_t i, Tag* t) {
  const std::size_t n = h_.size();
  *t = Tag();
  std::size_t j = i + 1;
  if (h_[j] == '/') {
    t->end_tag = true;
    ++j;
  }
  const std::size_t n0 = j;
  while (j < n && !is_ws(h_[j]) && h_[j] != '/' && h_[j] != '>') ++j;
  if (j - n0 < sizeof(t->name)) {
    for (std::size_t k = n0; k < j; ++k) t->name[k - n0] = lower(h_[k]);
  }
  while (j < n) {
    const char c = h_[j];
    if (c == '>') return j + 1;
    if (is_ws(c) || c == '/') {
      ++j;
      continue;
    }
    const std::size_t a0 = j;
    do {
      ++j;
    } while (j < n && !is_ws(h_[j]) && h_[j] != '/' && h_[j] != '>' && h_[j] != '=');
    const std::string_view attr = h_.substr(a0, j - a0);
    while (j < n && is_ws(h_[j])) ++j;
    if (j >= n || h_[j] != '=') continue;
    ++j;
    while (j < n && is_ws(h_[j])) ++j;
    const std::string_view value = read_value(j);
    if (ieq(attr, "colspan")) {
      t->colspan = value;
    } else if (ieq(attr, "rowspan")) {
      t->rowspan = value;
    } else if (ieq(attr, "charset")) {
      t->charset = value;
    } else if (ieq(attr, "http-equiv")) {
      t->http_equiv = value;
    } else if (ieq(attr, "content")) {
      t->content = value;
    } else if (ieq(attr, "name")) {
      t->name_attr = value;
    }
  }
  return n;
}

std::string_view TagReader::read_value(std::size_t& j) {
  const std::size_t n = h_.size();
  std::string_view value;
  if (j < n && (h_[j] == '"' || h_[j] == '\'')) {
    const std::size_t close = find_quote(h_[j], j + 1);
    if (close == kNpos) {
      // An unclosed quote: the value ends with the tag, at the next '>'.
      std::size_t gt = h_.find('>', j + 1);
      if (gt == kNpos) gt = n;
      value = h_.substr(j + 1, gt - j - 1);
      j = gt;
    } else {
      value = h_.substr(j + 1, close - j - 1);
      j = close + 1;
    }
  } else {
    const std::size_t v0 = j;
    while (j < n && !is_ws(h_[j]) && h_[j] != '>') ++j;
    value = h_.substr(v0, j - v0);
  }
  return value;
}

std::size_t TagReader::find_quote(char q, std::size_t from) {
  std::size_t& none = q == '"' ? no_dquote_ : no_squote_;
  if (from >= none) return kNpos;
  const std::size_t at = h_.find(q, from);
  if (at == kNpos) none = from;
  return at;
}

std::size_t skip_declaration(std::string_view h, std::size_t i) {
  const std::size_t n = h.size();
  if (i + 1 >= n) return i;
  const char c = h[i + 1];
  if (c == '!') {
    if (h.compare(i + 2, 2, "--") == 0) {
      const std::size_t end = h.find("-->", i + 2);
      return end == kNpos ? n : end + 3;
    }
    const std::size_t end = h.find('>', i + 2);
    return end == kNpos ? n : end + 1;
  }
  if (c == '?' || (c == '/' && i + 2 < n && !is_alpha(h[i + 2]))) {
    const std::size_t end = h.find('>', i + 2);
    return end == kNpos ? n : end + 1;
  }
  return i;
}

// The offset just past the end tag </name ...> closing raw text that starts at `from`, or n.
std::size_t skip_raw_text(std::string_view h, std::size_t from, std::string_view name) {
  const std::size_t n = h.size();
  std::size_t at = from;
  while (true) {
    at = h.find("</", at);
    if (at == kNpos) return n;
    const std::size_t after = at + 2 + name.size();
    if (istarts(h, at + 2, name) &&
        (after >= n || is_ws(h[after]) || h[after] == '>' || h[after] == '/')) {
      const std::size_t gt = h.find('>', after);
      return gt == kNpos ? n : gt + 1;
    }
    at += 2;
  }
}

std::uint32_t parse_span(std::string_view v, std::uint32_t max, bool zero_is_max) {
  std::size_t k = 0;
  while (k < v.size() && is_ws(v[k])) ++k;
  if (k < v.size() && v[k] == '+') ++k;
  std::uint32_t value = 0;
  bool any = false;
  while (k < v.size() && is_digit(v[k])) {
    any = true;
    value = std::min<std::uint32_t>(max + 1, value * 10 + static_cast<std::uint32_t>(v[k] - '0'));
    ++k;
  }
  if (!any) return 1;
  if (value == 0) return zero_is_max ? max : 1;
  return std::min(value, max);
}

namespace {

struct ElementInfo {
  std::string_view name;
  unsigned flags;
};
constexpr ElementInfo kElements[] = {
    // sorted by name
    {"address", kBlock},
    {"applet", kSkipped},
    {"article", kBlock},
    {"aside", kBlock},
    {"blockquote", kBlock},
    {"body", kBlock},
    {"br", kBlock},
    {"caption", kBlock},
    {"center", kBlock},
    {"dd", kBlock},
    {"details", kBlock},
    {"dialog", kBlock},
    {"dir", kBlock},
    {"div", kBlock},
    {"dl", kBlock},
    {"dt", kBlock},
    {"fieldset", kBlock},
    {"figcaption", kBlock},
    {"figure", kBlock},
    {"footer", kBlock},
    {"form", kBlock},
    {"frame", kBlock},
    {"frameset", kBlock},
    {"h1", kBlock | kHeading},
    {"h2", kBlock | kHeading},
    {"h3", kBlock | kHeading},
    {"h4", kBlock | kHeading},
    {"h5", kBlock | kHeading},
    {"h6", kBlock | kHeading},
    {"header", kBlock},
    {"hgroup", kBlock},
    {"hr", kBlock},
    {"html", kBlock},
    {"iframe", kSkipped},
    {"legend", kBlock},
    {"li", kBlock},
    {"listing", kBlock},
    {"main", kBlock},
    {"math", kSkipped},
    {"menu", kBlock},
    {"nav", kBlock},
    {"noembed", kSkipped},
    {"noframes", kSkipped},
    {"noscript", kSkipped},
    {"object", kSkipped},
    {"ol", kBlock},
    {"optgroup", kBlock},
    {"option", kBlock},
    {"p", kBlock},
    {"pre", kBlock},
    {"script", kSkipped},
    {"section", kBlock},
    {"select", kSkipped},
    {"style", kSkipped},
    {"summary", kBlock},
    {"svg", kSkipped},
    {"tbody", kBlock},
    {"template", kSkipped},
    {"textarea", kSkipped},
    {"tfoot", kBlock},
    {"thead", kBlock},
    {"title", kSkipped},
    {"ul", kBlock},
};

constexpr bool elements_sorted() {
  for (std::size_t k = 1; k < sizeof(kElements) / sizeof(kElements[0]); ++k) {
    if (!(kElements[k - 1].name < kElements[k].name)) return false;
  }
  return true;
}
static_assert(elements_sorted(), "kElements must be sorted for the binary search");

}  // namespace

unsigned element_flags(std::string_view name) {
  const auto* end = std::end(kElements);
  const auto* it =
      std::lower_bound(std::begin(kElements), end, name,
                       [](const ElementInfo& e, std::string_view n) { return e.name < n; });
  return it != end && it->name == name ? it->flags : 0;
}

}  // namespace nianbao::detail::html_internal
