// The narrative: the prose of a report (sections 一, 五, 六 and the prose lines of 二–四) as
// one whitespace-free text, with the normalised offset of every byte. Table rows, page numbers,
// lines of bare numbers, the section headings and page furniture (Outline::furniture) are left
// out; each leaves a hard break
// ('\n') so that no sentence runs across them. Also: quoting a piece of the narrative from the
// input as supplied, and the section a position lies in.
#include <algorithm>
#include <cstring>

#include "facts_internal.hpp"

namespace nianbao::detail::facts_internal {

std::string squeeze(std::string_view s) {
  std::string out(s.size(), '\0');
  std::size_t n = 0;
  for (char c : s) {
    if (!is_space_byte(c)) out[n++] = c;
  }
  out.resize(n);
  return out;
}

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

void Narrative::brk(std::size_t at) {
  if (!text.empty() && text.back() != '\n') {
    text.push_back('\n');
    norm.push_back(static_cast<std::uint32_t>(at));
  }
}

// Sized up front, then trimmed.
void Narrative::append_compact(std::string_view t, std::size_t a, std::size_t b) {
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

namespace {

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

// Where tables 2, 3 and 4 stand, in original offsets, from their located cells.
struct TableSpans {
  std::size_t lo[3] = {kNo, kNo, kNo}, hi[3] = {0, 0, 0};

  explicit TableSpans(const Tables& tables) {
    for (const auto& [id, c] : tables.cells) {
      if (!c.located() || id.size() < 3) continue;
      const int k = id[1] - '2';
      if (k < 0 || k > 2) continue;
      lo[k] = std::min(lo[k], c.offset);
      hi[k] = std::max(hi[k], c.offset);
    }
  }
  // A line starting at original offset o, `len` bytes long, overlaps a table.
  bool overlaps(std::size_t o, std::size_t len) const {
    bool in_table = false;
    for (int k = 0; k < 3; ++k) {
      in_table = in_table || (lo[k] != kNo && o + len >= lo[k] && o <= hi[k]);
    }
    return in_table;
  }
};

// Appends the prose of the line [pos, eol) of the normalised text, cutting out the section
// headings inside it (web pages flattened to one line); `si` is the first section whose
// heading does not start before pos.
void append_prose(Narrative& n, const Document& doc, std::size_t si, std::size_t pos,
                  std::size_t eol) {
  const std::string& t = doc.norm.text;
  const auto& secs = doc.outline.sections;
  std::size_t sj = si;
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
}

}  // namespace

Narrative build_narrative(const Document& doc) {
  Narrative n;
  const std::string& t = doc.norm.text;
  const auto& secs = doc.outline.sections;
  n.text.reserve(t.size());
  n.norm.reserve(t.size() + 1);
  const TableSpans tables(doc.tables);
  std::size_t si = 0;  // next section heading
  std::size_t pos = 0;
  while (pos < t.size()) {
    std::size_t eol = t.find('\n', pos);
    if (eol == std::string::npos) eol = t.size();
    const std::string_view line(t.data() + pos, eol - pos);
    const std::string_view tl = trim(line);
    const std::size_t next = eol + 1;
    while (si < secs.size() && secs[si].norm_begin < pos) ++si;
    const bool heading = si < secs.size() && secs[si].norm_begin < eol;
    if (tl.empty()) {
      pos = next;
      continue;
    }
    // The web page around the report (navigation, date and share bars, related links, footer).
    if (doc.outline.in_furniture(pos)) {
      n.brk(pos);
      pos = next;
      continue;
    }
    // Page numbers and lines of bare numbers are short; longer ones are table rows or prose.
    const bool numeric = tl.size() <= 64 && page_or_numeric_line(squeeze(tl));
    const bool in_table = tables.overlaps(doc.orig(pos), line.size());
    const bool prose = contains(tl, "。");
    // A heading filling its line is dropped; one inside a long line is cut out of it.
    const bool whole_heading = heading && secs[si].norm_body >= eol;
    if (whole_heading || line.find('\t') != std::string_view::npos || starts_with(tl, "|") ||
        numeric || (in_table && !prose) || table_like_line(tl)) {
      if (!numeric || heading) n.brk(pos);
      pos = next;
      continue;
    }
    append_prose(n, doc, si, pos, eol);
    if (subheading_line(tl)) n.brk(eol);
    pos = next;
  }
  n.norm.push_back(static_cast<std::uint32_t>(t.size()));
  return n;
}

int section_at(const Document& doc, std::size_t norm_off) {
  for (const auto* list : {&doc.outline.sections, &doc.outline.lost}) {
    for (const auto& s : *list) {
      if (norm_off >= s.norm_begin && norm_off < s.norm_end) return s.number;
    }
  }
  return 0;
}

std::string quote_text(const Document& doc, const Narrative& n, std::size_t b, std::size_t e,
                       bool keep_end, std::size_t max_cp) {
  const std::string& t = n.text;
  const std::string_view src = doc.source.text();
  std::vector<std::string> cps;
  std::size_t last = kNo;
  for (std::size_t k = b; k < e && k < t.size(); ++k) {
    if (t[k] == '\n' || (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) continue;
    std::size_t o = doc.orig(n.norm[k]);
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

}  // namespace nianbao::detail::facts_internal
