// The text of the statutory sections, as the section-content rules read it.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "document.hpp"

namespace nianbao::detail {

// Where section n's heading stands in the input (for a lost heading: where its content starts),
// or kNoOffset when the section is missing.
std::size_t heading_offset(const Document& doc, int n);

// The whitespace-free text of section n's body, also of a section whose heading is lost (empty
// when the section is missing).
std::string_view section_body(const Document& doc, int n);

// Whether `s` contains any of `words`.
bool has_any(std::string_view s, std::initializer_list<const char*> words);

// What kind of body an agency name names (format.md S-7): a township (街道, …镇), a local
// people's government (…人民政府, 政府办公室 / 办公厅), a government department (…局 / 委 / 办 /
// 厅 / 中心 …), or none that can be told.
enum class AgencyKind { unknown, township, government, department };
AgencyKind agency_kind(const std::string& agency);

// The content the 2021 format asks of sections 一 and 六 (the fee rules of 国办函〔2020〕109号
// apply from 2021; 2019 and 2020 reports were not asked for them).
bool asks_2021_content(const Document& doc);

}  // namespace nianbao::detail
