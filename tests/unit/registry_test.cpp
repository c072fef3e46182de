// The rule registry against the rule units' sources: a RuleDef declared in a unit under
// core/src/rules/ but left out of registry.cpp would never run and never reach the catalogue.
// This test reads the sources (they are plain text) and compares the ids declared there with the
// ids of nianbao::rules().
#include <nianbao/nianbao.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

namespace nianbao {
namespace {

namespace fs = std::filesystem;

// The ids of every `extern const RuleDef kName{ "id", ...` definition under `dir`.
std::set<std::string> declared_ids(const fs::path& dir) {
  std::set<std::string> ids;
  const std::string marker = "extern const RuleDef k";
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".cpp") continue;
    std::ifstream in(e.path());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::size_t at = text.find(marker); at != std::string::npos;
         at = text.find(marker, at + 1)) {
      const std::size_t brace = text.find_first_of("{;", at);
      if (brace == std::string::npos || text[brace] != '{') continue;  // a declaration only
      const std::size_t open = text.find('"', brace);
      const std::size_t close = text.find('"', open + 1);
      if (open == std::string::npos || close == std::string::npos) continue;
      ids.insert(text.substr(open + 1, close - open - 1));
    }
  }
  return ids;
}

TEST(Registry, EveryDeclaredRuleIsRegisteredOnce) {
  const fs::path dir = fs::path(NIANBAO_TESTS_DIR).parent_path() / "core" / "src" / "rules";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  const std::set<std::string> declared = declared_ids(dir);
  std::set<std::string> registered;
  for (const auto& r : rules()) {
    EXPECT_TRUE(registered.insert(r.id).second) << r.id << " is registered twice";
  }
  EXPECT_GE(declared.size(), 29u);
  for (const auto& id : declared) {
    EXPECT_TRUE(registered.count(id)) << id << " is declared but not in registry.cpp";
  }
  for (const auto& id : registered) {
    EXPECT_TRUE(declared.count(id)) << id << " is registered but its declaration was not found";
  }
}

}  // namespace
}  // namespace nianbao
