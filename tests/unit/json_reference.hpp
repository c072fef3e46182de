// The tree-based JSON of a result (nlohmann::ordered_json, dumped), as nianbao wrote it before
// the streaming writer: the reference of the byte-identity tests. Test build only.
#pragma once

#include <nianbao/nianbao.hpp>

#include <string>
#include <string_view>

namespace nianbao::testing {

std::string to_json_tree(const Result& r);
std::string check_to_json_tree(std::string_view utf8, std::string_view options_json);

}  // namespace nianbao::testing
