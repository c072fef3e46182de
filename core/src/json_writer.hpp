// A JSON document written straight into one buffer, laid out byte for byte as nlohmann/json's
// dump(2, ' ', false, error_handler_t::replace) lays out the same tree: two-space indentation,
// "key": value, empty containers as {} and [], UTF-8 kept as is (no \u escapes but for control
// characters), invalid UTF-8 replaced by U+FFFD exactly as nlohmann replaces it (such strings are
// handed to nlohmann itself), doubles in nlohmann's shortest round-trip form. No tree is built.
//
//   JsonWriter w(size_estimate);
//   w.begin_object(); w.member("schema", 1); w.key("list"); w.begin_array(); ... w.end_object();
//   std::string json = w.take();
#pragma once

#include <array>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace nianbao::detail {

class JsonWriter {
 public:
  // `capacity`: about the size of the document (the buffer grows when it is more).
  explicit JsonWriter(std::size_t capacity = 256) { buf_.resize(capacity < 64 ? 64 : capacity); }

  // The document written so far; the writer is empty afterwards.
  std::string take() {
    buf_.resize(pos_);
    pos_ = 0;
    return std::move(buf_);
  }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // An object member's name; its value follows (a value call or begin_object / begin_array).
  void key(std::string_view k) {
    next_item();
    string(k);
    put(": ", 2);
    after_key_ = true;
  }
  // A name written in the code: plain ASCII that needs no escape (neither control characters,
  // quotes nor backslashes), copied as it is.
  template <std::size_t N>
  void key(const char (&k)[N]) {
    next_item();
    char* const o = room(N + 3);
    o[0] = '"';
    std::memcpy(o + 1, k, N - 1);
    o[N] = '"';
    o[N + 1] = ':';
    o[N + 2] = ' ';
    pos_ += N + 3;
    after_key_ = true;
  }

  void value(std::string_view s) {
    before_value();
    string(s);
  }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(const char* s) { value(std::string_view(s)); }
  void value(bool b) {
    before_value();
    if (b) {
      put("true", 4);
    } else {
      put("false", 5);
    }
  }
  void value(std::nullptr_t) {
    before_value();
    put("null", 4);
  }
  void value(double v);
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  void value(T v) {
    before_value();
    if constexpr (std::is_signed_v<T>) {
      integer(static_cast<long long>(v));
    } else {
      unsigned_integer(static_cast<unsigned long long>(v));
    }
  }

  // key + value, the key written in the code.
  template <std::size_t N, class T>
  void member(const char (&k)[N], const T& v) {
    key(k);
    value(v);
  }
  template <std::size_t N>
  void member(const char (&k)[N], const char* v) {
    key(k);
    value(v);
  }

 private:
  static constexpr int kMaxDepth = 31;

  // Room for n more bytes; returns where they go.
  char* room(std::size_t n) {
    if (pos_ + n > buf_.size()) grow(n);
    return &buf_[pos_];
  }
  void grow(std::size_t n);
  void put(const char* s, std::size_t n) {
    std::memcpy(room(n), s, n);
    pos_ += n;
  }
  void put(char c) {
    *room(1) = c;
    ++pos_;
  }

  void string(std::string_view s);  // quoted and escaped as nlohmann's dump() does
  void integer(long long v);
  void unsigned_integer(unsigned long long v);

  void before_value() {
    if (after_key_) {
      after_key_ = false;
    } else if (depth_ > 0) {
      next_item();
    }
  }
  // A line break and the indentation at `depth`, after a comma when `comma`: one copy of a fixed
  // size from kBreak (cheaper than a copy of the exact length), then the length kept.
  void line_break(int depth, bool comma) {
    static constexpr char kBreak[] =
        ",\n                                                                  ";
    static_assert(sizeof kBreak - 1 >= 2 + 2 * kMaxDepth, "kBreak: the deepest indentation");
    std::memcpy(room(sizeof kBreak), kBreak + (comma ? 0 : 1), sizeof kBreak - 1);
    pos_ += (comma ? 2 : 1) + 2 * static_cast<std::size_t>(depth);
  }
  // Inside a container: the separator, a line break and the indentation of the next item.
  void next_item() {
    bool& items = has_items_[static_cast<std::size_t>(depth_)];
    line_break(depth_, items);
    items = true;
  }
  void open(char c) {
    before_value();
    put(c);
    if (depth_ < kMaxDepth) ++depth_;
    has_items_[static_cast<std::size_t>(depth_)] = false;
  }
  void close(char c) {
    const bool items = has_items_[static_cast<std::size_t>(depth_)];
    if (depth_ > 0) --depth_;
    if (items) line_break(depth_, false);
    put(c);
  }
  void string_replaced(std::string_view s);  // the rare string that is not valid UTF-8

  std::string buf_;  // bytes [0, pos_) written, the rest room
  std::size_t pos_ = 0;
  int depth_ = 0;
  bool after_key_ = false;
  std::array<bool, kMaxDepth + 1> has_items_{};
};

// `s` as a JSON string (quotes included), as nlohmann's dump() writes it (for tests and callers
// without a writer).
std::string json_string(std::string_view s);
// A double as nlohmann's dump() writes it ("null" when not finite).
std::string json_double(double v);

}  // namespace nianbao::detail
