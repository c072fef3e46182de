// Input decoding: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.
#include <iconv.h>

#include "nianbao/nianbao.hpp"
#include "text.hpp"

namespace nianbao {

namespace {

std::string from_utf16(std::string_view b, bool little) {
  std::string out;
  out.reserve(b.size() * 3 / 2);
  auto unit = [&](std::size_t k) -> char32_t {
    const auto lo = static_cast<unsigned char>(b[k]);
    const auto hi = static_cast<unsigned char>(b[k + 1]);
    return little ? static_cast<char32_t>(lo | (hi << 8)) : static_cast<char32_t>((lo << 8) | hi);
  };
  std::size_t k = 0;
  while (k + 1 < b.size()) {
    char32_t u = unit(k);
    k += 2;
    if (u >= 0xD800 && u <= 0xDBFF && k + 1 < b.size()) {
      const char32_t v = unit(k);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
        k += 2;
      } else {
        u = 0xFFFD;
      }
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      u = 0xFFFD;
    }
    detail::append_utf8(out, u);
  }
  if (k < b.size()) detail::append_utf8(out, 0xFFFD);  // odd trailing byte
  return out;
}

bool from_gb18030(std::string_view b, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::string result(b.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(b.data());
  std::size_t in_left = b.size();
  char* o = result.data();
  std::size_t out_left = result.size();
  const std::size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1) || in_left != 0) return false;
  result.resize(result.size() - out_left);
  *out = std::move(result);
  return true;
}

}  // namespace

Decoded decode_input(std::string_view bytes) {
  Decoded d;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    d.utf8 = std::string(bytes.substr(3));
    d.encoding = "utf-8-bom";
    d.ok = detail::is_valid_utf8(d.utf8);
    if (!d.ok) d.error = "UTF-8 BOM but invalid UTF-8 follows";
    return d;
  }
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    const bool little = bytes[0] == '\xFF';
    d.utf8 = from_utf16(bytes.substr(2), little);
    d.encoding = little ? "utf-16le" : "utf-16be";
    d.ok = true;
    return d;
  }
  if (detail::is_valid_utf8(bytes)) {
    d.utf8 = std::string(bytes);
    d.encoding = "utf-8";
    d.ok = true;
    return d;
  }
  std::string gb;
  if (bytes.find('\0') == std::string_view::npos && from_gb18030(bytes, &gb)) {
    d.utf8 = std::move(gb);
    d.encoding = "gb18030";
    d.ok = true;
    return d;
  }
  d.error =
      "无法识别的编码或二进制文件（支持 UTF-8、带BOM的UTF-16、GB18030/GBK） (unknown "
      "encoding or binary file)";
  return d;
}

}  // namespace nianbao
