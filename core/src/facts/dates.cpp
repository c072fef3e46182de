// Years and dates. Year leads: "2024年，…" / "2024年我局…" opening a sentence of the narrative
// (the year the sentence presents as its own), and whether the sentence compares with
// another year. The statistics period "YYYY年1月1日至(YYYY年)12月31日" before section 二. The
// report's own date: a line holding only a date, or a 发布时间 / 成文日期 ... field.
#include <algorithm>
#include <cstring>

#include "facts_internal.hpp"

namespace nianbao::detail::facts_internal {

namespace {

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

// The year "YYYY年" at t[i] opens a sentence and leads it ("2024年，", "2024年度我局", "全", "本").
bool leads_sentence(const std::string& t, std::size_t i, std::size_t year_end) {
  bool start = i == 0 || t[i - 1] == '\n' || t[i - 1] == ';' || t[i - 1] == ')' ||
               (i >= 3 && t.compare(i - 3, 3, "。") == 0);
  for (const char* p : {"情况", "方面"}) {
    const std::size_t l = std::strlen(p);
    start = start || (i >= l && t.compare(i - l, l, p) == 0);
  }
  std::size_t a = year_end + 3;
  if (t.compare(a, 3, "度") == 0) a += 3;
  const bool lead = t.compare(a, 1, ",") == 0 || t.compare(a, 3, "我") == 0 ||
                    t.compare(a, 3, "全") == 0 || t.compare(a, 3, "本") == 0;
  return start && lead;
}

// The end of a period starting with the date ending at s[k0]: "至YYYY年12月31日" (or -, 到 ...)
// or "至12月31日" (the start year). Sets *year and returns the end, or kNo.
std::size_t period_end(std::string_view s, std::size_t k0, int start_year, int* year) {
  std::size_t k = k0;
  for (const char* w : {"起至", "起到", "至", "到", "-", "—", "~"}) {
    if (s.compare(k, std::strlen(w), w) == 0) {
      k += std::strlen(w);
      break;
    }
  }
  if (k == k0) return kNo;
  int y2 = start_year, m2 = 0, d2 = 0;
  std::size_t e2;
  if (!parse_date(s, k, &y2, &m2, &d2, &e2)) {
    // "至12月31日"
    std::size_t q;
    m2 = parse_int(s, k, 2, &q);
    if (m2 != 12 || s.compare(q, 3, "月") != 0) return kNo;
    d2 = parse_int(s, q + 3, 2, &q);
    if (d2 != 31 || s.compare(q, 3, "日") != 0) return kNo;
    y2 = start_year;
    e2 = q + 3;
  }
  if (m2 != 12 || d2 != 31) return kNo;
  *year = y2;
  return e2;
}

}  // namespace

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
    if (!leads_sentence(t, i, k)) continue;
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

// "统计期限…YYYY年1月1日至(YYYY年)12月31日", read in the whitespace-free text before section 二
// (or its first 12,000 bytes when there is no section 二).
void periods(const Document& doc, Facts& out) {
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
    if (doc.outline.in_furniture(f.pos[i])) continue;
    int y, m, d;
    std::size_t e;
    if (!parse_date(s, i, &y, &m, &d, &e) || m != 1 || d != 1) continue;
    int y2 = y;
    const std::size_t e2 = period_end(s, e, y, &y2);
    if (e2 == kNo) continue;
    Period p;
    p.start_year = y;
    p.end_year = y2;
    p.offset = doc.orig(f.pos[i]);
    p.phrase = std::string(s.substr(i, e2 - i));
    out.periods.push_back(p);
    i = e2;
  }
}

