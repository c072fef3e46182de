// libFuzzer target: decoding and the text layer, on arbitrary bytes.
//
// decode_input() (BOM sniffing, UTF-16, GB18030 through iconv), html_declared_charset(), then
// Source and Normalised on the decoded text. Invariants:
// - ok exactly when there is no error; ok gives a known encoding and valid UTF-8;
// - valid UTF-8 without BOM is taken as it is ("utf-8", same bytes);
// - UTF-16 without lone surrogates or odd bytes encodes back to the same bytes;
// - decoding is idempotent: the decoded text, decoded again, is itself, as "utf-8";
// - the declared charset is lower case, at most 40 bytes, no space in front;
// - Source: every offset has a line:column inside the text; Normalised maps every byte back.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "nianbao/nianbao.hpp"

namespace {

using nianbao::detail::next_cp;

std::string to_utf16(std::string_view utf8, bool little) {
  std::string out;
  auto unit = [&](char32_t u) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += little ? lo : hi;
    out += little ? hi : lo;
  };
  std::size_t i = 0;
  while (i < utf8.size()) {
    const char32_t cp = next_cp(utf8, i);
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out;
}

void check_utf16(std::string_view bytes, const nianbao::Decoded& d) {
  const std::string_view body = bytes.substr(2);
  if (body.size() % 2 != 0) return;
  if (d.utf8.find("\xEF\xBF\xBD") != std::string::npos) return;  // U+FFFD: maybe a lone surrogate
  NIANBAO_REQUIRE(to_utf16(d.utf8, d.encoding == "utf-16le") == body);
}

void check_text_layer(std::string_view text) {
  const nianbao::detail::Source source(text);
  const int lines = source.line_count();
  NIANBAO_REQUIRE(lines >= 1);
  // A few offsets spread over the text, in order (the Source memoises forward scans).
  const std::size_t step = text.size() / 7 + 1;
  int last_line = 1;
  // Offsets of the text only: the end of a text that ends with a line break stands on its last
  // line, past the break ("\r\n" is one line and its end 1:3).
  for (std::size_t at = 0; at < text.size(); at += step) {
    const auto [line, column] = source.position(at);
    NIANBAO_REQUIRE(line >= last_line && line <= lines);
    NIANBAO_REQUIRE(column >= 1);
    NIANBAO_REQUIRE(line == source.line_of(at));
    NIANBAO_REQUIRE(source.line_start(line) <= at);
    const std::string_view lt = source.line_text(line);
    NIANBAO_REQUIRE(static_cast<std::size_t>(column) <= nianbao::detail::cp_count(lt) + 2);
    last_line = line;
  }
  const nianbao::detail::Normalised n = nianbao::detail::normalise(text);
  NIANBAO_REQUIRE(n.orig.size() == n.text.size() + 1);
  NIANBAO_REQUIRE(n.orig.back() == text.size());
  for (std::size_t k = 0; k + 1 < n.orig.size(); ++k) {
    NIANBAO_REQUIRE(n.orig[k] < text.size());
    NIANBAO_REQUIRE(n.orig[k] <= n.orig[k + 1]);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const nianbao::Decoded d = nianbao::decode_input(bytes);
  NIANBAO_REQUIRE(d.ok == d.error.empty());

  const std::string charset = nianbao::detail::html_declared_charset(bytes);
  NIANBAO_REQUIRE(charset.size() <= 40);
  if (!charset.empty()) NIANBAO_REQUIRE(charset.front() != ' ');
  for (const char c : charset) NIANBAO_REQUIRE(!(c >= 'A' && c <= 'Z'));

  const bool bom8 = bytes.substr(0, 3) == "\xEF\xBB\xBF";
  const bool bom16 = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
  if (!bom8 && !bom16 && nianbao::detail::is_valid_utf8(bytes)) {
    NIANBAO_REQUIRE(d.ok && d.encoding == "utf-8" && d.utf8 == bytes);
  }
  if (!d.ok) return 0;
  NIANBAO_REQUIRE(d.encoding == "utf-8" || d.encoding == "utf-8-bom" || d.encoding == "utf-16le" ||
                  d.encoding == "utf-16be" || d.encoding == "gb18030");
  NIANBAO_REQUIRE(nianbao::detail::is_valid_utf8(d.utf8));
  if (d.encoding == "utf-8-bom") NIANBAO_REQUIRE(d.utf8 == bytes.substr(3));
  if (d.encoding == "utf-16le" || d.encoding == "utf-16be") check_utf16(bytes, d);
  if (d.encoding == "gb18030") NIANBAO_REQUIRE(bytes.find('\0') == std::string_view::npos);

  if (d.utf8.substr(0, 3) != "\xEF\xBB\xBF") {
    const nianbao::Decoded again = nianbao::decode_input(d.utf8);
    NIANBAO_REQUIRE(again.ok && again.encoding == "utf-8" && again.utf8 == d.utf8);
  }
  check_text_layer(d.utf8);
  return 0;
}
