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

namespace {
bool ends_with(const std::string& s, const std::string& suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}
}  // namespace

AgencyKind agency_kind(const std::string& agency) {
  if (agency.empty()) return AgencyKind::unknown;
  if (has_any(agency, {"街道", "镇人民政府", "乡人民政府", "镇政府", "乡政府"}) ||
      ends_with(agency, "镇") || ends_with(agency, "乡")) {
    return AgencyKind::township;
  }
  if (ends_with(agency, "人民政府") || has_any(agency, {"政府办公室", "政府办公厅"})) {
    return AgencyKind::government;
  }
  for (const char* s : {"局", "委", "委员会", "办", "办公室", "厅", "中心", "院", "署", "馆"}) {
    if (ends_with(agency, s)) return AgencyKind::department;
  }
  return AgencyKind::unknown;
}

bool asks_2021_content(const Document& doc) {
  const auto& year = doc.outline.year;
  return year ? *year >= 2021 : doc.outline.format == FormatVersion::f2021;
}

}  // namespace nianbao::detail
