// The title: <机关全称><YYYY>年政府信息公开工作年度报告 (format.md §2), its agency and year.
//
// A title line ends with 年度报告 / 年报 (a site name or 全文 may follow after a separator), holds
// no 。 and is short; a title set on two or three lines ("湘乡市自然资源局" / "2025年政府信息公开
// 工作年度报告", or "2024年上海市科委政府信息公开工作" / "年度报告") is joined with the lines above
// it. On a portal page several such lines may stand before the report: the crawler's or the
// page's metadata (标题：…, 名称 …), a list of the agency's reports of other years, and the
// article's own title right above the report. The article's title is the last one before the
// first section heading; lines of page furniture (a breadcrumb, a footer) are never one, and
// neither are the entries of a list of links (title lines in a row naming different years, or
// under a 相关链接 header), except the last of such a run when the report starts right after it.
// When the page's <meta name="ArticleTitle"> names a year, a title line of that year is
// preferred. Without a title line in the text, the page's ArticleTitle is read, then its
// <title> without the site name.
#include <cctype>
#include <cstring>
#include <optional>

#include "outline_internal.hpp"

namespace nianbao::detail::outline_internal {

namespace {

bool contains(std::string_view hay, std::string_view needle) { return contains_text(hay, needle); }

// The title's lines joined without whitespace.
struct TitleText {
  std::string joined;
  std::vector<std::size_t> line_starts;  // where each title line begins in `joined`
  std::size_t first_line = 0;            // normalised offset of the first line
};

// Where the title's year (four digits, 19xx/20xx, then 年) stands before `rep`, or npos.
std::size_t title_year_at(const std::string& joined, std::size_t rep) {
  for (std::size_t k = 0; k + 4 < joined.size() && k < rep; ++k) {
    if ((joined.compare(k, 2, "19") == 0 || joined.compare(k, 2, "20") == 0) &&
        std::isdigit(static_cast<unsigned char>(joined[k + 2])) &&
        std::isdigit(static_cast<unsigned char>(joined[k + 3])) &&
        joined.compare(k + 4, 3, "年") == 0 &&
        (k == 0 || !std::isdigit(static_cast<unsigned char>(joined[k - 1])))) {
      return k;
    }
  }
  return std::string::npos;
}

// Where 年度报告 (else 年报) ends the title in `c`, or npos.
std::size_t report_word(const std::string& c) {
  const std::size_t rep = c.rfind("年度报告");
  return rep != std::string::npos ? rep : c.rfind("年报");
}

// The agency named by the title whose year stands at ypos and 信息公开 at gov.
std::string title_agency(const TitleText& title, std::size_t ypos, std::size_t gov) {
  const std::string& joined = title.joined;
  const auto& line_starts = title.line_starts;
  // The agency stands before the year on the title's own line, or on the line above when
  // the year opens its line ("湘乡市自然资源局" / "2025年政府信息公开工作年度报告").
  std::size_t li = 0;
  while (li + 1 < line_starts.size() && line_starts[li + 1] <= ypos) ++li;
  std::size_t from = line_starts.empty() ? 0 : line_starts[li];
  if (from == ypos && li > 0 && ypos - line_starts[li - 1] <= 90) from = line_starts[li - 1];
  std::string agency = joined.substr(from, ypos - from);
  if (agency.size() >= 6 && agency.compare(agency.size() - 6, 6, "关于") == 0)
    agency.resize(agency.size() - 6);
  if (agency.empty()) {
    // "2023年某某局政府信息公开工作年度报告"
    std::size_t after = ypos + 4 + 3;
    if (joined.compare(after, 3, "度") == 0) after += 3;
    if (gov > after) {
      agency = joined.substr(after, gov - after);
      if (agency.size() >= 6 && agency.compare(agency.size() - 6, 6, "政府") == 0 &&
          joined.compare(gov - 6, 6, "政府") == 0) {
        // "…政府信息公开" : the 政府 belongs to the phrase, not the agency.
        agency.resize(agency.size() - 6);
      }
    }
  }
  return agency;
}

// What a title text names.
struct TitleRead {
  bool found = false;  // it names the annual report (信息公开 … 年度报告 / 年报)
  std::optional<int> year;
  std::optional<std::string> agency;
};

TitleRead read_title_text(const TitleText& title) {
  TitleRead r;
  const std::string& joined = title.joined;
  const std::size_t rep = report_word(joined);
  const std::size_t gov = joined.find("信息公开");
  if (rep == std::string::npos || gov == std::string::npos) return r;
  const std::size_t ypos = title_year_at(joined, rep);
  // Neither agency nor year: a menu entry (政府信息公开年报), not a report's title.
  if (ypos == std::string::npos && gov <= 6) return r;
  r.found = true;
  if (ypos == std::string::npos) return r;
  r.year = std::stoi(joined.substr(ypos, 4));
  std::string agency = title_agency(title, ypos, gov);
  if (!agency.empty()) r.agency = agency;
  return r;
}

// Sets the outline's title; false when the text names no report.
bool apply_title(Outline& o, const TitleRead& r, std::size_t offset, TitleSource source) {
  if (!r.found) return false;
  o.title_found = true;
  o.title_offset = offset;
  o.title_source = source;
  o.year = r.year;
  o.agency = r.agency;
  return true;
}

// A line's text as a title part: whitespace, Markdown marks and a field name (标题：, 名称)
// removed.
std::string title_body(std::string_view line) {
  std::string c = strip_spaces(line);
  std::size_t k = 0;
  while (k < c.size() && (c[k] == '#' || c[k] == '*')) ++k;
  c.erase(0, k);
  while (!c.empty() && c.back() == '*') c.pop_back();
  for (const char* key : {"标题:", "标题", "名称:", "名称", "题名:", "文章标题:", "信息名称:"}) {
    if (starts_with(c, key) && c.size() > std::strlen(key) + 6) {
      c.erase(0, std::strlen(key));
      break;
    }
  }
  return c;
}

// The line ends a title: 年度报告 / 年报 last, or followed only by a short tail after a
// separator ("-沭阳县发改局", "(全文)"); no sentence, no path or link.
bool ends_title(const std::string& c) {
  const std::size_t rep = report_word(c);
  if (rep == std::string::npos || cp_count(c) > 80) return false;
  if (contains(c, "。") || contains(c, "/") || contains(c, "_") || contains(c, "://")) return false;
  const std::size_t end = rep + (c.compare(rep, 12, "年度报告") == 0 ? 12 : 6);
  const std::string_view tail = std::string_view(c).substr(end);
  if (tail.empty()) return true;
  if (cp_count(tail) > 24) return false;
  for (const char* sep : {"-", "|", "—", "(", "【", "[", "·", "--"}) {
    if (starts_with(tail, sep)) return true;
  }
  return false;
}

bool has_year(const std::string& c) { return title_year_at(c, c.size()) != std::string::npos; }

// A line that may be part of a title set on several lines: short, no sentence, no furniture.
struct TLine {
  std::size_t begin = 0;  // normalised offset
  std::string body;       // title_body()
  bool usable = false;    // may take part in a title
  Mark mark = Mark::none;
  bool prose = false;  // a sentence of the report (holds 。)
};

constexpr const char* kAgencyEnds[] = {
    "局", "委", "委员会", "办", "办公室", "厅", "政府", "中心", "院",   "署", "馆", "会",
    "处", "所", "站",     "区", "县",     "市", "镇",   "乡",   "街道", "部", "队", "管委会"};

bool agency_like(const std::string& c) {
  for (const char* e : kAgencyEnds) {
    const std::size_t l = std::strlen(e);
    if (c.size() >= l && c.compare(c.size() - l, l, e) == 0) return true;
  }
  return false;
}

// A title ending at line i: the line, joined with up to two lines above it when the title is
// set on several lines. Returns false when the lines name no annual report.
bool title_block(const std::vector<TLine>& ls, std::size_t i, TitleText* out) {
  std::vector<std::size_t> parts{i};
  std::string joined = ls[i].body;
  for (int more = 0; more < 2 && parts.front() > 0; ++more) {
    const TLine& p = ls[parts.front() - 1];
    if (!p.usable || report_word(p.body) != std::string::npos) break;
    const std::size_t rep = report_word(joined);
    const std::size_t y = title_year_at(joined, rep);
    const bool need_gov = !contains(joined, "信息公开") && contains(p.body, "信息公开");
    const bool need_year = y == std::string::npos && has_year(p.body);
    // Nothing before the year, or no year and nothing before 政府信息公开: the agency may
    // stand on the line above.
    const bool bare = y == 0 || (y == std::string::npos && (starts_with(joined, "政府信息公开") ||
                                                            starts_with(joined, "信息公开")));
    const bool need_agency = bare && agency_like(p.body) && !contains(p.body, "信息公开") &&
                             !has_year(p.body) && cp_count(p.body) <= 30;
    if (!need_gov && !need_year && !need_agency) break;
    parts.insert(parts.begin(), parts.front() - 1);
    joined = p.body + joined;
  }
  if (!contains(joined, "信息公开")) return false;
  out->joined.clear();
  out->line_starts.clear();
  out->first_line = ls[parts.front()].begin;
  for (std::size_t k : parts) {
    out->line_starts.push_back(out->joined.size());
    out->joined += ls[k].body;
  }
  return true;
}

struct Candidate {
  std::size_t line = 0;  // index of the line ending it
  TitleText text;
  int year = 0;
};

// The year a title names, 0 for none.
int year_of(const TitleText& t) {
  const std::size_t y = title_year_at(t.joined, report_word(t.joined));
  return y == std::string::npos ? 0 : std::stoi(t.joined.substr(y, 4));
}

// Every title before `limit`, entries of lists of titles of different years left out.
// The lines before `limit`, empty ones and 正文 / 目录 left out.
std::vector<TLine> title_lines(const Document& doc, std::size_t limit) {
  const std::string& t = doc.norm.text;
  std::vector<TLine> ls;
  for (const Line& l : lines_of(t)) {
    if (l.begin >= limit) break;
    const std::string_view line =
        trim(std::string_view(t).substr(l.begin, std::min(l.end, limit) - l.begin));
    if (line.empty()) continue;
    TLine tl;
    tl.begin = static_cast<std::size_t>(line.data() - t.data());
    tl.body = title_body(line);
    if (tl.body == "正文" || tl.body == "目录" || tl.body == "全文") continue;
    tl.mark = furniture_mark(line);
    tl.prose = contains(tl.body, "。");
    tl.usable = !doc.outline.in_furniture(l.begin) && !tl.prose && cp_count(tl.body) <= 80;
    ls.push_back(std::move(tl));
  }
  return ls;
}

// The report starts after line j: the report's first heading (the end of the lines read), the
// article's date or share bar, or a sentence.
bool article_follows(const std::vector<TLine>& ls, std::size_t j) {
  if (j + 1 >= ls.size()) return true;
  const TLine& n = ls[j + 1];
  return n.mark == Mark::field || n.mark == Mark::share || n.prose;
}

// Lists of links: a run of title lines one right after another naming different years, or
// right after a 相关链接 / 历年年报 header. The last title of a run is the article's own when the
// report starts right after it (a list of other years in a sidebar above the title); a lone link
// under a header never is.
std::vector<bool> listed(const std::vector<TLine>& ls, const std::vector<Candidate>& cs) {
  std::vector<bool> out(cs.size(), false);
  std::size_t a = 0;
  while (a < cs.size()) {
    std::size_t b = a + 1;
    bool years = false;
    while (b < cs.size() && cs[b].line == cs[b - 1].line + 1) {
      years = years || cs[b].year != cs[a].year;
      ++b;
    }
    const bool header = cs[a].line > 0 && ls[cs[a].line - 1].mark == Mark::related;
    if (header || (b - a >= 2 && years)) {
      for (std::size_t k = a; k < b; ++k) out[k] = true;
      if (b - a >= 2 && article_follows(ls, cs[b - 1].line)) out[b - 1] = false;
    }
    a = b;
  }
  return out;
}

// Every title before `limit`, the entries of lists of links left out.
std::vector<Candidate> candidates(const Document& doc, std::size_t limit) {
  const std::vector<TLine> ls = title_lines(doc, limit);
  std::vector<Candidate> out;
  for (std::size_t i = 0; i < ls.size(); ++i) {
    if (!ls[i].usable || !ends_title(ls[i].body)) continue;
    Candidate c;
    c.line = i;
    if (!title_block(ls, i, &c.text) || !read_title_text(c.text).found) continue;
    c.year = year_of(c.text);
    out.push_back(std::move(c));
  }
  const std::vector<bool> list = listed(ls, out);
  std::vector<Candidate> kept;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (!list[k]) kept.push_back(std::move(out[k]));
  }
  return kept;
}

// A page field holding a title ("沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局"): the
// part between the separators around 年度报告 / 年报.
TitleText field_title(const PageField& f) {
  std::string c = strip_spaces(f.text);
  TitleText out;
  const std::size_t rep = report_word(c);
  if (rep == std::string::npos) return out;
  std::size_t end = rep + (c.compare(rep, 12, "年度报告") == 0 ? 12 : 6);
  std::size_t begin = 0;
  for (const char* sep : {"-", "_", "|", "—", "－"}) {
    const std::size_t at = c.rfind(sep, rep);
    if (at != std::string::npos && at + std::strlen(sep) > begin) begin = at + std::strlen(sep);
  }
  out.joined = c.substr(begin, end - begin);
  out.line_starts = {0};
  return out;
}

}  // namespace

