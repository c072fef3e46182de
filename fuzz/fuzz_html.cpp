// libFuzzer target: the HTML reader (core/src/html/), on arbitrary bytes taken as a page.
//
// looks_like_html(), html_to_text(), html_declared_charset(), then the Document built over the
// converted text as check() builds it. Invariants:
// - origin has one entry per text byte plus one, the last being the page's size, every entry
//   inside the page (or its end: a line break for elements closed by the end of the page).
//   Not necessarily in order: text standing between the cells of a table is put before the
//   table's row (as browsers do), so the text does not always follow the page;
// - valid UTF-8 in gives valid UTF-8 out (entities included);
// - the page fields (<title>, ArticleTitle, PubDate, SiteName) stand inside the page and are
//   collapsed text (no line breaks, no leading or trailing space);
// - the Document's normalised and compact views map back into the page.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"

namespace {

using nianbao::detail::PageField;

void check_field(const PageField& f, std::string_view html) {
  if (!f.present()) return;
  nianbao::fuzz::require_offset(f.at, html);
  NIANBAO_REQUIRE(f.text.find('\n') == std::string::npos);
  NIANBAO_REQUIRE(f.text.front() != ' ' && f.text.back() != ' ');
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  const bool valid = nianbao::detail::is_valid_utf8(html);
  (void)nianbao::detail::looks_like_html(html);
  (void)nianbao::detail::html_declared_charset(html);

  const nianbao::detail::HtmlText t = nianbao::detail::html_to_text(html);
  NIANBAO_REQUIRE(t.origin.size() == t.text.size() + 1);
  NIANBAO_REQUIRE(t.origin.back() == html.size());
  for (std::size_t k = 0; k + 1 < t.origin.size(); ++k) {
    NIANBAO_REQUIRE(t.origin[k] <= html.size());  // = size: closed at the end
  }
  if (valid) NIANBAO_REQUIRE(nianbao::detail::is_valid_utf8(t.text));
  check_field(t.meta.title, html);
  check_field(t.meta.article_title, html);
  check_field(t.meta.pub_date, html);
  check_field(t.meta.site_name, html);

  const nianbao::detail::Document doc(html, t.text, t.origin);
  nianbao::fuzz::require_text_layer(doc, html);
  return 0;
}
