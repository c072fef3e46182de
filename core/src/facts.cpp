// Facts extractor: see facts.hpp.
#include "facts.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <iterator>

namespace nianbao::detail {

namespace {

constexpr std::size_t kNo = static_cast<std::size_t>(-1);

// ----- the narrative text ---------------------------------------------------------------

// Prose of the report without whitespace; '\n' marks a hard break (a heading, a table).
struct Narrative {
  std::string text;
  std::vector<std::uint32_t> norm;  // normalised offset of every byte
  void brk(std::size_t at) {
    if (!text.empty() && text.back() != '\n') {
      text.push_back('\n');
      norm.push_back(static_cast<std::uint32_t>(at));
    }
  }
  // Appends the non-space bytes of t[a, b) (sized up front, then trimmed).
  void append_compact(std::string_view t, std::size_t a, std::size_t b) {
    std::size_t out = text.size();
    text.resize(out + (b - a));
    norm.resize(out + (b - a));
    for (std::size_t k = a; k < b; ++k) {
      if (is_space_byte(t[k])) continue;
      text[out] = t[k];
      norm[out] = static_cast<std::uint32_t>(k);
      ++out;
    }
    text.resize(out);
    norm.resize(out);
  }
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space_byte(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space_byte(s.back())) s.remove_suffix(1);
  return s;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool contains(std::string_view s, std::string_view p) { return contains_text(s, p); }

std::string squeeze(std::string_view s) {
  std::string out(s.size(), '\0');
  std::size_t n = 0;
  for (char c : s) {
    if (!is_space_byte(c)) out[n++] = c;
  }
  out.resize(n);
  return out;
}

// Page numbers: "-3-", "— 3 —", "第3页", "3/12", or a line of digits only.
bool page_or_numeric_line(const std::string& c) {
  if (c.empty()) return true;
  std::string_view v(c);
  bool stripped = true;
  while (stripped) {
    stripped = false;
    for (const char* d : {"-", "—", "·", "|"}) {
      const std::size_t l = std::strlen(d);
      if (starts_with(v, d)) {
        v.remove_prefix(l);
        stripped = true;
      }
      if (v.size() >= l && v.substr(v.size() - l) == d) {
        v.remove_suffix(l);
        stripped = true;
      }
    }
  }
  if (starts_with(v, "第")) v.remove_prefix(3);
  if (v.size() >= 3 && v.substr(v.size() - 3) == "页") v.remove_suffix(3);
  if (v.empty()) return true;
  for (char ch : v) {
    if (!is_digit(ch) && ch != '/' && ch != '.' && ch != ',' && ch != '%' && ch != '(' &&
        ch != ')' && ch != '-' && ch != '|') {
      return false;
    }
  }
  return true;
}

// A line of two or more bare numbers and no sentence punctuation: a table row.
bool table_like_line(std::string_view line) {
  if (contains(line, "。") || contains(line, ",") || contains(line, "、") || contains(line, ";")) {
    return false;
  }
  int numbers = 0;
  std::size_t k = 0;
  while (k < line.size()) {
    while (k < line.size() && is_space_byte(line[k])) ++k;
    std::size_t e = k;
    while (e < line.size() && !is_space_byte(line[e])) ++e;
    if (e > k) {
      bool num = true;
      for (std::size_t j = k; j < e; ++j) num = num && (is_digit(line[j]) || line[j] == '.');
      numbers += num ? 1 : 0;
    }
    k = e;
  }
  return numbers >= 2;
}

bool subheading_line(std::string_view t) {
  if (!starts_with(t, "#") && !starts_with(t, "(")) return false;
  if (t.size() > 160 || contains(t, "。") || cp_count(t) > 40) return false;
  if (starts_with(t, "#")) return true;
  if (starts_with(t, "(")) {
    std::size_t i = 1;
    const char32_t cp = next_cp(t, i);
    return std::u32string_view(U"一二三四五六七八九十").find(cp) != std::u32string_view::npos ||
           (cp >= '0' && cp <= '9');
  }
  return false;
}

Narrative build_narrative(const Document& doc) {
  Narrative n;
  const std::string& t = doc.norm.text;
  n.text.reserve(t.size());
  n.norm.reserve(t.size() + 1);
  // Table spans, in original offsets, from the located cells.
  std::size_t lo[3] = {kNo, kNo, kNo}, hi[3] = {0, 0, 0};
  for (const auto& [id, c] : doc.tables.cells) {
    if (!c.located() || id.size() < 3) continue;
    const int k = id[1] - '2';
    if (k < 0 || k > 2) continue;
    lo[k] = std::min(lo[k], c.offset);
    hi[k] = std::max(hi[k], c.offset);
  }
  std::size_t si = 0;  // next section heading
  std::size_t pos = 0;
  while (pos < t.size()) {
    std::size_t eol = t.find('\n', pos);
    if (eol == std::string::npos) eol = t.size();
    const std::string_view line(t.data() + pos, eol - pos);
    const std::string_view tl = trim(line);
    const std::size_t next = eol + 1;
    while (si < doc.outline.sections.size() && doc.outline.sections[si].norm_begin < pos) ++si;
    const bool heading = si < doc.outline.sections.size() &&
                         doc.outline.sections[si].norm_begin < eol &&
                         doc.outline.sections[si].norm_begin >= pos;
    if (tl.empty()) {
      pos = next;
      continue;
    }
    // Page numbers and lines of bare numbers are short; longer ones are table rows or prose.
    const bool numeric = tl.size() <= 64 && page_or_numeric_line(squeeze(tl));
    const std::size_t o = doc.orig(pos);
    bool in_table = false;
    for (int k = 0; k < 3; ++k) {
      in_table = in_table || (lo[k] != kNo && o + line.size() >= lo[k] && o <= hi[k]);
    }
    const bool prose = contains(tl, "。");
    // A heading filling its line is dropped; one inside a long line (web pages flattened to
    // one line) is cut out of it.
    const bool whole_heading = heading && doc.outline.sections[si].norm_body >= eol;
    if (whole_heading || line.find('\t') != std::string_view::npos || starts_with(tl, "|") ||
        numeric || (in_table && !prose) || table_like_line(tl)) {
      if (!numeric || heading) n.brk(pos);
      pos = next;
      continue;
    }
    std::size_t sj = si;
    const auto& secs = doc.outline.sections;
    std::size_t k = pos;
    while (k < eol) {
      while (sj < secs.size() && secs[sj].norm_begin < k) ++sj;
      if (sj < secs.size() && secs[sj].norm_begin == k) {
        n.brk(k);
        k = std::max(k, std::min(secs[sj].norm_body, eol));
        ++sj;
        continue;
      }
      // Up to the next heading inside the line (sections are sorted by norm_begin).
      const std::size_t stop =
          sj < secs.size() && secs[sj].norm_begin < eol ? secs[sj].norm_begin : eol;
      n.append_compact(t, k, stop);
      k = stop;
    }
    if (subheading_line(tl)) n.brk(eol);
    pos = next;
  }
  n.norm.push_back(static_cast<std::uint32_t>(t.size()));
  return n;
}

// ----- keywords ------------------------------------------------------------------------

enum class Role : std::uint8_t {
  topic,
  verb_strong,  // 制发 / 出台 / 印发 / 制定
  verb_weak,    // 发布 / 公开 / 新增
  verb_repeal,
  verb_in_force,
  decision,      // 决定 / 作出 … (table 2 licensing etc.)
  context,       // 申请 / 信息公开
  blocker,       // 咨询 / 建议 / 提案 …: not an application count
  with_carried,  // 含上年
  negation,
  upheld_all,  // 均维持
  adverse,     // 纠错 / 败诉 / 纠正 (an outcome word that can be negated)
  fee_any,     // 收费 / 费用
  fee_verb,    // 发出 / 开具 (a notice)
};

struct Kw {
  const char* s;
  Role role;
  Topic topic;
};

const Kw kKeywords[] = {
    // table 3
    {"收到", Role::topic, Topic::app_new},
    {"受理", Role::topic, Topic::app_new},
    {"新收", Role::topic, Topic::app_new},
    {"接收", Role::topic, Topic::app_new},
    {"接到", Role::topic, Topic::app_new},
    {"办理", Role::topic, Topic::app_handled},
    {"办结", Role::topic, Topic::app_concluded},
    {"答复", Role::topic, Topic::app_concluded},
    {"办理完毕", Role::topic, Topic::app_concluded},
    {"办理完成", Role::topic, Topic::app_concluded},
    {"处理完毕", Role::topic, Topic::app_concluded},
    {"上年结转", Role::topic, Topic::app_carried_in},
    {"上年度结转", Role::topic, Topic::app_carried_in},
    {"上一年度结转", Role::topic, Topic::app_carried_in},
    {"上一年结转", Role::topic, Topic::app_carried_in},
    {"去年结转", Role::topic, Topic::app_carried_in},
    {"结转下年", Role::topic, Topic::app_carried_out},
    {"结转下一年", Role::topic, Topic::app_carried_out},
    {"结转至", Role::topic, Topic::app_carried_out},
    {"结转到", Role::topic, Topic::app_carried_out},
    {"顺延到", Role::topic, Topic::app_carried_out},
    {"顺延至", Role::topic, Topic::app_carried_out},
    {"转下一年", Role::topic, Topic::app_carried_out},
    {"转入下一年", Role::topic, Topic::app_carried_out},
    {"转入下年", Role::topic, Topic::app_carried_out},
    {"转至下一年", Role::topic, Topic::app_carried_out},
    {"自然人", Role::topic, Topic::app_natural},
    {"法人或其他组织", Role::topic, Topic::app_org},
    {"法人和其他组织", Role::topic, Topic::app_org},
    {"法人及其他组织", Role::topic, Topic::app_org},
    {"法人或者其他组织", Role::topic, Topic::app_org},
    {"予以公开", Role::topic, Topic::res_granted},
    {"同意公开", Role::topic, Topic::res_granted},
    {"全部公开", Role::topic, Topic::res_granted},
    {"部分公开", Role::topic, Topic::res_partial},
    {"予以公开及部分公开", Role::topic, Topic::res_granted_partial},
    {"予以公开和部分公开", Role::topic, Topic::res_granted_partial},
    {"予以公开、部分公开", Role::topic, Topic::res_granted_partial},
    {"予以公开或部分公开", Role::topic, Topic::res_granted_partial},
    {"全部或部分公开", Role::topic, Topic::res_granted_partial},
    {"全部及部分公开", Role::topic, Topic::res_granted_partial},
    {"不予公开", Role::topic, Topic::res_withheld},
    {"无法提供", Role::topic, Topic::res_unavailable},
    {"不予处理", Role::topic, Topic::res_declined},
    {"其他处理", Role::topic, Topic::res_other},
    // table 4
    {"行政复议", Role::topic, Topic::rv},
    {"复议", Role::topic, Topic::rv},
    {"行政诉讼", Role::topic, Topic::lit},
    {"诉讼", Role::topic, Topic::lit},
    {"直接起诉", Role::topic, Topic::ld},
    {"未经复议", Role::topic, Topic::ld},
    {"复议后起诉", Role::topic, Topic::lr},
    {"复议后提起", Role::topic, Topic::lr},
    {"复议后诉讼", Role::topic, Topic::lr},
    {"复议后再起诉", Role::topic, Topic::lr},
    {"经复议后", Role::topic, Topic::lr},
    {"行政复议、行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议和行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议及行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议或行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议、提起行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议和提起行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议或提起行政诉讼", Role::topic, Topic::rv_lit},
    {"行政复议、诉讼", Role::topic, Topic::rv_lit},
    {"行政复议和诉讼", Role::topic, Topic::rv_lit},
    {"复议诉讼", Role::topic, Topic::rv_lit},
    {"复议、诉讼", Role::topic, Topic::rv_lit},
    {"复议和诉讼", Role::topic, Topic::rv_lit},
    {"复议及诉讼", Role::topic, Topic::rv_lit},
    {"复议或诉讼", Role::topic, Topic::rv_lit},
    {"结果维持", Role::topic, Topic::t4_upheld},
    {"维持", Role::topic, Topic::t4_upheld},
    {"结果纠正", Role::topic, Topic::t4_corrected},
    {"纠正", Role::topic, Topic::t4_corrected},
    {"纠错", Role::topic, Topic::t4_corrected},
    {"其他结果", Role::topic, Topic::t4_other},
    {"尚未审结", Role::topic, Topic::t4_pending},
    {"未审结", Role::topic, Topic::t4_pending},
    {"正在审理", Role::topic, Topic::t4_pending},
    {"审理中", Role::topic, Topic::t4_pending},
    // table 2
    {"规范性文件", Role::topic, Topic::normative},
    {"规章", Role::topic, Topic::rules},
    {"行政许可", Role::topic, Topic::licensing},
    {"行政处罚", Role::topic, Topic::penalty},
    {"行政强制", Role::topic, Topic::coercion},
    {"行政事业性收费", Role::topic, Topic::admin_fee},
    // 信息处理费
    {"收费通知", Role::topic, Topic::fee_notices},
    {"缴费通知", Role::topic, Topic::fee_notices},
    {"信息处理费", Role::topic, Topic::fee_amount},
    // modifiers
    {"制发", Role::verb_strong, Topic::none},
    {"出台", Role::verb_strong, Topic::none},
    {"印发", Role::verb_strong, Topic::none},
    {"制定", Role::verb_strong, Topic::none},
    {"发布", Role::verb_weak, Topic::none},
    {"公开", Role::verb_weak, Topic::none},
    {"新增", Role::verb_weak, Topic::none},
    {"废止", Role::verb_repeal, Topic::none},
    {"失效", Role::verb_repeal, Topic::none},
    {"有效", Role::verb_in_force, Topic::none},
    {"决定", Role::decision, Topic::none},
    {"作出", Role::decision, Topic::none},
    {"办结", Role::decision, Topic::none},
    {"审批", Role::decision, Topic::none},
    {"结案", Role::decision, Topic::none},
    {"申请", Role::context, Topic::none},
    {"信息公开", Role::context, Topic::none},
    {"咨询", Role::blocker, Topic::none},
    {"建议", Role::blocker, Topic::none},
    {"提案", Role::blocker, Topic::none},
    {"热线", Role::blocker, Topic::none},
    {"来信", Role::blocker, Topic::none},
    {"留言", Role::blocker, Topic::none},
    {"工单", Role::blocker, Topic::none},
    {"诉求", Role::blocker, Topic::none},
    {"模板", Role::blocker, Topic::none},
    {"培训", Role::blocker, Topic::none},
    {"会议", Role::blocker, Topic::none},
    {"文书", Role::blocker, Topic::none},
    {"含上年", Role::with_carried, Topic::none},
    {"含上一年", Role::with_carried, Topic::none},
    {"包括上年", Role::with_carried, Topic::none},
    {"未", Role::negation, Topic::none},
    {"无", Role::negation, Topic::none},
    {"没有", Role::negation, Topic::none},
    {"零", Role::negation, Topic::none},
    {"均维持", Role::upheld_all, Topic::none},
    {"均获维持", Role::upheld_all, Topic::none},
    {"均被维持", Role::upheld_all, Topic::none},
    {"全部维持", Role::upheld_all, Topic::none},
    {"均予以维持", Role::upheld_all, Topic::none},
    {"均予维持", Role::upheld_all, Topic::none},
    {"均为维持", Role::upheld_all, Topic::none},
    {"纠错", Role::adverse, Topic::none},
    {"纠正", Role::adverse, Topic::none},
    {"败诉", Role::adverse, Topic::none},
    {"收费", Role::fee_any, Topic::none},
    {"费用", Role::fee_any, Topic::none},
    {"发出", Role::fee_verb, Topic::none},
    {"开具", Role::fee_verb, Topic::none},
    {"发放", Role::fee_verb, Topic::none},
    {"送达", Role::fee_verb, Topic::none},
    {"出具", Role::fee_verb, Topic::none},
};

struct Hit {
  std::size_t b, e;
  int kw;
  Role role() const { return kKeywords[kw].role; }
  Topic topic() const { return kKeywords[kw].topic; }
};

std::vector<Hit> find_hits(const std::string& text) {
  // Keywords by their first character (all start with a CJK ideograph).
  // (first code point, keyword) sorted, so that each bucket lists its keywords in table order;
  // a 4096-bit filter on the code point's low bits skips most characters without a search.
  constexpr char32_t kLo = 0x4E00, kHi = 0x9FFF;
  constexpr std::size_t kKw = std::size(kKeywords);
  std::array<std::pair<char32_t, int>, kKw> firsts{};
  std::array<std::size_t, kKw> len{};
  std::array<std::uint64_t, 64> filter{};
  std::size_t nfirst = 0;
  for (int k = 0; k < static_cast<int>(kKw); ++k) {
    len[static_cast<std::size_t>(k)] = std::strlen(kKeywords[k].s);
    std::size_t i = 0;
    const char32_t cp = next_cp(kKeywords[k].s, i);
    if (cp < kLo || cp > kHi) continue;
    firsts[nfirst++] = {cp, k};
    filter[(cp >> 6) & 63] |= std::uint64_t{1} << (cp & 63);
  }
  std::sort(firsts.begin(), firsts.begin() + static_cast<std::ptrdiff_t>(nfirst));
  const auto first_end = firsts.begin() + static_cast<std::ptrdiff_t>(nfirst);
  std::vector<Hit> hits;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t at = i;
    if (static_cast<unsigned char>(text[i]) < 0xE0) {
      ++i;
      continue;
    }
    const char32_t cp = next_cp(text, i);
    if (cp < kLo || cp > kHi) continue;
    if (((filter[(cp >> 6) & 63] >> (cp & 63)) & 1) == 0) continue;
    for (auto it = std::lower_bound(firsts.begin(), first_end, std::pair<char32_t, int>{cp, -1});
         it != first_end && it->first == cp; ++it) {
      const int k = it->second;
      const std::size_t kl = len[static_cast<std::size_t>(k)];
      if (at + kl > text.size() || std::memcmp(text.data() + at, kKeywords[k].s, kl) != 0) {
        continue;
      }
      // 规章制度 / 规章库 are not 规章.
      if (kKeywords[k].topic == Topic::rules &&
          (text.compare(at + kl, 6, "制度") == 0 || text.compare(at + kl, 3, "库") == 0)) {
        continue;
      }
      hits.push_back({at, at + kl, k});
    }
  }
  return hits;
}

// ----- quantities ----------------------------------------------------------------------

struct Quantity {
  std::size_t nb, ne, ue;  // number begin/end, unit end (narrative offsets)
  double value;
  std::string unit;
  bool approx;
};

constexpr std::u32string_view kCnDigits = U"零〇一二两三四五六七八九十百千万";

bool is_cn_numeral(char32_t cp) { return kCnDigits.find(cp) != std::u32string_view::npos; }

const char* const kUnits[] = {"万元", "元", "件", "个", "次", "条", "宗", "起", "项", "份"};

// "。" is E3 80 82.
bool is_full_stop(std::string_view t, std::size_t i) {
  return static_cast<unsigned char>(t[i]) == 0xE3 && i + 2 < t.size() &&
         static_cast<unsigned char>(t[i + 1]) == 0x80 &&
         static_cast<unsigned char>(t[i + 2]) == 0x82;
}

bool is_boundary(std::string_view t, std::size_t i) {
  const char c = t[i];
  return c == '\n' || c == ';' || c == '!' || c == '?' || is_full_stop(t, i);
}

bool is_sentence_end(std::string_view t, std::size_t i) {
  const char c = t[i];
  return c == '\n' || c == '!' || c == '?' || is_full_stop(t, i);
}

// Previous code point start.
std::size_t prev_cp_start(std::string_view t, std::size_t i) {
  if (i == 0) return 0;
  std::size_t k = i - 1;
  while (k > 0 && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
  return k;
}

std::vector<Quantity> find_quantities(const std::string& t, const std::vector<Hit>& hits) {
  std::vector<Quantity> out;
  std::vector<char> topic_end(t.size() + 1, 0);  // a topic keyword ends here
  for (const auto& h : hits) {
    if (h.role() == Role::topic || h.role() == Role::context) topic_end[h.e] = 1;
  }
  std::size_t i = 0;
  while (i < t.size()) {
    const char c = t[i];
    std::size_t nb = i, ne = i;
    double value = 0;
    bool found = false;
    if (is_digit(c)) {
      const char p = i > 0 ? t[i - 1] : ' ';
      std::size_t k = i;
      while (k < t.size() && is_digit(t[k])) ++k;
      const bool glued = i > 0 && (std::isalnum(static_cast<unsigned char>(p)) || p == '.' ||
                                   p == '-' || p == '/' || p == ':' || p == '_');
      if (!glued && k - i <= 12) {
        std::string digits(t, i, k - i);
        // thousands separators
        while (k + 3 < t.size() + 0 && t[k] == ',' && k + 4 <= t.size() && is_digit(t[k + 1]) &&
               is_digit(t[k + 2]) && is_digit(t[k + 3]) &&
               (k + 4 == t.size() || !is_digit(t[k + 4])) && digits.size() <= 3) {
          digits.append(t, k + 1, 3);
          k += 4;
        }
        if (k + 1 < t.size() && t[k] == '.' && is_digit(t[k + 1])) {
          digits.push_back('.');
          ++k;
          while (k < t.size() && is_digit(t[k])) digits.push_back(t[k++]);
        }
        value = std::strtod(digits.c_str(), nullptr);
        ne = k;
        found = true;
      } else {
        i = k;
        continue;
      }
    } else if (static_cast<unsigned char>(c) >= 0xE0) {
      std::size_t k = i;
      // Chinese numerals count only right after a topic word or 共/有/为/计/了/含.
      bool after_word = false;
      if (topic_end[i] == 0 && i >= 3) {
        for (const char* w : {"共", "有", "为", "计", "了", "含"}) {
          after_word = after_word || std::memcmp(t.data() + i - 3, w, 3) == 0;
        }
      }
      if (topic_end[i] == 0 && !after_word) {
        const unsigned char lead = static_cast<unsigned char>(c);
        i += lead >= 0xF0 ? 4 : 3;
        continue;
      }
      const std::size_t pb = prev_cp_start(t, i);
      std::size_t pk = pb;
      const char32_t prev = i > 0 ? next_cp(t, pk) : 0;
      const char32_t cp = next_cp(t, k);
      if (is_cn_numeral(cp)) {
        std::size_t e = i;
        std::size_t run = 0;
        while (e < t.size()) {
          std::size_t e2 = e;
          const char32_t x = next_cp(t, e2);
          if (!is_cn_numeral(x)) break;
          e = e2;
          ++run;
        }
        if (!is_cn_numeral(prev) && run <= 12) {
          if (parse_chinese_number(std::string_view(t).substr(i, e - i), &value)) {
            ne = e;
            found = true;
          }
        }
        if (!found) {
          i = e;
          continue;
        }
      }
    }
    if (!found) {
      ++i;
      continue;
    }
    // Ordinals and approximations.
    const bool ordinal = nb >= 3 && t.compare(nb - 3, 3, "第") == 0;
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
    std::size_t ue = u + unit.size();
    bool keep = !unit.empty() && !ordinal;
    if (keep) {
      const std::string_view after = std::string_view(t).substr(ue);
      for (const char* bad : {"工作日", "月", "小时", "百分点", "自然日", "季度", "日", "年"}) {
        if (unit == "个" && starts_with(after, bad)) keep = false;
      }
      if (unit == "件" && starts_with(after, "事")) keep = false;
      if (unit == "次" && starts_with(after, "性")) keep = false;
      if (unit == "项" && starts_with(after, "目")) keep = false;
      if (ne < t.size() && (t[ne] == '%')) keep = false;
    }
    // "为0" / "为零" closing a clause.
    if (!keep && unit.empty() && !ordinal && value == 0 && nb >= 3 &&
        t.compare(nb - 3, 3, "为") == 0 &&
        (ne >= t.size() || t[ne] == ',' || t[ne] == ')' || is_boundary(t, ne))) {
      keep = true;
      ue = ne;
    }
    if (keep) out.push_back({nb, ne, ue, value, unit, approx});
    i = std::max(ue, nb + 1);
  }
  return out;
}

// ----- helpers -------------------------------------------------------------------------

int section_at(const Document& doc, std::size_t norm_off) {
  for (const auto& s : doc.outline.sections) {
    if (norm_off >= s.norm_begin && norm_off < s.norm_end) return s.number;
  }
  return 0;
}

// The original text behind narrative bytes [b, e) for quoting (whitespace dropped): at
// most `max_cp` code points, keeping the end (keep_end) or the start.
std::string quote_text(const Document& doc, const std::string& t,
                       const std::vector<std::uint32_t>& norm, std::size_t b, std::size_t e,
                       bool keep_end, std::size_t max_cp = 40) {
  const std::string_view src = doc.source.text();
  std::vector<std::string> cps;
  std::size_t last = kNo;
  for (std::size_t k = b; k < e && k < t.size(); ++k) {
    if (t[k] == '\n' || (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) continue;
    std::size_t o = doc.orig(norm[k]);
    if (o == last) continue;  // one original character folded into several bytes
    last = o;
    const std::size_t start = o;
    next_cp(src, o);
    cps.emplace_back(src.substr(start, o - start));
  }
  std::string s;
  std::size_t from = 0, to = cps.size();
  bool cut = false;
  if (cps.size() > max_cp) {
    cut = true;
    if (keep_end) {
      from = cps.size() - max_cp;
    } else {
      to = max_cp;
    }
  }
  if (cut && keep_end) s = "…";
  for (std::size_t k = from; k < to; ++k) s += cps[k];
  if (cut && !keep_end) s += "…";
  return s;
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

bool is_app(Topic t) {
  return t == Topic::app_new || t == Topic::app_handled || t == Topic::app_concluded;
}
bool is_result(Topic t) {
  return t == Topic::res_granted || t == Topic::res_partial || t == Topic::res_granted_partial ||
         t == Topic::res_withheld || t == Topic::res_unavailable || t == Topic::res_declined ||
         t == Topic::res_other;
}
bool is_group(Topic t) {
  return t == Topic::rv || t == Topic::lit || t == Topic::ld || t == Topic::lr ||
         t == Topic::rv_lit;
}
bool is_t4_sub(Topic t) {
  return t == Topic::t4_upheld || t == Topic::t4_corrected || t == Topic::t4_other ||
         t == Topic::t4_pending;
}

// Strips any of `fillers` from the front of `gap` repeatedly; true when nothing is left.
bool only_fillers(std::string_view gap, std::initializer_list<const char*> fillers) {
  bool progress = true;
  while (!gap.empty() && progress) {
    progress = false;
    for (const char* f : fillers) {
      const std::size_t l = std::strlen(f);
      if (starts_with(gap, f)) {
        gap.remove_prefix(l);
        progress = true;
        break;
      }
    }
  }
  return gap.empty();
}

// First index of hits with b >= pos.
std::size_t lower_hit(const std::vector<Hit>& hits, std::size_t pos) {
  return static_cast<std::size_t>(
      std::lower_bound(hits.begin(), hits.end(), pos,
                       [](const Hit& h, std::size_t p) { return h.b < p; }) -
      hits.begin());
}

int parse_int(std::string_view s, std::size_t i, std::size_t n, std::size_t* end) {
  std::size_t k = i;
  int v = 0;
  while (k < s.size() && k - i < n && is_digit(s[k])) v = v * 10 + (s[k++] - '0');
  *end = k;
  return k == i ? -1 : v;
}

// "YYYY年M月D日" or "YYYY-MM-DD" / "YYYY/MM/DD" / "YYYY.MM.DD" at s[i].
bool parse_date(std::string_view s, std::size_t i, int* y, int* m, int* d, std::size_t* end) {
  std::size_t k;
  *y = parse_int(s, i, 4, &k);
  if (*y < 1990 || *y > 2100 || k - i != 4) return false;
  if (s.compare(k, 3, "年") == 0) {
    *m = parse_int(s, k + 3, 2, &k);
    if (*m < 1 || s.compare(k, 3, "月") != 0) return false;
    *d = parse_int(s, k + 3, 2, &k);
    if (*d < 1 || s.compare(k, 3, "日") != 0) return false;
    *end = k + 3;
  } else if (k < s.size() && (s[k] == '-' || s[k] == '/' || s[k] == '.')) {
    const char sep = s[k];
    *m = parse_int(s, k + 1, 2, &k);
    if (*m < 1 || k >= s.size() || s[k] != sep) return false;
    *d = parse_int(s, k + 1, 2, &k);
    if (*d < 1) return false;
    *end = k;
  } else {
    return false;
  }
  return *m <= 12 && *d <= 31;
}

// ----- the passes -----------------------------------------------------------------------

struct Ctx {
  const Document& doc;
  const Narrative& n;
  const std::vector<Hit>& hits;
  Facts& out;
  std::size_t orig(std::size_t narr) const { return doc.orig(n.norm[narr]); }
  int section(std::size_t narr) const { return section_at(doc, n.norm[narr]); }
  std::string quote(std::size_t b, std::size_t e, bool keep_end, std::size_t max_cp = 40) const {
    return quote_text(doc, n.text, n.norm, b, e, keep_end, max_cp);
  }
};

void numeric_facts(Ctx& cx, const std::vector<Quantity>& qs) {
  const std::string& t = cx.n.text;
  const auto& hits = cx.hits;
  std::size_t prev_end = 0;
  std::size_t last_boundary = 0, last_sentence = 0, scan = 0;
  auto seg_has = [&](Role r, std::size_t lo, std::size_t hi) {
    for (std::size_t h = lower_hit(hits, lo); h < hits.size() && hits[h].b < hi; ++h) {
      if (hits[h].role() == r && hits[h].e <= hi) return true;
    }
    return false;
  };
  for (std::size_t qi = 0; qi < qs.size(); ++qi) {
    const Quantity& q = qs[qi];
    while (scan < q.nb) {
      if (is_boundary(t, scan)) last_boundary = scan + 1;
      if (is_sentence_end(t, scan)) last_sentence = scan + 1;
      ++scan;
    }
    const std::size_t seg = std::max(prev_end, last_boundary);
    prev_end = q.ue;
    if (q.approx) continue;
    // "…等243件": an aggregate of several kinds.
    if (q.nb >= 3 && t.compare(q.nb - 3, 3, "等") == 0) continue;
    // Candidate topic words: before the number within the segment, nearest first.
    const std::size_t h0 = lower_hit(hits, seg);
    const std::size_t h1 = lower_hit(hits, q.nb);
    std::vector<std::size_t> cands;
    for (std::size_t h = h0; h < h1; ++h) {
      const Hit& x = hits[h];
      if (x.role() != Role::topic || x.e > q.nb || q.nb - x.e > 90) continue;
      cands.push_back(h);
    }
    std::sort(cands.begin(), cands.end(), [&](std::size_t x, std::size_t y) {
      if (hits[x].e != hits[y].e) return hits[x].e > hits[y].e;
      return hits[x].e - hits[x].b > hits[y].e - hits[y].b;
    });
    bool right = false;
    if (cands.empty()) {
      // "1件涉及…的行政复议", "103件顺延到下年度": a topic right after the number.
      std::size_t limit = std::min(t.size(), q.ue + 60);
      if (qi + 1 < qs.size()) limit = std::min(limit, qs[qi + 1].nb);
      for (std::size_t k = q.ue; k < limit; ++k) {
        if (t[k] == ',' || is_boundary(t, k)) {
          limit = k;
          break;
        }
      }
      for (std::size_t h = lower_hit(hits, q.ue); h < hits.size() && hits[h].b < limit; ++h) {
        const Topic x = hits[h].topic();
        if (hits[h].role() != Role::topic || hits[h].e > limit) continue;
        if (x == Topic::app_carried_out || is_group(x)) {
          std::size_t best = h;  // the longest hit starting here (行政复议、行政诉讼)
          for (std::size_t g = h + 1; g < hits.size() && hits[g].b == hits[h].b; ++g) {
            if (hits[g].role() == Role::topic && hits[g].e > hits[best].e) best = g;
          }
          cands.push_back(best);
          right = true;
          break;
        }
      }
    }
    for (std::size_t ci = 0; ci < cands.size(); ++ci) {
      std::size_t best = cands[ci];
      // "同意公开答复9件": the result word right before 答复 decides.
      if (hits[best].topic() == Topic::app_concluded || hits[best].topic() == Topic::app_handled) {
        for (std::size_t h = h0; h < best; ++h) {
          if (hits[h].role() == Role::topic && is_result(hits[h].topic()) &&
              hits[h].e + 6 >= hits[best].b && hits[h].e <= hits[best].b) {
            best = h;
          }
        }
      }
      // "复议后起诉的行政诉讼": the specific group wins over the generic one.
      if (hits[best].topic() == Topic::lit) {
        for (std::size_t h = h0; h < h1; ++h) {
          const Topic x = hits[h].topic();
          if (hits[h].role() == Role::topic && (x == Topic::ld || x == Topic::lr)) best = h;
        }
      }
      const Hit& kw = hits[best];
      Fact f;
      f.topic = kw.topic();
      f.value = q.value;
      f.unit = q.unit;
      f.offset = cx.orig(q.nb);
      f.section = cx.section(q.nb);
      if (!unit_ok(f.topic, f.unit)) continue;
      f.phrase = right ? cx.quote(q.nb, kw.e, false) : cx.quote(kw.b, q.ue, true);
      const std::size_t seg_hi = right ? std::max(kw.e, q.ue) : q.nb;
      // A change or a rate, not a count: 较上年减少2件, 纠错率为0, 同比增长3件.
      if (!right) {
        const std::string_view gap = std::string_view(t).substr(kw.e, q.nb - kw.e);
        bool delta = false;
        for (const char* w : {"较", "同比", "环比", "增加", "减少", "下降", "增长", "上升", "率",
                              "比例", "占比", "平均", "人次", "超过", "不超过"}) {
          delta = delta || contains(gap, w);
        }
        if (delta) continue;
      }
      if (is_app(f.topic)) {
        // About applications: 申请 / 信息公开 nearby in the sentence, and no 咨询, 建议 …
        const std::size_t ctx_lo = std::max(last_sentence, kw.b >= 90 ? kw.b - 90 : 0);
        if (!seg_has(Role::context, ctx_lo, q.nb) || seg_has(Role::blocker, seg, q.nb)) continue;
      }
      if (is_app(f.topic) || f.topic == Topic::app_natural || f.topic == Topic::app_org) {
        std::size_t stop = std::min(t.size(), q.ue + 60);
        if (qi + 1 < qs.size()) stop = std::min(stop, qs[qi + 1].nb);
        for (std::size_t k = q.ue; k < stop; ++k) {
          if (is_sentence_end(t, k)) {
            stop = k;
            break;
          }
        }
        f.with_carried_in =
            seg_has(Role::with_carried, q.ue, stop) || seg_has(Role::with_carried, seg, q.nb);
      }
      if (is_t4_sub(f.topic)) {
        // The group it belongs to: the nearest group word before it in the sentence.
        Topic parent = Topic::none;
        for (std::size_t h = best; h-- > 0;) {
          if (hits[h].b < last_sentence || kw.b - hits[h].b > 300) break;
          if (hits[h].role() == Role::topic && is_group(hits[h].topic())) {
            parent = hits[h].topic();
            std::size_t g = h;  // the longest hit ending at the same place
            while (g-- > 0 && hits[g].e == hits[h].e) {
              if (hits[g].role() == Role::topic && is_group(hits[g].topic())) {
                parent = hits[g].topic();
              }
            }
            break;
          }
        }
        if (parent == Topic::none) continue;
        f.parent = parent;
      }
      if (f.topic == Topic::normative || f.topic == Topic::rules) {
        // The verb: nearest before the number in the segment, else in the sentence.
        auto verb_in = [&](std::size_t lo, std::size_t hi) {
          int vb = -1;
          for (std::size_t h = lower_hit(hits, lo); h < hits.size() && hits[h].b < hi; ++h) {
            const Role r = hits[h].role();
            if (hits[h].e > hi) continue;
            if (r == Role::verb_strong || r == Role::verb_weak || r == Role::verb_repeal ||
                r == Role::verb_in_force) {
              vb = static_cast<int>(h);
            }
          }
          return vb;
        };
        int vb = verb_in(seg, q.nb);
        if (vb < 0) vb = verb_in(std::max(last_sentence, kw.b >= 150 ? kw.b - 150 : 0), kw.b);
        if (vb >= 0) {
          switch (hits[static_cast<std::size_t>(vb)].role()) {
            case Role::verb_strong:
              f.verb = DocVerb::made;
              f.strong_verb = true;
              break;
            case Role::verb_repeal:
              f.verb = DocVerb::repealed;
              f.strong_verb = true;
              break;
            case Role::verb_in_force:
              f.verb = DocVerb::in_force;
              f.strong_verb = true;
              break;
            default:
              break;
          }
        }
      }
      if (f.topic == Topic::licensing || f.topic == Topic::penalty || f.topic == Topic::coercion) {
        const std::size_t stop = std::min(t.size(), q.ue + 15);
        if (!seg_has(Role::decision, seg, seg_hi) && !seg_has(Role::decision, q.ue, stop)) {
          continue;
        }
        if (contains(std::string_view(t).substr(seg, q.nb - seg), "事项")) continue;
      }
      cx.out.facts.push_back(std::move(f));
      break;
    }
  }
}

// Zero statements: a negation, only filler words, then a topic.
void zero_claims(Ctx& cx) {
  const std::string& t = cx.n.text;
  const auto& hits = cx.hits;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const Hit& ng = hits[i];
    if (ng.role() != Role::negation) continue;
    // 未经 / 尚未 are not negations of an event.
    if (t.compare(ng.e, 3, "经") == 0) continue;
    if (ng.b >= 3 && t.compare(ng.b - 3, 3, "尚") == 0) continue;
    // The first topic / fee word after it, within 75 bytes and the clause.
    std::size_t limit = std::min(t.size(), ng.e + 75);
    for (std::size_t k = ng.e; k < limit; ++k) {
      if (t[k] == ',' || is_boundary(t, k) || is_digit(t[k])) {
        limit = k;
        break;
      }
    }
    // Candidate targets in order (the longest hit at each place).
    std::vector<std::size_t> cands;
    for (std::size_t h = i + 1; h < hits.size() && hits[h].b < limit; ++h) {
      if (hits[h].b < ng.e || hits[h].e > limit) continue;
      const Role r = hits[h].role();
      const Topic tp = hits[h].topic();
      const bool wanted = (r == Role::topic &&
                           (is_group(tp) || tp == Topic::fee_notices || tp == Topic::fee_amount)) ||
                          r == Role::context || r == Role::fee_any;
      if (!wanted) continue;
      if (!cands.empty() && hits[cands.back()].b == hits[h].b) {
        if (hits[h].e > hits[cands.back()].e) cands.back() = h;
        continue;
      }
      cands.push_back(h);
    }
    for (std::size_t tgi : cands) {
      const Hit& tg = hits[tgi];
      const std::string_view gap = std::string_view(t).substr(ng.e, tg.b - ng.e);
      const std::string_view rest = std::string_view(t).substr(tg.e, limit - tg.e);
      ZeroClaim z;
      z.offset = cx.orig(ng.b);
      z.section = cx.section(ng.b);
      bool ok = false;
      const Topic tp = tg.topic();
      if (tg.role() == Role::topic && is_group(tp)) {
        ok =
            only_fillers(gap, {"发生",       "出现",   "有",     "因",   "政府信息公开", "信息公开",
                               "依申请公开", "申请",   "工作",   "被",   "提起",         "提出",
                               "的",         "涉及",   "相关",   "任何", "引起",         "引发",
                               "而",         "被申请", "申请人", "收到", "接到"});
        for (const char* w : {"纠错", "败诉", "纠正", "维持", "撤销"}) {
          if (contains(rest, w) || contains(gap, w)) ok = false;
        }
        if (ok) {
          z.kind = tp == Topic::lit || tp == Topic::ld || tp == Topic::lr ? ZeroKind::litigation
                                                                          : ZeroKind::review;
          if (tp == Topic::rv_lit) {
            z.phrase = cx.quote(ng.b, tg.e, false);
            cx.out.zeros.push_back(z);
            z.kind = ZeroKind::litigation;
          }
        }
      } else if (tg.role() == Role::context && t.compare(tg.b, 6, "申请") == 0) {
        const bool person = t.compare(tg.e, 3, "人") == 0 || t.compare(tg.e, 3, "书") == 0 ||
                            t.compare(tg.e, 3, "表") == 0;
        ok = !person && only_fillers(gap, {"收到", "受理", "接到", "接收", "任何", "政府信息公开",
                                           "依申请公开", "信息公开", "的", "相关", "提出", "有"});
        z.kind = ZeroKind::applications;
      } else if (tp == Topic::fee_notices && tg.role() == Role::topic) {
        bool verb = false;
        for (const char* v : {"发出", "开具", "发放", "送达", "出具"})
          verb = verb || contains(gap, v);
        ok = verb && only_fillers(gap, {"发出", "开具", "发放", "送达", "出具", "向申请人", "任何",
                                        "的", "过", "有"});
        z.kind = ZeroKind::fee_notice;
      } else if (tg.role() == Role::fee_any || tp == Topic::fee_amount) {
        const bool collect = contains(gap, "收取") || contains(gap, "收");
        if (collect) {
          ok = only_fillers(gap, {"向申请人", "收取", "任何", "政府信息公开", "信息公开", "相关",
                                  "的", "均", "过", "有"});
          z.kind = ZeroKind::fee_collection;
        } else if (t.compare(tg.b, 6, "收费") == 0 && t.compare(tg.b, 12, "收费通知") != 0) {
          ok = only_fillers(gap, {"发生", "出现", "政府信息公开", "信息公开", "依申请公开", "相关",
                                  "任何", "的", "有"});
          z.kind = ZeroKind::fee_notice;
        }
      }
      if (!ok) continue;
      z.phrase = cx.quote(ng.b, tg.e, false);
      cx.out.zeros.push_back(z);
      break;
    }
  }
}

void outcome_claims(Ctx& cx) {
  const std::string& t = cx.n.text;
  const auto& hits = cx.hits;
  std::size_t last_sentence = 0, scan = 0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const Hit& w = hits[i];
    if (w.role() != Role::upheld_all && w.role() != Role::adverse) continue;
    while (scan < w.b) {
      if (is_sentence_end(t, scan) || t[scan] == ';') last_sentence = scan + 1;
      ++scan;
    }
    OutcomeClaim oc;
    oc.offset = cx.orig(w.b);
    std::size_t from = w.b;
    if (w.role() == Role::adverse) {
      // Negated within 90 bytes before, in the same clause: 未被…纠错, 无败诉, 零纠错.
      bool neg = false;
      std::size_t lo = std::max(last_sentence, w.b >= 90 ? w.b - 90 : 0);
      for (std::size_t k = w.b; k-- > lo;) {
        if (t[k] == ',') break;
        // 未 / 无 / 没 start with E6, 零 with E9.
        const unsigned char lead = static_cast<unsigned char>(t[k]);
        if (lead != 0xE6 && lead != 0xE9) continue;
        if (t.compare(k, 3, "未") == 0 && t.compare(k + 3, 3, "经") != 0 &&
            !(k >= 3 && t.compare(k - 3, 3, "尚") == 0)) {
          neg = true;
          from = k;
          break;
        }
        if (t.compare(k, 3, "无") == 0 || t.compare(k, 6, "没有") == 0 ||
            t.compare(k, 3, "零") == 0) {
          neg = true;
          from = k;
          break;
        }
      }
      if (!neg) continue;
      // "纠正" as in 及时纠正 / 整改纠正 is not an outcome; require a group word nearby
      // or the words 纠错 / 败诉.
      oc.kind = OutcomeKind::no_correction;
    } else {
      oc.kind = OutcomeKind::all_upheld;
    }
    // The groups: every group word from the sentence start up to the outcome word.
    bool any = false;
    for (std::size_t h = lower_hit(hits, last_sentence); h < i; ++h) {
      if (hits[h].role() != Role::topic || !is_group(hits[h].topic())) continue;
      if (w.b - hits[h].b > 300) continue;
      any = true;
      switch (hits[h].topic()) {
        case Topic::rv:
          oc.review = true;
          break;
        case Topic::lit:
          oc.direct = oc.after_review = true;
          break;
        case Topic::ld:
          oc.direct = true;
          break;
        case Topic::lr:
          oc.after_review = true;
          break;
        default:
          oc.review = oc.direct = oc.after_review = true;
      }
    }
    const bool lost_suit = t.compare(w.b, 6, "败诉") == 0;
    if (lost_suit) {
      oc.review = false;
      oc.direct = oc.after_review = true;
    } else if (!any) {
      continue;  // 纠正 / 维持 with no review or lawsuit in sight
    }
    oc.phrase = cx.quote(from, w.e, false);
    cx.out.outcomes.push_back(oc);
  }
}

void year_leads(Ctx& cx) {
  const std::string& t = cx.n.text;
  int last_section = -1;
  for (std::size_t i = 0; i + 7 <= t.size(); ++i) {
    if (!is_digit(t[i])) continue;
    if (i > 0 && is_digit(t[i - 1])) continue;
    std::size_t k;
    const int y = parse_int(t, i, 4, &k);
    if (k - i != 4 || y < 1990 || y > 2100 || t.compare(k, 3, "年") != 0) {
      i = k > i ? k - 1 : i;
      continue;
    }
    // At a sentence start.
    bool start = i == 0 || t[i - 1] == '\n' || t[i - 1] == ';' || t[i - 1] == ')' ||
                 (i >= 3 && t.compare(i - 3, 3, "。") == 0);
    for (const char* p : {"情况", "方面"}) {
      const std::size_t l = std::strlen(p);
      start = start || (i >= l && t.compare(i - l, l, p) == 0);
    }
    std::size_t a = k + 3;
    if (t.compare(a, 3, "度") == 0) a += 3;
    const bool lead = t.compare(a, 1, ",") == 0 || t.compare(a, 3, "我") == 0 ||
                      t.compare(a, 3, "全") == 0 || t.compare(a, 3, "本") == 0;
    if (!start || !lead) continue;
    YearLead yl;
    yl.year = y;
    yl.offset = cx.orig(i);
    yl.section = cx.section(i);
    yl.first_in_section = yl.section != last_section;
    last_section = yl.section;
    std::size_t e = i;
    while (e < t.size() && !is_sentence_end(t, e)) ++e;
    const std::string_view sentence =
        std::string_view(t).substr(i, std::min(e - i, std::size_t{600}));
    for (const char* c : {"同比", "上年", "去年", "相比", "较上", "比上", "整改", "年度报告",
                          "以来", "至今", "之前", "期间"}) {
      yl.comparison = yl.comparison || contains(sentence, c);
    }
    yl.phrase = cx.quote(i, std::min(e, i + 60), false, 16);
    cx.out.year_leads.push_back(yl);
  }
}

void periods_and_dates(const Document& doc, Facts& out) {
  const Compact& f = doc.flat;
  std::size_t limit = f.text.size();
  if (const SectionInfo* s2 = doc.outline.section(2)) {
    limit = static_cast<std::size_t>(std::lower_bound(f.pos.begin(), f.pos.end() - 1,
                                                      static_cast<std::uint32_t>(s2->norm_begin)) -
                                     f.pos.begin());
  } else {
    limit = std::min(limit, std::size_t{12000});
  }
  const std::string_view s(f.text);
  for (std::size_t i = 0; i + 10 < limit; ++i) {
    if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) continue;
    int y, m, d;
    std::size_t e;
    if (!parse_date(s, i, &y, &m, &d, &e) || m != 1 || d != 1) continue;
    std::size_t k = e;
    for (const char* w : {"起至", "起到", "至", "到", "-", "—", "~"}) {
      if (s.compare(k, std::strlen(w), w) == 0) {
        k += std::strlen(w);
        break;
      }
    }
    if (k == e) continue;
    int y2 = y, m2 = 0, d2 = 0;
    std::size_t e2;
    if (!parse_date(s, k, &y2, &m2, &d2, &e2)) {
      // "至12月31日"
      std::size_t q;
      m2 = parse_int(s, k, 2, &q);
      if (m2 != 12 || s.compare(q, 3, "月") != 0) continue;
      d2 = parse_int(s, q + 3, 2, &q);
      if (d2 != 31 || s.compare(q, 3, "日") != 0) continue;
      y2 = y;
      e2 = q + 3;
    }
    if (m2 != 12 || d2 != 31) continue;
    Period p;
    p.start_year = y;
    p.end_year = y2;
    p.offset = doc.orig(f.pos[i]);
    p.phrase = std::string(s.substr(i, e2 - i));
    out.periods.push_back(p);
    i = e2;
  }
  // Dates standing on a line of their own, and 发布时间 / 成文日期 fields.
  const std::string& t = doc.norm.text;
  std::size_t pos = 0;
  while (pos < t.size()) {
    std::size_t eol = t.find('\n', pos);
    if (eol == std::string::npos) eol = t.size();
    const std::string_view raw_line = std::string_view(t).substr(pos, eol - pos);
    if (raw_line.find_first_of("0123456789") == std::string_view::npos) {
      pos = eol + 1;
      continue;
    }
    std::string c = squeeze(raw_line);
    std::size_t start = 0;
    bool field = false;
    for (const char* key : {"发布时间", "发布日期", "成文日期", "印发日期", "公开日期"}) {
      if (starts_with(c, key)) {
        start = std::strlen(key);
        if (c.compare(start, 1, ":") == 0) ++start;
        field = true;
        break;
      }
    }
    if (!field && starts_with(c, "(")) start = 1;
    int y, m, d;
    std::size_t e;
    if (c.size() >= 8 && parse_date(c, start, &y, &m, &d, &e)) {
      std::string_view tail = std::string_view(c).substr(e);
      if (starts_with(tail, ")")) tail.remove_prefix(1);
      const bool alone = tail.empty();
      if (alone || field) {
        DocDate dd;
        dd.year = y;
        dd.month = m;
        dd.day = d;
        // Original offset of the date's first digit.
        std::size_t k = pos;
        while (k < eol && !is_digit(t[k])) ++k;
        dd.offset = doc.orig(k);
        dd.phrase = c.substr(start, e - start);
        out.dates.push_back(dd);
      }
    }
    pos = eol + 1;
  }
}

}  // namespace

bool parse_chinese_number(std::string_view s, double* value) {
  if (s.empty()) return false;
  double total = 0, section = 0, digit = -1;
  bool any = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t cp = next_cp(s, i);
    int d = -1;
    switch (cp) {
      case U'零':
      case U'〇':
        d = 0;
        break;
      case U'一':
        d = 1;
        break;
      case U'二':
      case U'两':
        d = 2;
        break;
      case U'三':
        d = 3;
        break;
      case U'四':
        d = 4;
        break;
      case U'五':
        d = 5;
        break;
      case U'六':
        d = 6;
        break;
      case U'七':
        d = 7;
        break;
      case U'八':
        d = 8;
        break;
      case U'九':
        d = 9;
        break;
      default:
        break;
    }
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

Facts extract_facts(const Document& doc) {
  Facts out;
  const Narrative n = build_narrative(doc);
  const std::vector<Hit> hits = find_hits(n.text);
  Ctx cx{doc, n, hits, out};
  numeric_facts(cx, find_quantities(n.text, hits));
  zero_claims(cx);
  outcome_claims(cx);
  year_leads(cx);
  periods_and_dates(doc, out);
  return out;
}

}  // namespace nianbao::detail
