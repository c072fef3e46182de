// Character references: &name; for the entities a report page uses (the legacy few also
// without ';', as browsers read them), &#NNN; and &#xHHH; (0, surrogates and values beyond
// U+10FFFF become U+FFFD; 128-159 are read as Windows-1252, the HTML rule).
#include <cctype>

#include "html_internal.hpp"

namespace nianbao::detail::html_internal {

namespace {

struct Entity {
  const char* name;
  char32_t cp;
};
constexpr Entity kEntities[] = {
    {"nbsp", 0xA0},     {"amp", '&'},       {"lt", '<'},        {"gt", '>'},
    {"quot", '"'},      {"apos", '\''},     {"ensp", 0x2002},   {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},
    {"rlm", 0x200F},    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},
    {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"trade", 0x2122},
    {"larr", 0x2190},   {"uarr", 0x2191},   {"rarr", 0x2192},   {"darr", 0x2193},
    {"harr", 0x2194},   {"minus", 0x2212},  {"times", 0xD7},    {"divide", 0xF7},
    {"middot", 0xB7},   {"deg", 0xB0},      {"plusmn", 0xB1},   {"sup1", 0xB9},
    {"sup2", 0xB2},     {"sup3", 0xB3},     {"micro", 0xB5},    {"para", 0xB6},
    {"sect", 0xA7},     {"copy", 0xA9},     {"reg", 0xAE},      {"yen", 0xA5},
    {"pound", 0xA3},    {"cent", 0xA2},     {"laquo", 0xAB},    {"raquo", 0xBB},
    {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},   {"shy", 0xAD},
    {"iexcl", 0xA1},    {"iquest", 0xBF},   {"le", 0x2264},     {"ge", 0x2265},
    {"ne", 0x2260},     {"asymp", 0x2248},  {"infin", 0x221E},  {"radic", 0x221A},
    {"sum", 0x2211},    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"hyphen", 0x2010},
    {"AMP", '&'},       {"LT", '<'},        {"GT", '>'},        {"QUOT", '"'},
    {"COPY", 0xA9},     {"REG", 0xAE},
};
// Names a browser also reads without the closing ';'.
constexpr const char* kLegacy[] = {"nbsp", "amp", "lt", "gt", "quot", "copy",
                                   "reg",  "AMP", "LT", "GT", "QUOT"};

// Windows-1252 for &#128; ... &#159; (the HTML rule for these references).
constexpr char16_t kCp1252[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

}  // namespace

// The reference at h[i] == '&': sets *cp and returns its length, or 0 when it is not one.
std::size_t parse_entity(std::string_view h, std::size_t i, char32_t* cp) {
  const std::size_t n = h.size();
  std::size_t j = i + 1;
  if (j < n && h[j] == '#') {
    ++j;
    bool hex = false;
    if (j < n && (h[j] == 'x' || h[j] == 'X')) {
      hex = true;
      ++j;
    }
    const std::size_t d0 = j;
    std::uint32_t v = 0;
    while (j < n && (hex ? std::isxdigit(static_cast<unsigned char>(h[j])) != 0 : is_digit(h[j]))) {
      const char c = h[j];
      const std::uint32_t d = is_digit(c) ? static_cast<std::uint32_t>(c - '0')
                                          : static_cast<std::uint32_t>(lower(c) - 'a' + 10);
      v = v > 0x10FFFF ? v : v * (hex ? 16 : 10) + d;
      ++j;
    }
    if (j == d0) return 0;
    if (j < n && h[j] == ';') ++j;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
      v = 0xFFFD;
    } else if (v >= 0x80 && v <= 0x9F) {
      v = kCp1252[v - 0x80];
    }
    *cp = v;
    return j - i;
  }
  while (j < n && j - i <= 32 && is_alnum(h[j])) ++j;
  const std::string_view name = h.substr(i + 1, j - i - 1);
  if (name.empty()) return 0;
  const bool semi = j < n && h[j] == ';';
  if (semi) {
    for (const auto& e : kEntities) {
      if (name == e.name) {
        *cp = e.cp;
        return j + 1 - i;
      }
    }
    return 0;
  }
  for (const char* l : kLegacy) {
    if (name == l) {
      for (const auto& e : kEntities) {
        if (name == e.name) *cp = e.cp;
      }
      return j - i;
    }
  }
  return 0;
}

}  // namespace nianbao::detail::html_internal
