#include "text.hpp"

#include <algorithm>

namespace nianbao::detail {

char32_t next_cp_general(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and out-of-range values are invalid.
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

// A CJK ideograph U+4000..U+9FFF at s[i]: lead byte E4..E9 and two continuation bytes. Such a
// sequence is always valid (no overlong form, no surrogate) and fold() leaves it alone, so the
// scanners below copy or skip it without decoding: it is most of a Chinese text.
bool cjk3_at(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  return b0 >= 0xE4 && b0 <= 0xE9 && i + 2 < s.size() &&
         (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
         (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80;
}

// Eight ASCII bytes at s[i] (one test instead of eight).
bool ascii8_at(std::string_view s, std::size_t i) {
  if (i + 8 > s.size()) return false;
  std::uint64_t eight = 0;
  std::memcpy(&eight, s.data() + i, 8);
  return (eight & 0x8080808080808080u) == 0;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (ascii8_at(s, i)) {
      i += 8;
      continue;
    }
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    if (plain_lead3(b0) && i + 2 < s.size() &&
        (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    const std::size_t before = i;
    const char32_t cp = next_cp(s, i);
    if (cp == 0xFFFD) {
      // A genuine U+FFFD is three bytes EF BF BD; anything else was an error.
      if (i - before != 3) return false;
    }
  }
  return true;
}

std::size_t cp_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

int display_width(char32_t cp) {
  if (cp == 0) return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

Source::Source(std::string_view text) : text_(text) {
  starts_.push_back(0);
  if (text.find('\r') == std::string_view::npos) {
    // LF only (the common case): memchr from line to line.
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
      starts_.push_back(i + 1);
    }
    if (starts_.size() > 1 && starts_.back() == text.size()) starts_.pop_back();
    return;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
  // A final line break does not open a new (empty) line.
  if (starts_.size() > 1 && starts_.back() == text.size()) starts_.pop_back();
}

int Source::line_of(std::size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

std::pair<int, int> Source::position(std::size_t offset) const {
  if (offset > text_.size()) offset = text_.size();
  const int line = line_of(offset);
  const std::size_t start = starts_[static_cast<std::size_t>(line - 1)];
  std::size_t from = start;
  int column = 1;
  if (line == memo_line_ && memo_offset_ >= start && memo_offset_ <= offset) {
    from = memo_offset_;
    column = memo_column_;
  }
  column += static_cast<int>(cp_count(text_.substr(from, offset - from)));
  memo_offset_ = offset;
  memo_line_ = line;
  memo_column_ = column;
  return {line, column};
}

std::string_view Source::line_text(int line) const {
  if (line < 1 || line > line_count()) return {};
  const std::size_t start = starts_[static_cast<std::size_t>(line - 1)];
  std::size_t end = line < line_count() ? starts_[static_cast<std::size_t>(line)] : text_.size();
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

WordSet::WordSet(std::initializer_list<std::string_view> words)
    : WordSet(words.begin(), words.size()) {}

WordSet::WordSet(const std::string_view* words, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const std::string_view w = words[k];
    if (w.empty()) continue;
    if (w.size() == 1) {
      singles_.push_back(w[0]);
      continue;
    }
    words_.push_back(w);
    const std::size_t b = key(static_cast<unsigned char>(w[0]), static_cast<unsigned char>(w[1]));
    filter_[b >> 6] |= std::uint64_t{1} << (b & 63);
  }
}

bool WordSet::starts(std::string_view hay) const {
  if (hay.empty()) return false;
  for (const char c : singles_) {
    if (hay[0] == c) return true;
  }
  if (hay.size() < 2) return false;
  const std::size_t b = key(static_cast<unsigned char>(hay[0]), static_cast<unsigned char>(hay[1]));
  if (((filter_[b >> 6] >> (b & 63)) & 1) == 0) return false;
  for (const std::string_view w : words_) {
    if (hay.substr(0, w.size()) == w) return true;
  }
  return false;
}

bool WordSet::in(std::string_view hay) const {
  for (const char c : singles_) {
    if (hay.find(c) != std::string_view::npos) return true;
  }
  if (words_.empty() || hay.size() < 2) return false;
  const auto* h = reinterpret_cast<const unsigned char*>(hay.data());
  for (std::size_t i = 0; i + 1 < hay.size(); ++i) {
    const std::size_t b = key(h[i], h[i + 1]);
    if (((filter_[b >> 6] >> (b & 63)) & 1) == 0) continue;
    for (const std::string_view w : words_) {
      // The first two bytes before memcmp: most words in the filter's bucket differ there.
      if (w[0] == hay[i] && w[1] == hay[i + 1] && w.size() <= hay.size() - i &&
          std::memcmp(hay.data() + i, w.data(), w.size()) == 0) {
        return true;
      }
    }
  }
  return false;
}

namespace {

// Folds one code point for matching; returns 0 to drop it.
char32_t fold(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;  // full-width ASCII block
  switch (cp) {
    case 0x3000:  // ideographic space
    case 0x00A0:  // NBSP
    case 0x2002:
    case 0x2003:
    case 0x2009:
    case 0x202F:
    case 0x0B:
    case 0x0C:
      return ' ';
    case 0x200B:  // zero-width space
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:  // BOM / ZWNBSP
    case 0x00AD:  // soft hyphen
      return 0;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x300C:
    case 0x300D:
      return '"';
    case 0x2018:
    case 0x2019:
      return '\'';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
      return '-';
    case 0x2014:  // em dash and horizontal bar stay one canonical dash (placeholder "—")
    case 0x2015:
      return 0x2014;
    case 0xFF0E:
      return '.';
    default:
      return cp;
  }
}

}  // namespace

// Written through an index into buffers sized up front (every text is normalised, and push_back
// per byte cost more than the folding itself). Folding never lengthens a character; only an
// invalid byte, read as U+FFFD, grows from one byte to three, so the buffers grow only then.
Normalised normalise(std::string_view input) {
  Normalised n;
  n.text.resize(input.size());
  n.orig.resize(input.size() + 1);
  std::size_t out = 0;
  std::size_t i = 0;
  char32_t prev = 0;
  while (i < input.size()) {
    const std::size_t at = i;
    const auto b = static_cast<unsigned char>(input[i]);
    // Plain printable ASCII and tab/LF are kept as they are (fold() leaves them alone).
    if ((b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n') {
      n.text[out] = static_cast<char>(b);
      n.orig[out++] = static_cast<std::uint32_t>(at);
      prev = b;
      ++i;
      continue;
    }
    if (cjk3_at(input, i)) {
      for (int k = 0; k < 3; ++k) {
        n.text[out] = input[i++];
        n.orig[out++] = static_cast<std::uint32_t>(at);
      }
      prev = 0x4E00;  // any ideograph: only a digit before 、 matters
      continue;
    }
    char32_t cp = next_cp(input, i);
    if (cp == '\r') {
      if (i < input.size() && input[i] == '\n') ++i;
      cp = '\n';
    }
    cp = cp == 0 ? ' ' : fold(cp);  // NUL reads as a space; fold() returns 0 to drop
    if (cp == 0x3001 && prev >= '0' && prev <= '9') cp = '.';  // 1、 -> 1.
    if (cp == 0) continue;
    std::string bytes;
    append_utf8(bytes, cp);
    // Room for these bytes and for the rest of the input as it stands.
    const std::size_t need = out + bytes.size() + (input.size() - i);
    if (need > n.text.size()) {
      n.text.resize(need);
      n.orig.resize(need + 1);
    }
    for (const char c : bytes) {
      n.text[out] = c;
      n.orig[out++] = static_cast<std::uint32_t>(at);
    }
    prev = cp;
  }
  n.text.resize(out);
  n.orig.resize(out + 1);
  n.orig[out] = static_cast<std::uint32_t>(input.size());
  return n;
}

Compact compact(const Normalised& n, std::size_t begin, std::size_t end) {
  Compact c;
  // Sized up front and trimmed after: push_back per byte costs more than the copy itself.
  c.text.resize(end - begin);
  c.pos.resize(end - begin + 1);
  std::size_t out = 0;
  for (std::size_t k = begin; k < end; ++k) {
    const char ch = n.text[k];
    if (is_space_byte(ch)) continue;
    c.text[out] = ch;
    c.pos[out] = static_cast<std::uint32_t>(k);
    ++out;
  }
  c.text.resize(out);
  c.pos[out] = static_cast<std::uint32_t>(end);
  c.pos.resize(out + 1);
  return c;
}

}  // namespace nianbao::detail
