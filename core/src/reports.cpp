// More than one report in one paste (reports.hpp).
//
// A report starts at a title line: short, no sentence punctuation, naming 信息公开 and a year,
// ending in 年度报告 / 年报 (the agency may stand on the line above). The text is cut at every
// such line into pieces; a piece starts a new report only when it brings its own content and
// starts over: its first section is one the report so far already reached (一 after 六), or,
// without sections, it has a table the report so far has too and a different title. So a
// title repeated as a page header, a link to last year's report, or a title quoted above its
// own report do not split anything.
#include "reports.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

namespace nianbao::detail {

namespace {

// A line of `text` without whitespace and markdown marks, normalised (full-width folded).
std::string compact_line(std::string_view line) {
  const Normalised n = normalise(line);
  std::string out;
  for (char c : n.text) {
    if (!is_space_byte(c) && c != '*' && c != '#') out.push_back(c);
  }
  for (const char* prefix : {"标题:"}) {
    if (out.rfind(prefix, 0) == 0) out.erase(0, std::strlen(prefix));
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool has_punctuation(std::string_view c) {
  for (const char* p : {",", ";", ":", "。", "!", "?"}) {
    if (contains_text(c, p)) return true;
  }
  return false;
}

bool has_year(std::string_view c) {
  for (std::size_t k = 0; k + 7 <= c.size(); ++k) {
    if ((c.compare(k, 2, "19") == 0 || c.compare(k, 2, "20") == 0) &&
        std::isdigit(static_cast<unsigned char>(c[k + 2])) &&
        std::isdigit(static_cast<unsigned char>(c[k + 3])) && c.compare(k + 4, 3, "年") == 0) {
      return true;
    }
  }
  return false;
}

// A report's title line, compacted.
bool is_title(std::string_view c) {
  const std::size_t n = cp_count(c);
  return n >= 8 && n <= 60 && c.rfind("《", 0) != 0 && contains_text(c, "信息公开") &&
         (ends_with(c, "年度报告") || ends_with(c, "年报")) && has_year(c) && !has_punctuation(c);
}

// Title lines are short: a line longer than this is no title (and a text of one long line is
// never scanned back and forth for its line breaks).
constexpr std::size_t kMaxTitleLineBytes = 512;

struct Line {
  std::size_t begin = 0, end = 0;
  bool ok = false;  // short enough to be a title or an agency's name
};

Line line_at(std::string_view text, std::size_t at) {
  const std::size_t from = at > kMaxTitleLineBytes ? at - kMaxTitleLineBytes : 0;
  const std::string_view before = text.substr(from, at - from);
  const std::size_t nl = before.rfind('\n');
  if (nl == std::string_view::npos && from > 0) return {};
  const std::size_t begin = nl == std::string_view::npos ? 0 : from + nl + 1;
  const std::size_t nl_after = text.substr(at, kMaxTitleLineBytes + 1).find('\n');
  const std::size_t end = nl_after == std::string_view::npos ? text.size() : at + nl_after;
  if (end - begin > kMaxTitleLineBytes) return {};
  return {begin, end, true};
}

// A title line's start: the line itself, or the agency's line above when the title opens with
// its year ("湘乡市自然资源局" / "2025年政府信息公开工作年度报告").
std::size_t title_start(std::string_view text, const Line& line, const std::string& title) {
  if (title.empty() || !std::isdigit(static_cast<unsigned char>(title[0])) || line.begin == 0) {
    return line.begin;
  }
  Line above = line_at(text, line.begin - 1);
  for (int blank = 0; above.ok && above.begin > 0 && blank < 3; ++blank) {
    if (!compact_line(text.substr(above.begin, above.end - above.begin)).empty()) break;
    above = line_at(text, above.begin - 1);
  }
  if (!above.ok) return line.begin;
  const std::string agency = compact_line(text.substr(above.begin, above.end - above.begin));
  if (agency.empty() || cp_count(agency) > 30 || has_punctuation(agency)) return line.begin;
  return above.begin;
}

// A title line: where its report would start, and the title.
struct Title {
  std::size_t begin = 0;
  std::string text;
};

std::vector<Title> title_lines(std::string_view text) {
  std::vector<Title> out;
  for (const char* key : {"年度报告", "年报"}) {
    std::size_t line_end = 0;  // the line just looked at
    for (std::size_t at = find_text(text, key); at != std::string_view::npos;
         at = find_text(text, key, std::max(at + 1, line_end))) {
      const Line line = line_at(text, at);
      line_end = line.ok ? line.end : 0;
      if (!line.ok) continue;
      const std::string c = compact_line(text.substr(line.begin, line.end - line.begin));
      if (!is_title(c)) continue;
      // The title with its agency's line, if above: "某某局" / "2024年…" = "某某局2024年…".
      const std::size_t begin = title_start(text, line, c);
      out.push_back({begin, compact_line(text.substr(begin, line.end - begin))});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Title& a, const Title& b) { return a.begin < b.begin; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Title& a, const Title& b) { return a.begin == b.begin; }),
            out.end());
  return out;
}

// What a piece of the text holds: its sections (the first in input order, the highest) and
// its tables (bit n for table n, by their header words).
struct PieceContent {
  int first_section = 0, last_section = 0;
  unsigned tables = 0;
  std::string title;
  bool any() const { return first_section > 0 || tables != 0; }
};

PieceContent content_of(std::string_view piece, std::string title) {
  Document doc(piece);
  read_outline(doc);
  PieceContent c;
  c.title = std::move(title);
  for (const SectionInfo& s : doc.outline.sections) {
    if (c.first_section == 0) c.first_section = s.number;
    c.last_section = std::max(c.last_section, s.number);
  }
  const std::string& f = doc.flat.text;
  if (contains_text(f, "本年制发件数") || contains_text(f, "第二十条第(一)项")) c.tables |= 1u << 2;
  if (contains_text(f, "申请人情况") || contains_text(f, "结转下年度继续办理")) c.tables |= 1u << 3;
  if (contains_text(f, "结果维持") && contains_text(f, "尚未审结")) c.tables |= 1u << 4;
  return c;
}

// Whether `next` starts a report of its own after the report read so far. Under the same title
// (a page header, or the same report pasted twice) only a new section 一 starts over: a page
// may hold a numbered sub-heading that reads like a section's.
bool starts_over(const PieceContent& report, const PieceContent& next) {
  if (!report.any() || !next.any()) return false;
  const bool same_title = next.title == report.title;
  if (report.last_section > 0 && next.first_section > 0) {
    return same_title ? next.first_section == 1 : next.first_section <= report.last_section;
  }
  return !same_title && (report.tables & next.tables) != 0;
}

void merge(PieceContent& report, const PieceContent& next) {
  if (report.first_section == 0) report.first_section = next.first_section;
  report.last_section = std::max(report.last_section, next.last_section);
  report.tables |= next.tables;
  if (report.title.empty()) report.title = next.title;
}

// Words without which the text before the first title holds no report of its own (a site's
// navigation, a blank line): it is not read then.
bool may_hold_report(std::string_view lead) {
  for (const char* w : {"总体情况", "主动公开", "申请人情况", "本年新收", "结果维持", "第二十条"}) {
    if (contains_text(lead, w)) return true;
  }
  return false;
}

}  // namespace

std::vector<ReportSpan> find_reports(std::string_view text, std::size_t* found) {
  *found = 1;
  std::vector<ReportSpan> spans = {{0, text.size()}};
  const std::vector<Title> titles = title_lines(text);
  const std::string_view lead = text.substr(0, titles.empty() ? 0 : titles[0].begin);
  const bool lead_content = may_hold_report(lead);
  // One title, nothing before it: one report.
  if (titles.empty() || (titles.size() == 1 && !lead_content)) return spans;
  PieceContent report = lead_content ? content_of(lead, "") : PieceContent();
  for (std::size_t k = 0; k < titles.size(); ++k) {
    const std::size_t end = k + 1 < titles.size() ? titles[k + 1].begin : text.size();
    const PieceContent next =
        content_of(text.substr(titles[k].begin, end - titles[k].begin), titles[k].text);
    if (!starts_over(report, next)) {
      merge(report, next);
      continue;
    }
    ++*found;
    spans.back().end = titles[k].begin;
    if (spans.size() == kMaxReports) break;  // *found is one more than the spans: "more"
    spans.push_back({titles[k].begin, text.size()});
    report = next;
  }
  return spans;
}

std::vector<std::pair<std::size_t, std::size_t>> consecutive_years(
    const std::vector<ReportMark>& marks) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t a = 0; a < marks.size(); ++a) {
    for (std::size_t b = 0; b < marks.size(); ++b) {
      if (marks[a].agency && marks[a].year && marks[b].year && marks[a].agency == marks[b].agency &&
          *marks[b].year == *marks[a].year + 1) {
        pairs.emplace_back(a, b);
      }
    }
  }
  return pairs;
}

