// The text of the statutory sections (section_text.hpp).
#include "rules/narrative/section_text.hpp"

#include <algorithm>

#include "rules/rule.hpp"

namespace nianbao::detail {

std::size_t heading_offset(const Document& doc, int n) {
  const SectionInfo* s = doc.outline.part(n);
  return s ? s->begin : kNoOffset;
}

std::string_view section_body(const Document& doc, int n) {
  const SectionInfo* s = doc.outline.part(n);
  if (!s) return {};
  const Compact& f = doc.flat;
  auto at = [&](std::size_t norm) {
    return static_cast<std::size_t>(
        std::lower_bound(f.pos.begin(), f.pos.end() - 1, static_cast<std::uint32_t>(norm)) -
        f.pos.begin());
  };
  const std::size_t b = at(s->norm_body), e = at(s->norm_end);
  return std::string_view(f.text).substr(b, e > b ? e - b : 0);
}

bool has_any(std::string_view s, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (contains_text(s, w)) return true;
  }
  return false;
}

bool asks_2021_content(const Document& doc) {
  const auto& year = doc.outline.year;
  return year ? *year >= 2021 : doc.outline.format == FormatVersion::f2021;
}

}  // namespace nianbao::detail