namespace {

// A line without whitespace, with the normalised offset of every byte.
struct Squeezed {
  std::string c;
  std::vector<std::size_t> at;
};

// Into `s`, whose buffers are reused from line to line (doc_dates reads every line).
void squeeze_line(const std::string& t, std::size_t b, std::size_t e, Squeezed& s) {
  s.c.resize(e - b);
  s.at.resize(e - b);
  std::size_t out = 0;
  for (std::size_t k = b; k < e; ++k) {
    if (is_space_byte(t[k])) continue;
    s.c[out] = t[k];
    s.at[out++] = k;
  }
  s.c.resize(out);
  s.at.resize(out);
}

constexpr const char* kDateFields[] = {"发布时间", "发布日期", "公开日期", "成文日期", "印发日期"};

// A field name followed (after an optional ':') by a date: at the line's start, or anywhere
// in it. Sets *start to where the date begins and *key to the field's name.
bool field_at(const std::string& c, bool anywhere, std::size_t* start, const char** key) {
  std::size_t best = kNo;
  for (const char* k : kDateFields) {
    const std::size_t at = anywhere ? find_text(c, k) : (starts_with(c, k) ? 0 : kNo);
    if (at == kNo || at >= best) continue;
    std::size_t d = at + std::strlen(k);
    if (c.compare(d, 1, ":") == 0) ++d;
    if (d < c.size() && is_digit(c[d])) {
      best = at;
      *start = d;
      *key = k;
    }
  }
  return best != kNo;
}

DocDate make_date(int y, int m, int d, std::size_t offset, std::string phrase, DateSource src,
                  std::string field) {
  DocDate dd;
  dd.year = y;
  dd.month = m;
  dd.day = d;
  dd.offset = offset;
  dd.phrase = std::move(phrase);
  dd.source = src;
  dd.field = std::move(field);
  return dd;
}

// The page's <meta name="PubDate">.
void meta_date(const Document& doc, Facts& out) {
  const PageField& f = doc.outline.page.pub_date;
  if (!f.present()) return;
  const std::string c = squeeze(f.text);
  int y, m, d;
  std::size_t e;
  if (parse_date(c, 0, &y, &m, &d, &e)) {
    out.dates.push_back(make_date(y, m, d, f.at, c.substr(0, e), DateSource::page_meta, "PubDate"));
  }
}

}  // namespace

// The page's PubDate; 发布时间 / 公开日期 … fields (in the page's furniture: the page's date; in
// the report: its own); dates standing on a line of their own in the report (never in the
// furniture: a portal's date bar shows today's date).
void doc_dates(const Document& doc, Facts& out) {
  meta_date(doc, out);
  const std::string& t = doc.norm.text;
  Squeezed s;
  std::size_t pos = 0;
  while (pos < t.size()) {
    std::size_t eol = t.find('\n', pos);
    if (eol == std::string::npos) eol = t.size();
    const std::string_view raw_line = std::string_view(t).substr(pos, eol - pos);
    if (std::none_of(raw_line.begin(), raw_line.end(), is_digit)) {
      pos = eol + 1;
      continue;
    }
    const bool furniture = doc.outline.in_furniture(pos);
    // Most lines with digits are table rows: squeezed only when they may hold a date field
    // (every field name ends in 日期 or 时间, and spaces never split a character) or open with
    // a date.
    const std::size_t first = raw_line.find_first_not_of(" \t");
    const bool may_lead =
        first != std::string_view::npos && (is_digit(raw_line[first]) || raw_line[first] == '(');
    const bool may_field = contains(raw_line, "期") || contains(raw_line, "间");
    if (!may_field && (furniture || !may_lead)) {
      pos = eol + 1;
      continue;
    }
    squeeze_line(t, pos, eol, s);
    const std::string& c = s.c;
    std::size_t start = 0;
    const char* key = nullptr;
    const bool field = field_at(c, furniture || !contains(c, "。"), &start, &key);
    if (!field && starts_with(c, "(")) start = 1;
    int y, m, d;
    std::size_t e;
    if ((field || !furniture) && c.size() >= 8 && parse_date(c, start, &y, &m, &d, &e)) {
      std::string_view tail = std::string_view(c).substr(e);
      if (starts_with(tail, ")")) tail.remove_prefix(1);
      if (tail.empty() || field) {
        const DateSource src = field && furniture ? DateSource::page_field : DateSource::text;
        out.dates.push_back(make_date(y, m, d, doc.orig(s.at[start]), c.substr(start, e - start),
                                      src, field ? key : ""));
      }
    }
    pos = eol + 1;
  }
}

}  // namespace nianbao::detail::facts_internal