namespace {

// A report of the paste read as a document of its own, positions into the whole input.
std::unique_ptr<Document> read_report(std::string_view input, std::string_view text,
                                      const std::vector<std::uint32_t>* origin, ReportSpan span) {
  std::vector<std::uint32_t> map(span.end - span.begin + 1);
  for (std::size_t i = 0; i < map.size(); ++i) {
    const std::size_t at = span.begin + i;
    map[i] = origin ? (*origin)[at] : static_cast<std::uint32_t>(at);
  }
  auto doc = std::make_unique<Document>(input, text.substr(span.begin, span.end - span.begin), map);
  read_outline(*doc);
  read_tables(*doc);
  return doc;
}

}  // namespace

bool check_reports(std::string_view input, std::string_view text,
                   const std::vector<std::uint32_t>* origin, const Options& options, Result& r) {
  std::size_t found = 0;
  const std::vector<ReportSpan> spans = find_reports(text, &found);
  if (spans.size() < 2) return false;
  std::vector<std::unique_ptr<Document>> docs;
  std::vector<ReportMark> marks;
  for (const ReportSpan& span : spans) {
    docs.push_back(read_report(input, text, origin, span));
    const Outline& o = docs.back()->outline;
    const std::size_t start = docs.back()->orig(0);
    marks.push_back({o.title_found ? o.title_offset : start, o.agency, o.year});
  }
  // Cross-year checks (issue 13) apply to each pair of consecutive_years(marks): run them on
  // the two reports' documents (docs[a], docs[b]) here and add their findings to the later one.
  for (std::size_t k = 0; k < docs.size(); ++k) {
    Document& doc = *docs[k];
    Scope scope = decide_scope(doc, options.scope);
    scope.reports = marks;
    scope.index = k;
    scope.found = found;
    Result sub;
    check_report(doc, scope, options, sub);
    sub.first_line = doc.source.line_of(doc.orig(0));
    sub.last_line =
        doc.source.line_of(doc.orig(doc.norm.text.empty() ? 0 : doc.norm.text.size() - 1));
    r.reports.push_back(std::move(sub));
  }
  const Result& first = r.reports.front();
  r.agency = first.agency;
  r.year = first.year;
  r.format = first.format;
  r.scope = first.scope;
  r.parts = first.parts;
  r.sections = first.sections;
  r.cells = first.cells;
  r.findings = first.findings;
  r.summary = first.summary;
  for (const Result& sub : r.reports) r.exit_code = std::max(r.exit_code, sub.exit_code);
  return true;
}

}  // namespace nianbao::detail
