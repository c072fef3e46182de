// Text layer: UTF-8 scanning, the Source (byte offset -> line:column of the input as
// supplied) and the Normalised view used for matching (full-width folded, offsets kept).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nianbao::detail {

// Decodes the code point at s[i] and advances i. Invalid sequences give U+FFFD and
// advance by one byte, so scanning never stalls.
char32_t next_cp_general(std::string_view s, std::size_t& i);
// A three-byte sequence with lead byte E1..EC or EE..EF is valid whenever both continuation
// bytes are there: never overlong (U+1000 and up), never a surrogate (ED is left out). Such are
// the CJK ideographs and the full-width punctuation, nearly every character of a report.
inline bool plain_lead3(unsigned char b0) { return b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED; }

// Inline for ASCII and the plain three-byte sequences.
inline char32_t next_cp(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if (plain_lead3(b0) && i + 2 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      i += 3;
      return (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
    }
  }
  return next_cp_general(s, i);
}
void append_utf8(std::string& out, char32_t cp);
bool is_valid_utf8(std::string_view s);
// Code points in s.
std::size_t cp_count(std::string_view s);
// Terminal display width (CJK and full-width forms count 2).
int display_width(char32_t cp);
bool is_cjk(char32_t cp);

// The text exactly as supplied. Line breaks: \n, \r\n and a lone \r.
class Source {
 public:
  explicit Source(std::string_view text);
  std::string_view text() const { return text_; }
  int line_count() const { return static_cast<int>(starts_.size()); }
  // 1-based line of a byte offset.
  int line_of(std::size_t offset) const;
  // 1-based (line, column); the column counts Unicode code points.
  std::pair<int, int> position(std::size_t offset) const;
  // The line without its terminator.
  std::string_view line_text(int line) const;
  std::size_t line_start(int line) const { return starts_[static_cast<std::size_t>(line - 1)]; }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  // The last position computed, so that scanning forward along one long line (a crawled
  // page is often a single line) does not recount it from its start each time.
  mutable std::size_t memo_offset_ = 0;
  mutable int memo_line_ = 1;
  mutable int memo_column_ = 1;
};

// The normalised text used for matching. Every byte of `text` maps back to the byte
// offset, in the original input, of the character it came from (`orig[text.size()]` is
// the input's size). Folds: full-width ASCII (digits, letters, brackets, punctuation) to
// ASCII, U+3000/NBSP/other spaces to ' ', CR/CRLF to '\n', curly quotes to straight,
// dashes to '-', '、' after a digit to '.', and drops zero-width characters.
struct Normalised {
  std::string text;
  std::vector<std::uint32_t> orig;
};
Normalised normalise(std::string_view input);

// A whitespace-free copy of a normalised range, for label matching across spaces and
// line breaks (`商业` + newline + `企业`, `结果 维持`). `pos[k]` is the byte index in the
// normalised text of byte k of `text`.
struct Compact {
  std::string text;
  std::vector<std::uint32_t> pos;
};
Compact compact(const Normalised& n, std::size_t begin, std::size_t end);

inline bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Same result as hay.find(needle, from), faster. std::string::find tests every occurrence of the
// needle's first byte, and in UTF-8 Chinese the lead bytes of the ideographs (0xE4..0xE9) are
// everywhere: such needles go to memmem. A needle opening with any other byte (ASCII, the
// punctuation's 0xE3 or 0xEF) goes from one occurrence of that byte to the next with memchr,
// which on the short lines and sentences most searches look at costs less than memmem's set-up.
inline std::size_t find_text(std::string_view hay, std::string_view needle, std::size_t from = 0) {
  if (from > hay.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  const auto first = static_cast<unsigned char>(needle[0]);
  if (first < 0xE4 || first > 0xE9) {
    const char* p = hay.data() + from;
    const char* const end = hay.data() + hay.size();
    while (static_cast<std::size_t>(end - p) >= needle.size()) {
      const auto* at = static_cast<const char*>(
          std::memchr(p, needle[0], static_cast<std::size_t>(end - p) - needle.size() + 1));
      if (!at) break;
      if (std::memcmp(at + 1, needle.data() + 1, needle.size() - 1) == 0) {
        return static_cast<std::size_t>(at - hay.data());
      }
      p = at + 1;
    }
    return std::string_view::npos;
  }
  const void* at = ::memmem(hay.data() + from, hay.size() - from, needle.data(), needle.size());
  return at ? static_cast<std::size_t>(static_cast<const char*>(at) - hay.data())
            : std::string_view::npos;
}
inline bool contains_text(std::string_view hay, std::string_view needle) {
  return find_text(hay, needle) != std::string_view::npos;
}

// A fixed set of words looked for together: `in(hay)` is whether any of them occurs in `hay`
// (the same as contains_text for each word in turn), in one pass over `hay` instead of one memmem
// per word. A word's first two bytes select it through a 1,024-bit filter (in UTF-8 Chinese, the
// low bits of a lead byte and of its first continuation byte tell the first character apart), so
// most positions cost one table lookup. Meant to be built once (a function-local static const).
// `starts(hay)`: whether `hay` starts with one of them, by the same filter.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words);
  template <std::size_t N>
  explicit WordSet(const std::string_view (&words)[N]) : WordSet(words, N) {}
  bool in(std::string_view hay) const;
  // Whether `hay` starts with one of the words.
  bool starts(std::string_view hay) const;

 private:
  WordSet(const std::string_view* words, std::size_t n);
  static std::size_t key(unsigned char b0, unsigned char b1) {
    return (static_cast<std::size_t>(b0 & 15u) << 6) | (b1 & 63u);
  }
  std::vector<std::string_view> words_;  // two bytes or more
  std::vector<char> singles_;            // one-byte words
  std::uint64_t filter_[16] = {};
};

}  // namespace nianbao::detail
