// libFuzzer target (the main one): the whole way a report takes through the core, on
// arbitrary bytes.
//
// 1. decode_input() on the raw bytes (BOM sniffing, UTF-16, GB18030 through iconv);
// 2. check() + to_json() + to_text() on the decoded text, as the CLI does; when the input holds
//    a form feed (\f), what follows it is last year's report (Options::previous: the cross-year
//    rules and the changes block);
// 3. check() + to_json() on the raw bytes as if they were the text (the page hands over
//    whatever a JavaScript string holds, including lone surrogates sent as F0 90 80 80), when
//    they do not decode, or decode to other bytes (then for odd sizes only: speed);
// 4. check_to_json() with the options JSON taken from the first line, when it starts with '{'.
// Invariants: exit code 0..2, a reason exactly for 2, the summary counting the findings shown;
// every finding, section and cell at a line:column inside the text (the column at most one past
// its line's last code point), cross-year positions inside last year's text; to_json() is JSON
// (parsed back): an error document exactly for exit code 2, else the
// findings and the error count shown; to_text() says something.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "nianbao/nianbao.hpp"

namespace {

using nianbao::detail::Source;

void require_position(const Source& source, int line, int column) {
  if (line == 0) {
    NIANBAO_REQUIRE(column == 0);
    return;
  }
  NIANBAO_REQUIRE(line >= 1 && line <= source.line_count());
  NIANBAO_REQUIRE(column >= 1);
  const std::size_t cps = nianbao::detail::cp_count(source.line_text(line));
  NIANBAO_REQUIRE(static_cast<std::size_t>(column) <= cps + 1);
}

// to_json() is JSON: parsed back, an error document exactly for exit code 2, else the
// findings and the error count of the result.
nlohmann::json require_json(const std::string& json) {
  NIANBAO_REQUIRE(!json.empty() && json.front() == '{' && json.back() == '}');
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  NIANBAO_REQUIRE(j.is_object() && j.contains("schema"));
  return j;
}

void require_json(const std::string& json, const nianbao::Result& r) {
  const nlohmann::json j = require_json(json);
  if (r.exit_code == 2) {
    NIANBAO_REQUIRE(j.contains("error") && j.value("exit_code", 0) == 2);
    return;
  }
  NIANBAO_REQUIRE(!j.contains("exit_code"));
  NIANBAO_REQUIRE(j["findings"].is_array() && j["findings"].size() == r.findings.size());
  NIANBAO_REQUIRE(j["summary"]["findings"]["error"] == r.summary.errors);
}

void check_result(const nianbao::Result& r, std::string_view text,
                  const std::string_view* previous = nullptr) {
  NIANBAO_REQUIRE(r.exit_code >= 0 && r.exit_code <= 2);
  NIANBAO_REQUIRE((r.exit_code == 2) == !r.input_error.empty());
  NIANBAO_REQUIRE(r.input_lines >= 0);
  require_json(nianbao::to_json(r), r);
  if (r.exit_code == 2) return;
  const Source source(text);
  NIANBAO_REQUIRE(r.input_lines == source.line_count());
  for (const auto& c : r.cells) require_position(source, c.line, c.column);
  for (const auto& s : r.sections) require_position(source, s.line, s.column);
  int errors = 0;
  for (const auto& f : r.findings) {
    require_position(source, f.line, f.column);
    NIANBAO_REQUIRE(!f.rule.empty() && !f.message.empty() && !f.message_en.empty());
    if (f.severity == nianbao::Severity::error) ++errors;
    if (f.previous_line != 0) {
      NIANBAO_REQUIRE(previous != nullptr);
      require_position(Source(*previous), f.previous_line, f.previous_column);
    }
  }
  if (r.reports.empty()) NIANBAO_REQUIRE(r.summary.errors == errors);
  NIANBAO_REQUIRE((r.exit_code == 1) == (r.summary.errors > 0) || !r.reports.empty());
  for (const auto& part : r.reports) {
    NIANBAO_REQUIRE(part.first_line >= 1 && part.first_line <= part.last_line);
    NIANBAO_REQUIRE(part.last_line <= r.input_lines);
    NIANBAO_REQUIRE(part.exit_code <= r.exit_code);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const nianbao::Decoded decoded = nianbao::decode_input(bytes);
  NIANBAO_REQUIRE(decoded.ok == decoded.error.empty());
  if (decoded.ok) {
    std::string_view text = decoded.utf8;
    std::string_view previous;
    nianbao::Options options;
    options.encoding = decoded.encoding;
    const std::size_t ff = text.find('\f');
    if (ff != std::string_view::npos) {
      previous = text.substr(ff + 1);
      text = text.substr(0, ff);
      options.previous = std::string(previous);
    } else if (decoded.utf8.size() != bytes.size()) {
      options.input_bytes = bytes.size();
    }
    const nianbao::Result r = nianbao::check(text, options);
    check_result(r, text, &previous);
    if (r.exit_code != 2) {
      const std::string out = nianbao::to_text(r, text, "fuzz.txt", size % 2 == 0);
      NIANBAO_REQUIRE(!out.empty());
    }
  }

  // The raw bytes as text (invalid UTF-8, NULs, JS lone surrogates...): always for bytes that
  // do not decode; for bytes that decode to something else (GB18030, UTF-16, a BOM), every
  // other input only, since most mutations of a report are such bytes and a second check()
  // would halve the executions. Identical bytes ran above.
  if (!decoded.ok || (decoded.utf8 != bytes && size % 2 == 1)) {
    check_result(nianbao::check(bytes), bytes);
  }

  if (!bytes.empty() && bytes.front() == '{') {
    const std::size_t eol = bytes.find('\n');
    if (eol != std::string_view::npos) {
      const std::string json = nianbao::check_to_json(bytes.substr(eol + 1), bytes.substr(0, eol));
      (void)require_json(json);
    }
  }
  return 0;
}