// What the page's fields name: ArticleTitle, else <title> without the site name.
struct MetaTitle {
  TitleRead read;
  std::size_t offset = 0;
  TitleSource source = TitleSource::none;
};

MetaTitle meta_title(const PageMeta& page) {
  MetaTitle m;
  if (page.article_title.present()) {
    m = {read_title_text(field_title(page.article_title)), page.article_title.at,
         TitleSource::article_title};
  }
  if (!m.read.found && page.title.present()) {
    m = {read_title_text(field_title(page.title)), page.title.at, TitleSource::html_title};
  }
  return m;
}

std::size_t read_title(Document& doc, std::size_t limit) {
  Outline& o = doc.outline;
  const MetaTitle meta = meta_title(o.page);
  const int meta_year = meta.read.year.value_or(0);
  // The last title before the report (of the page's year, when it names one), one naming a
  // year before one that does not.
  const std::vector<Candidate> cands = candidates(doc, limit);
  const Candidate* best = nullptr;
  for (const auto& c : cands) {
    if (meta_year != 0 && c.year != 0 && c.year != meta_year) continue;
    if (!best || c.year != 0 || best->year == 0) best = &c;
  }
  // A title line naming no year ("政府信息公开年报" in a menu) gives way to a page field that
  // names one.
  if (best && best->year == 0 && meta_year != 0) best = nullptr;
  if (best) {
    const TitleRead r = read_title_text(best->text);
    apply_title(o, r, doc.orig(best->text.first_line), TitleSource::text);
    if (!o.agency && meta.read.year && o.year == meta.read.year) o.agency = meta.read.agency;
    return best->text.first_line;
  }
  apply_title(o, meta.read, meta.offset, meta.source);
  return std::string::npos;
}

}  // namespace nianbao::detail::outline_internal
