// The buffer, string, number and layout half of json_writer.hpp.
#include "json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace nianbao::detail {

namespace {

// What a byte is to the string writer: 0 copied as is, 1 escaped (control, quote, backslash),
// 2 the start (or not) of a multi-byte sequence.
constexpr std::array<std::uint8_t, 256> byte_classes() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[static_cast<std::size_t>(c)] = c < 0x20 || c == '"' || c == '\\' ? 1 : c >= 0x80 ? 2 : 0;
  }
  return t;
}
constexpr std::array<std::uint8_t, 256> kByteClass = byte_classes();

// Length of the well-formed UTF-8 sequence (Unicode table 3-7, what nlohmann's decoder accepts)
// starting at p[0] >= 0x80, or 0 when it is not one.
std::size_t utf8_sequence(const unsigned char* p, const unsigned char* end) {
  const unsigned char b0 = p[0];
  const auto left = static_cast<std::size_t>(end - p);
  const auto cont = [p](std::size_t k) { return (p[k] & 0xC0) == 0x80; };
  if (b0 >= 0xE0 && b0 <= 0xEF) {  // the CJK range first
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    if (b0 == 0xE0 && p[1] < 0xA0) return 0;  // overlong
    if (b0 == 0xED && p[1] > 0x9F) return 0;  // surrogates
    return 3;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    if (b0 == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && p[1] > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// True when none of the 8 bytes at p needs a look: no control character, quote, backslash or
// byte of a multi-byte sequence (bit tricks: "determine if a word has a byte less than n").
bool plain8(const unsigned char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::uint64_t w = 0;
  std::memcpy(&w, p, 8);
  const auto has_zero = [&](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t below_space = (w - 0x20 * kOnes) & ~w & kHigh;
  return ((w & kHigh) | below_space | has_zero(w ^ ('"' * kOnes)) | has_zero(w ^ ('\\' * kOnes))) ==
         0;
}

// Writes the escape of an ASCII byte that needs one at o; returns its length.
std::size_t write_escape(char* o, unsigned char c) {
  char short_form = 0;
  switch (c) {
    case '\b':
      short_form = 'b';
      break;
    case '\t':
      short_form = 't';
      break;
    case '\n':
      short_form = 'n';
      break;
    case '\f':
      short_form = 'f';
      break;
    case '\r':
      short_form = 'r';
      break;
    case '"':
      short_form = '"';
      break;
    case '\\':
      short_form = '\\';
      break;
    default:
      break;
  }
  o[0] = '\\';
  if (short_form != 0) {
    o[1] = short_form;
    return 2;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  o[1] = 'u';
  o[2] = '0';
  o[3] = '0';
  o[4] = kHex[c >> 4];
  o[5] = kHex[c & 0xF];
  return 6;
}

}  // namespace

void JsonWriter::grow(std::size_t n) {
  std::size_t size = buf_.size() * 2;
  if (size < pos_ + n) size = pos_ + n;
  buf_.resize(size);
}

// Invalid UTF-8 (rare): nlohmann's own replacement, whose exact rules stay its own.
void JsonWriter::string_replaced(std::string_view s) {
  const std::string d =
      nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  put(d.data(), d.size());
}

void JsonWriter::string(std::string_view s) {
  const std::size_t mark = pos_;
  // Room for the quotes and the bytes as they are; an escape makes more room for itself.
  room(s.size() + 2);
  buf_[pos_++] = '"';
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = p + s.size();
  const auto* run = p;  // start of the bytes not yet copied
  const auto copy_run = [&] {
    const auto n = static_cast<std::size_t>(p - run);
    if (n > 0) std::memcpy(&buf_[pos_], run, n);
    pos_ += n;
  };
  while (p < end) {
    if (end - p >= 8 && plain8(p)) {
      p += 8;
      continue;
    }
    const std::uint8_t kind = kByteClass[*p];
    if (kind == 0) {
      ++p;
      continue;
    }
    if (kind == 1) {
      copy_run();
      room(static_cast<std::size_t>(end - p) + 7);  // the escape, the rest, the quote
      pos_ += write_escape(&buf_[pos_], *p);
      run = ++p;
      continue;
    }
    // A run of multi-byte characters (CJK), each checked.
    std::size_t n = utf8_sequence(p, end);
    if (n == 0) {
      pos_ = mark;
      string_replaced(s);
      return;
    }
    do {
      p += n;
    } while (p < end && *p >= 0x80 && (n = utf8_sequence(p, end)) > 0);
  }
  copy_run();
  buf_[pos_++] = '"';
}

void JsonWriter::value(double v) {
  before_value();
  if (!std::isfinite(v)) {
    put("null", 4);
    return;
  }
  char* const o = room(64);  // nlohmann's number buffer
  pos_ += static_cast<std::size_t>(nlohmann::detail::to_chars(o, o + 64, v) - o);
}

void JsonWriter::integer(long long v) {
  char* const o = room(24);
  pos_ += static_cast<std::size_t>(std::to_chars(o, o + 24, v).ptr - o);
}

void JsonWriter::unsigned_integer(unsigned long long v) {
  char* const o = room(24);
  pos_ += static_cast<std::size_t>(std::to_chars(o, o + 24, v).ptr - o);
}

std::string json_string(std::string_view s) {
  JsonWriter w(s.size() + 2);
  w.value(s);
  return w.take();
}

std::string json_double(double v) {
  JsonWriter w;
  w.value(v);
  return w.take();
}

}  // namespace nianbao::detail
