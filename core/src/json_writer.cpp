// The string, number and escaping half of json_writer.hpp.
#include "json_writer.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace nianbao::detail {

namespace {

// Length of the well-formed UTF-8 sequence (Unicode table 3-7, what nlohmann's decoder accepts)
// starting at p[0] >= 0x80, or 0 when it is not one.
std::size_t utf8_sequence(const unsigned char* p, const unsigned char* end) {
  const unsigned char b0 = p[0];
  const auto left = static_cast<std::size_t>(end - p);
  const auto cont = [&](std::size_t k) { return (p[k] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    if (b0 == 0xE0 && p[1] < 0xA0) return 0;  // overlong
    if (b0 == 0xED && p[1] > 0x9F) return 0;  // surrogates
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    if (b0 == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && p[1] > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// Appends the escape of an ASCII byte that needs one (control, quote, backslash).
void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '\b':
      out += "\\b";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\r':
      out += "\\r";
      return;
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    default:
      break;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
  out.append(esc, sizeof esc);
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  const std::size_t mark = out.size();
  out += '"';
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = p + s.size();
  const auto* run = p;  // start of the bytes not yet copied
  while (p < end) {
    const unsigned char c = *p;
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence(p, end);
      if (n == 0) {
        // Invalid UTF-8 (rare): nlohmann's own replacement, whose exact rules stay its own.
        out.resize(mark);
        out += nlohmann::json(std::string(s))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      p += n;
    } else if (c < 0x20 || c == '"' || c == '\\') {
      out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
      append_escape(out, c);
      run = ++p;
    } else {
      ++p;
    }
  }
  out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
  out += '"';
}

void append_json_double(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  std::array<char, 64> buf{};
  char* const last = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), v);
  out.append(buf.data(), static_cast<std::size_t>(last - buf.data()));
}

void append_json_int(std::string& out, long long v) {
  std::array<char, 24> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  out.append(buf.data(), static_cast<std::size_t>(r.ptr - buf.data()));
}

void append_json_uint(std::string& out, unsigned long long v) {
  std::array<char, 24> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  out.append(buf.data(), static_cast<std::size_t>(r.ptr - buf.data()));
}

}  // namespace nianbao::detail
