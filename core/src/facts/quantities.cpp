// Quantities: every number in the narrative that counts something. A number is written in
// digits (1,234 / 5.6) or in Chinese numerals (十二, 一百零五; only right after a topic word or
// 共/有/为/计/了/含, so that 一是 or 三公 are not numbers), and it counts when a unit follows
// (件, 个, 万元 ...) or it closes a clause as "为0". Ordinals (第3), approximations (约5件, 10余件)
// and units that are part of a longer word (3个月, 2件事) are told apart here.
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "facts_internal.hpp"

namespace nianbao::detail::facts_internal {

namespace {

constexpr std::u32string_view kCnDigits = U"零〇一二两三四五六七八九十百千万";

bool is_cn_numeral(char32_t cp) { return kCnDigits.find(cp) != std::u32string_view::npos; }

const char* const kUnits[] = {"万元", "元", "件", "个", "次", "条", "宗", "起", "项", "份"};

// A number looked for at one place: found ([begin, end) reads `value`), or not, and then
// `end` is where the search goes on.
struct NumberRead {
  bool found = false;
  std::size_t end = 0;
  double value = 0;
};

// Digits at t[i] (with thousands separators and a decimal part), unless glued to a word,
// a date or a code (A3, 2024-5, 3/4), or longer than 12 digits.
NumberRead read_digits(const std::string& t, std::size_t i) {
  const char p = i > 0 ? t[i - 1] : ' ';
  std::size_t k = i;
  while (k < t.size() && is_digit(t[k])) ++k;
  const bool glued = i > 0 && (std::isalnum(static_cast<unsigned char>(p)) || p == '.' ||
                               p == '-' || p == '/' || p == ':' || p == '_');
  if (glued || k - i > 12) return {false, k, 0};
  std::string digits(t, i, k - i);
  // thousands separators
  while (k + 3 < t.size() + 0 && t[k] == ',' && k + 4 <= t.size() && is_digit(t[k + 1]) &&
         is_digit(t[k + 2]) && is_digit(t[k + 3]) && (k + 4 == t.size() || !is_digit(t[k + 4])) &&
         digits.size() <= 3) {
    digits.append(t, k + 1, 3);
    k += 4;
  }
  if (k + 1 < t.size() && t[k] == '.' && is_digit(t[k + 1])) {
    digits.push_back('.');
    ++k;
    while (k < t.size() && is_digit(t[k])) digits.push_back(t[k++]);
  }
  return {true, k, std::strtod(digits.c_str(), nullptr)};
}

// Chinese numerals at t[i] (a multi-byte character), read only right after a topic word
// (after_topic) or one of 共/有/为/计/了/含.
NumberRead read_chinese(const std::string& t, std::size_t i, bool after_topic) {
  bool after_word = false;
  if (!after_topic && i >= 3) {
    for (const char* w : {"共", "有", "为", "计", "了", "含"}) {
      after_word = after_word || std::memcmp(t.data() + i - 3, w, 3) == 0;
    }
  }
  if (!after_topic && !after_word) {
    const unsigned char lead = static_cast<unsigned char>(t[i]);
    return {false, i + (lead >= 0xF0 ? 4 : 3), 0};
  }
  std::size_t pk = prev_cp_start(t, i);
  const char32_t prev = i > 0 ? next_cp(t, pk) : 0;
  std::size_t k = i;
  const char32_t cp = next_cp(t, k);
  if (!is_cn_numeral(cp)) return {false, i + 1, 0};
  std::size_t e = i;
  std::size_t run = 0;
  while (e < t.size()) {
    std::size_t e2 = e;
    const char32_t x = next_cp(t, e2);
    if (!is_cn_numeral(x)) break;
    e = e2;
    ++run;
  }
  double value = 0;
  if (!is_cn_numeral(prev) && run <= 12 &&
      parse_chinese_number(std::string_view(t).substr(i, e - i), &value)) {
    return {true, e, value};
  }
  return {false, e, 0};
}

// The number [nb, ne) with what follows it: 余/多 (an approximation, as are 约/近/超 before
// it) and the unit. q.ue is the end of the unit (or of 余/多 when there is no unit).
Quantity with_unit(const std::string& t, std::size_t nb, std::size_t ne, double value) {
  bool approx = false;
  for (const char* a : {"近", "约", "超", "逾", "超过", "将近", "大约"}) {
    const std::size_t l = std::strlen(a);
    if (nb >= l && t.compare(nb - l, l, a) == 0) approx = true;
  }
  std::size_t u = ne;
  for (const char* a : {"余", "多"}) {
    if (t.compare(u, 3, a) == 0) {
      approx = true;
      u += 3;
    }
  }
  std::string unit;
  for (const char* un : kUnits) {
    const std::size_t l = std::strlen(un);
    if (t.compare(u, l, un) == 0) {
      unit = un;
      break;
    }
  }
  const std::size_t ue = u + unit.size();
  return {nb, ne, ue, value, std::move(unit), approx};
}

// The unit is the start of a longer word (3个月, 2件事, 1次性, 5项目) or the number a percentage.
bool not_a_count(const std::string& t, const Quantity& q) {
  const std::string_view after = std::string_view(t).substr(q.ue);
  bool bad_word = false;
  for (const char* bad : {"工作日", "月", "小时", "百分点", "自然日", "季度", "日", "年"}) {
    if (q.unit == "个" && starts_with(after, bad)) bad_word = true;
  }
  if (q.unit == "件" && starts_with(after, "事")) bad_word = true;
  if (q.unit == "次" && starts_with(after, "性")) bad_word = true;
  if (q.unit == "项" && starts_with(after, "目")) bad_word = true;
  return bad_word || (q.ne < t.size() && (t[q.ne] == '%'));
}

// "为0" / "为零" closing a clause.
bool zero_closing_clause(const std::string& t, const Quantity& q) {
  return q.unit.empty() && q.value == 0 && q.nb >= 3 && t.compare(q.nb - 3, 3, "为") == 0 &&
         (q.ne >= t.size() || t[q.ne] == ',' || t[q.ne] == ')' || is_boundary(t, q.ne));
}

int chinese_digit(char32_t cp) {
  switch (cp) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

}  // namespace

std::vector<Quantity> find_quantities(const std::string& t, const std::vector<Hit>& hits) {
  std::vector<Quantity> out;
  std::vector<char> topic_end(t.size() + 1, 0);  // a topic keyword ends here
  for (const auto& h : hits) {
    if (h.role() == Role::topic || h.role() == Role::context) topic_end[h.e] = 1;
  }
  std::size_t i = 0;
  while (i < t.size()) {
    const char c = t[i];
    NumberRead r;
    if (is_digit(c)) {
      r = read_digits(t, i);
    } else if (static_cast<unsigned char>(c) >= 0xE0) {
      r = read_chinese(t, i, topic_end[i] != 0);
    } else {
      r.end = i + 1;
    }
    if (!r.found) {
      i = r.end;
      continue;
    }
    const std::size_t nb = i;
    Quantity q = with_unit(t, nb, r.end, r.value);
    const bool ordinal = nb >= 3 && t.compare(nb - 3, 3, "第") == 0;
    bool keep = !q.unit.empty() && !ordinal && !not_a_count(t, q);
    if (!keep && !ordinal && zero_closing_clause(t, q)) {
      keep = true;
      q.ue = q.ne;
    }
    i = std::max(q.ue, nb + 1);
    if (keep) out.push_back(std::move(q));
  }
  return out;
}

bool unit_ok(Topic tp, const std::string& unit) {
  auto in = [&](std::initializer_list<const char*> us) {
    for (const char* u : us) {
      if (unit == u) return true;
    }
    return false;
  };
  switch (tp) {
    case Topic::admin_fee:
    case Topic::fee_amount:
      return in({"元", "万元"});
    case Topic::fee_notices:
      return in({"件", "份", "个", "次", ""});
    case Topic::rv:
    case Topic::lit:
    case Topic::ld:
    case Topic::lr:
    case Topic::rv_lit:
    case Topic::t4_upheld:
    case Topic::t4_corrected:
    case Topic::t4_other:
    case Topic::t4_pending:
      return in({"件", "个", "起", "宗", ""});
    case Topic::normative:
    case Topic::rules:
      return in({"件", "个", ""});
    case Topic::licensing:
    case Topic::penalty:
    case Topic::coercion:
      return in({"件", "个", "次", "起", "宗", ""});
    default:
      return in({"件", "个", "次", "宗", ""});
  }
}

}  // namespace nianbao::detail::facts_internal

namespace nianbao::detail {

bool parse_chinese_number(std::string_view s, double* value) {
  if (s.empty()) return false;
  double total = 0, section = 0, digit = -1;
  bool any = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t cp = next_cp(s, i);
    const int d = facts_internal::chinese_digit(cp);
    if (d >= 0) {
      if (digit > 0) return false;  // two digits in a row ("一二"), not a number
      digit = d;
      any = true;
      continue;
    }
    double unit = 0;
    if (cp == U'十') unit = 10;
    if (cp == U'百') unit = 100;
    if (cp == U'千') unit = 1000;
    if (cp == U'万') unit = 10000;
    if (unit == 0) return false;
    if (unit == 10000) {
      section += digit > 0 ? digit : 0;
      if (section == 0) return false;
      total += section * 10000;
      section = 0;
    } else {
      if (digit < 0 && !(unit == 10 && section == 0)) return false;
      section += (digit < 0 ? 1 : digit) * unit;
    }
    digit = -1;
    any = true;
  }
  if (!any) return false;
  *value = total + section + (digit > 0 ? digit : 0);
  return true;
}

}  // namespace nianbao::detail
