// The WebAssembly binding: a thin embind layer over the same core calls the CLI makes.
// JavaScript: const m = await createNianbao();
//             JSON.parse(m.check(text, JSON.stringify({minSeverity: "warning"})))
//             JSON.parse(m.check(text, JSON.stringify({previous: lastYearsText})))
#include <emscripten/bind.h>

#include <string>

#include "nianbao/nianbao.hpp"

namespace {

// `text` arrives as UTF-8 (embind's std::string); `options_json` as in nianbao::parse_options_json,
// including {"previous": "<last year's report>"} for the cross-year checks (issue 13): the
// previous text travels inside the options JSON, so the binding's signature is unchanged.
std::string check(const std::string& text, const std::string& options_json) {
  return nianbao::check_to_json(text, options_json);
}

std::string rules() { return nianbao::rules_to_json(); }
std::string cells() { return nianbao::cells_to_json(); }

std::string version() { return nianbao::kVersion; }

// Two agency names (report.agency) are one agency as the cross-year checks see it: checkMany's
// crossYear pairing (the CLI's --cross-year) asks the core rather than guessing in JavaScript.
bool agencies_match(const std::string& a, const std::string& b) {
  return nianbao::agencies_match(a, b);
}

}  // namespace

EMSCRIPTEN_BINDINGS(nianbao) {
  emscripten::function("check", &check);
  emscripten::function("rules", &rules);
  emscripten::function("cells", &cells);
  emscripten::function("version", &version);
  emscripten::function("agenciesMatch", &agencies_match);
}
