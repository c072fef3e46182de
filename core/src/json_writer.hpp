// A JSON document written straight into one string, laid out byte for byte as nlohmann/json's
// dump(2, ' ', false, error_handler_t::replace) lays out the same tree: two-space indentation,
// "key": value, empty containers as {} and [], UTF-8 kept as is (no \u escapes but for control
// characters), invalid UTF-8 replaced by U+FFFD exactly as nlohmann replaces it (such strings are
// handed to nlohmann itself), doubles in nlohmann's shortest round-trip form. No tree is built.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace nianbao::detail {

// `s` as a JSON string (quotes included), as nlohmann's dump() writes it.
void append_json_string(std::string& out, std::string_view s);
// A double as nlohmann's dump() writes it ("null" when not finite).
void append_json_double(std::string& out, double v);
void append_json_int(std::string& out, long long v);
void append_json_uint(std::string& out, unsigned long long v);

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // An object member's name; its value follows (a value call or begin_object / begin_array).
  void key(std::string_view k) {
    next_item();
    append_json_string(out_, k);
    out_ += ": ";
    after_key_ = true;
  }

  void value(std::string_view s) {
    before_value();
    append_json_string(out_, s);
  }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(const char* s) { value(std::string_view(s)); }
  void value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
  }
  void value(std::nullptr_t) {
    before_value();
    out_ += "null";
  }
  void value(double v) {
    before_value();
    append_json_double(out_, v);
  }
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  void value(T v) {
    before_value();
    if constexpr (std::is_signed_v<T>) {
      append_json_int(out_, static_cast<long long>(v));
    } else {
      append_json_uint(out_, static_cast<unsigned long long>(v));
    }
  }

  // key + value.
  template <class T>
  void member(std::string_view k, const T& v) {
    key(k);
    value(v);
  }
  void member(std::string_view k, const char* v) {
    key(k);
    value(v);
  }

 private:
  static constexpr int kMaxDepth = 31;

  void before_value() {
    if (after_key_) {
      after_key_ = false;
    } else if (depth_ > 0) {
      next_item();
    }
  }
  // Inside a container: the separator, a line break and the indentation of the next item.
  void next_item() {
    if (has_items_[static_cast<std::size_t>(depth_)]) {
      out_ += ",\n";
    } else {
      out_ += '\n';
      has_items_[static_cast<std::size_t>(depth_)] = true;
    }
    out_.append(static_cast<std::size_t>(2 * depth_), ' ');
  }
  void open(char c) {
    before_value();
    out_ += c;
    if (depth_ < kMaxDepth) ++depth_;
    has_items_[static_cast<std::size_t>(depth_)] = false;
  }
  void close(char c) {
    const bool items = has_items_[static_cast<std::size_t>(depth_)];
    if (depth_ > 0) --depth_;
    if (items) {
      out_ += '\n';
      out_.append(static_cast<std::size_t>(2 * depth_), ' ');
    }
    out_ += c;
  }

  std::string& out_;
  int depth_ = 0;
  bool after_key_ = false;
  std::array<bool, kMaxDepth + 1> has_items_{};
};

}  // namespace nianbao::detail
