// The page's own fields: the first <title> and the <meta name=...> fields of government portals
// (ArticleTitle, PubDate, SiteName), read as a browser shows text: entities decoded, runs of
// whitespace one space, trimmed. Each keeps the source offset of its first character, so a
// finding about the title or the publication date points into the page as supplied.
#include "html_internal.hpp"
#include "text.hpp"

namespace nianbao::detail::html_internal {

namespace {

constexpr std::size_t kMaxField = 2000;  // bytes of source read for one field

// Decodes `h[begin, end)` into *f (f->at = offset of the first visible character).
void read_field(std::string_view h, std::size_t begin, std::size_t end, PageField* f) {
  end = std::min({end, h.size(), begin + kMaxField});
  std::string out;
  bool space = false, any = false;
  std::size_t i = begin;
  while (i < end) {
    char32_t cp = 0;
    std::size_t len = 0;
    if (h[i] == '&') len = parse_entity(h, i, &cp);
    if (len == 0) {
      len = char_len(h, i);
      std::size_t k = i;
      cp = next_cp(h, k);
    }
    const bool ws = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
                    cp == 0xA0 || cp == 0x3000;
    if (ws) {
      space = any;
    } else {
      if (!any) f->at = static_cast<std::uint32_t>(i);
      if (space) out.push_back(' ');
      space = false;
      any = true;
      append_utf8(out, cp);
    }
    i += len;
  }
  f->text = std::move(out);
}

}  // namespace

void note_meta(std::string_view h, const Tag& t, PageMeta* meta) {
  if (t.name_attr.empty() || t.content.empty()) return;
  PageField* f = nullptr;
  const std::string_view n = t.name_attr;
  if (ieq(n, "ArticleTitle")) {
    f = &meta->article_title;
  } else if (ieq(n, "PubDate") || ieq(n, "PublishDate") || ieq(n, "FirstPublishedTime")) {
    f = &meta->pub_date;
  } else if (ieq(n, "SiteName")) {
    f = &meta->site_name;
  }
  if (!f || f->present()) return;
  const auto begin = static_cast<std::size_t>(t.content.data() - h.data());
  read_field(h, begin, begin + t.content.size(), f);
}

void note_title(std::string_view h, std::size_t begin, std::size_t end, PageMeta* meta) {
  if (meta->title.present() || end <= begin) return;
  read_field(h, begin, end, &meta->title);
}

}  // namespace nianbao::detail::html_internal
