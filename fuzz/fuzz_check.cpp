// libFuzzer target: the whole way a report takes through the core, on arbitrary bytes.
//
// 1. decode_input() on the raw bytes (BOM sniffing, UTF-16, GB18030 through iconv);
// 2. check() + to_json() + to_text() on the decoded text, as the CLI does;
// 3. check() + to_json() on the raw bytes as if they were the text (the page hands over
//    whatever a JavaScript string holds, including lone surrogates sent as F0 90 80 80);
// 4. check_to_json() with the options JSON taken from the first line, when it starts with '{'.
// Every result must be well formed: exit code 0..2, a reason for 2, positions inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "nianbao/nianbao.hpp"

namespace {

void require(bool ok) {
  if (!ok) std::abort();  // libFuzzer reports the abort as a crash, with the input
}

void check_result(const nianbao::Result& r, std::string_view text) {
  require(r.exit_code >= 0 && r.exit_code <= 2);
  require((r.exit_code == 2) == !r.input_error.empty());
  require(r.input_lines >= 0);
  const std::string json = nianbao::to_json(r);
  require(!json.empty() && json.front() == '{' && json.back() == '}');
  if (r.exit_code == 2) return;
  require(r.input_lines >= 1);
  for (const auto& c : r.cells) {
    require(c.line >= 0 && c.line <= r.input_lines);
    require(c.column >= 0 && static_cast<std::size_t>(c.column) <= text.size() + 1);
  }
  for (const auto& f : r.findings) {
    require(f.line >= 0 && f.line <= r.input_lines);
    require(!f.message.empty() && !f.message_en.empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const nianbao::Decoded decoded = nianbao::decode_input(bytes);
  require(decoded.ok == decoded.error.empty());
  if (decoded.ok) {
    nianbao::Options options;
    options.encoding = decoded.encoding;
    if (decoded.utf8.size() != bytes.size()) options.input_bytes = bytes.size();
    const nianbao::Result r = nianbao::check(decoded.utf8, options);
    check_result(r, decoded.utf8);
    if (r.exit_code != 2) {
      const std::string text = nianbao::to_text(r, decoded.utf8, "fuzz.txt", size % 2 == 0);
      require(!text.empty());
    }
  }

  // The raw bytes as text (invalid UTF-8, NULs, JS lone surrogates...). Skip when identical
  // to the decoded text: that case ran above.
  if (!decoded.ok || decoded.utf8 != bytes) {
    check_result(nianbao::check(bytes), bytes);
  }

  if (!bytes.empty() && bytes.front() == '{') {
    const std::size_t eol = bytes.find('\n');
    if (eol != std::string_view::npos) {
      const std::string json = nianbao::check_to_json(bytes.substr(eol + 1), bytes.substr(0, eol));
      require(!json.empty());
    }
  }
  return 0;
}
