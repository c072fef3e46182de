// Reports as they are published: the corpus's plain report 000 (湘乡市自然资源局 2025, read in
// place from ../shared/corpus) wrapped at test time in portal pages of several layouts (title in
// a <div>; an <h1> with lists of the agency's reports of other years before and after it; a GBK
// page; the title only in <title> / ArticleTitle; a lost heading) and in the select-all (Ctrl+A)
// copies of such pages. Each must give the plain report's agency, year and cells, the same
// findings, nothing from the page's furniture (top bar, navigation, breadcrumb, date and share
// bars, related links, footer), and positions in the input as supplied.
#include <gtest/gtest.h>
#include <iconv.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nianbao/nianbao.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "text.hpp"

namespace {

namespace fs = std::filesystem;
using nianbao::Finding;
using nianbao::Result;

const fs::path kReport =
    fs::path(NIANBAO_CORPUS_DIR) / "000-xiangxiang-ziranziyuan-2025" / "report.txt";
const std::string kAgency = "湘乡市自然资源局";
const std::string kTitle = "湘乡市自然资源局2025年政府信息公开工作年度报告";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t eol = s.find('\n', pos);
    if (eol == std::string::npos) eol = s.size();
    std::string line = s.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
    pos = eol + 1;
  }
  return out;
}

// The report's body: its lines from 一、总体情况 on (the title is the page's to place).
std::vector<std::string> body_lines() {
  const auto lines = split_lines(read_file(kReport));
  auto it = std::find_if(lines.begin(), lines.end(),
                         [](const std::string& l) { return l.rfind("一、总体情况", 0) == 0; });
  return std::vector<std::string>(it, lines.end());
}

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The body as HTML: paragraphs, and runs of TAB-separated lines as tables (one <td> a cell).
std::string body_html(const std::vector<std::string>& lines) {
  std::string out = "<div class=\"article-content\">\n";
  bool in_table = false;
  for (const auto& l : lines) {
    const bool row = l.find('\t') != std::string::npos;
    if (row != in_table) out += row ? "<table border=\"1\">\n" : "</table>\n";
    in_table = row;
    if (row) {
      out += "<tr>";
      std::size_t pos = 0;
      while (true) {
        const std::size_t tab = l.find('\t', pos);
        out += "<td>" + escape(l.substr(pos, tab == std::string::npos ? tab : tab - pos)) + "</td>";
        if (tab == std::string::npos) break;
        pos = tab + 1;
      }
      out += "</tr>\n";
    } else if (!l.empty()) {
      out += "<p style=\"text-indent:2em\">" + escape(l) + "</p>\n";
    }
  }
  if (in_table) out += "</table>\n";
  return out + "</div>\n";
}

// What a portal page holds around the report.
struct Page {
  std::string head_title = kTitle + "-湘乡市人民政府";
  std::string article_title;  // <meta name="ArticleTitle">, empty for none
  std::string pub_meta;       // <meta name="PubDate">, empty for none
  std::string charset = "utf-8";
  std::string title_html = "<div class=\"article-title\">" + kTitle + "</div>";
  std::string info = "发布时间：2026-01-15 来源：湘乡市自然资源局 浏览次数：1234次 字号：大 中 小";
  std::string sidebar;  // before the article
  std::string copyright = "版权所有 © 2016-2026 湘乡市人民政府";
  std::vector<std::string> body = body_lines();
};

// Lists of the agency's reports of other years and news, each with its date on a line of its
// own: read as the report's text, a date would be "late", a headline a stale year.
const char* const kRelatedItems[] = {"湘乡市自然资源局2024年政府信息公开工作年度报告",
                                     "2025-01-20",
                                     "湘乡市自然资源局2023年政府信息公开工作年度报告",
                                     "2024-01-18",
                                     "2024年，我市政务公开工作再获佳绩",
                                     "2026-04-02"};
// A footer line with a figure: read as the report's text, an application count.
const char* const kSiteStats = "网站统计：今年已受理政府信息公开申请1250件 访问量：56789次";

std::string related_html() {
  std::string out = "<div class=\"related\"><h3>相关链接</h3><ul>\n";
  for (std::size_t k = 0; k < std::size(kRelatedItems); k += 2) {
    out += std::string("<li><a href=\"#\">") + kRelatedItems[k] + "</a><div class=\"date\">" +
           kRelatedItems[k + 1] + "</div></li>\n";
  }
  return out + "</ul></div>\n";
}

std::string page_html(const Page& p) {
  std::string h = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"" + p.charset + "\">\n";
  h += "<title>" + p.head_title + "</title>\n";
  h += "<meta name=\"SiteName\" content=\"湘乡市人民政府\">\n";
  if (!p.article_title.empty()) {
    h += "<meta name=\"ArticleTitle\" content=\"" + p.article_title + "\">\n";
  }
  if (!p.pub_meta.empty()) h += "<meta name=\"PubDate\" content=\"" + p.pub_meta + "\">\n";
  h += "<style>.nav li{display:inline}</style>\n</head>\n<body>\n";
  h += "<div class=\"topbar\"><div class=\"date\">2026年3月5日</div><span>星期四</span> "
       "<a href=\"#\">繁體版</a> <a href=\"#\">无障碍</a></div>\n";
  h += "<div class=\"nav\"><ul><li>首页</li><li>政务公开</li><li>政府信息公开年报</li>"
       "<li>政务服务</li><li>互动交流</li></ul></div>\n";
  h += "<div class=\"search\"><input placeholder=\"请输入关键词\"><button>搜索</button></div>\n";
  h += "<div class=\"crumb\">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; "
       "<a>政府信息公开年报</a></div>\n";
  h += p.sidebar;
  h += p.title_html + "\n";
  h += "<div class=\"info\">" + p.info + "</div>\n";
  h += "<div class=\"share\">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>\n";
  h += body_html(p.body);
  h += "<div class=\"tools\">【打印本页】【关闭窗口】</div>\n";
  h += related_html();
  h += "<div class=\"footer\"><p><a>网站地图</a> | <a>联系我们</a></p>\n";
  h += "<p>主办单位：湘乡市人民政府办公室 " + p.copyright + "</p>\n";
  h += "<p>湘ICP备05001234号-1 湘公网安备43038102000123号 网站标识码：4303810001</p>\n";
  h += std::string("<p>") + kSiteStats + "</p></div>\n";
  return h + "</body>\n</html>\n";
}

// The select-all copy of a page: what a browser puts on the clipboard as plain text (blocks
// on lines of their own, table cells TAB-separated). `before` stands between the breadcrumb and
// the title (a sidebar), `after` between the date bar and the report.
std::string page_copy(const Page& p, const std::string& title_line, const std::string& before = "",
                      const std::string& after = "") {
  std::string c =
      "2026年3月5日\n星期四 繁體版 无障碍\n首页\n政务公开\n政府信息公开年报\n政务服务\n"
      "互动交流\n搜索\n当前位置：首页 > 政务公开 > 政府信息公开年报\n";
  c += before + title_line + "\n" + p.info + "\n分享到：微信 微博 QQ空间\n" + after + "\n";
  for (const auto& l : p.body) c += l + "\n";
  c += "\n【打印本页】【关闭窗口】\n相关链接\n";
  for (std::size_t k = 0; k < std::size(kRelatedItems); k += 2) {
    c += std::string(kRelatedItems[k]) + "\n" + kRelatedItems[k + 1] + "\n";
  }
  c += "网站地图 | 联系我们\n主办单位：湘乡市人民政府办公室 " + p.copyright +
       "\n湘ICP备05001234号-1 湘公网安备43038102000123号 网站标识码：4303810001\n" + kSiteStats +
       "\n";
  return c;
}

// The agency's reports of other years, one a line (`header` above them when not empty).
std::string other_years(const std::string& header, std::initializer_list<const char*> years) {
  std::string out = header.empty() ? "" : header + "\n";
  for (const char* y : years) out += kAgency + y + "年政府信息公开工作年度报告\n";
  return out;
}

// UTF-8 -> GB18030 (the page declares gbk, as Chinese portals do) through iconv(3).
std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  if (cd == reinterpret_cast<iconv_t>(-1)) return {};
  std::string in = utf8, out(utf8.size() * 2 + 16, '\0');
  char* ip = in.data();
  char* op = out.data();
  std::size_t il = in.size(), ol = out.size();
  const std::size_t rc = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  EXPECT_NE(rc, static_cast<std::size_t>(-1));
  out.resize(out.size() - ol);
  return out;
}

Result check_bytes(const std::string& bytes) {
  const nianbao::Decoded d = nianbao::decode_input(bytes);
  EXPECT_TRUE(d.ok) << d.error;
  nianbao::Options o;
  o.encoding = d.encoding;
  o.input_bytes = bytes.size();
  return nianbao::check(d.utf8, o);
}

// The text at 1-based (line, column) of `input`: `n` code points.
std::string text_at(const std::string& input, int line, int column, std::size_t n) {
  const nianbao::detail::Source src(input);
  if (line < 1 || line > src.line_count()) return {};
  const std::string_view l = src.line_text(line);
  std::size_t i = 0;
  for (int c = 1; c < column && i < l.size(); ++c) nianbao::detail::next_cp(l, i);
  const std::size_t b = i;
  for (std::size_t k = 0; k < n && i < l.size(); ++k) nianbao::detail::next_cp(l, i);
  return std::string(l.substr(b, i - b));
}

using Key = std::tuple<std::string, nianbao::Severity, nianbao::FindingStatus>;
std::multiset<Key> keys(const Result& r) {
  std::multiset<Key> out;
  for (const auto& f : r.findings) out.insert({f.rule, f.severity, f.status});
  return out;
}

std::vector<std::string> rules_of(const Result& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) out.push_back(f.rule + " " + f.message);
  return out;
}

// The page reads as the plain report does: agency, year, cells, findings (`extra` are the
// findings the page adds, by rule), and every finding points at the same text in the page.
void expect_like_plain(const std::string& input, const Result& page,
                       const std::vector<std::string>& extra = {}) {
  static const std::string plain_text = read_file(kReport);
  static const Result plain = nianbao::check(plain_text);
  ASSERT_NE(page.exit_code, 2) << page.input_error;
  EXPECT_EQ(page.agency.value_or("?"), kAgency);
  EXPECT_EQ(page.year.value_or(0), 2025);
  ASSERT_EQ(page.cells.size(), plain.cells.size());
  for (std::size_t k = 0; k < plain.cells.size(); ++k) {
    EXPECT_EQ(page.cells[k].id, plain.cells[k].id);
    EXPECT_EQ(page.cells[k].value, plain.cells[k].value) << plain.cells[k].id;
    EXPECT_EQ(page.cells[k].status, plain.cells[k].status) << plain.cells[k].id;
    if (page.cells[k].line > 0) {
      EXPECT_EQ(text_at(input, page.cells[k].line, page.cells[k].column, 1),
                text_at(plain_text, plain.cells[k].line, plain.cells[k].column, 1))
          << plain.cells[k].id;
    }
  }
  std::multiset<Key> want = keys(plain);
  for (const auto& rule : extra) {
    for (const auto& f : page.findings) {
      if (f.rule == rule) want.insert({f.rule, f.severity, f.status});
    }
  }
  EXPECT_EQ(keys(page), want) << ::testing::PrintToString(rules_of(page));
  // The same findings point at the same text.
  for (const auto& f : plain.findings) {
    if (f.line == 0) continue;
    const std::string want_text = text_at(plain_text, f.line, f.column, 1);
    const bool found =
        std::any_of(page.findings.begin(), page.findings.end(), [&](const Finding& g) {
          return g.rule == f.rule && g.message == f.message &&
                 text_at(input, g.line, g.column, 1) == want_text;
        });
    EXPECT_TRUE(found) << f.rule << " at '" << want_text << "': " << f.message;
  }
}

class Portal : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kReport)) GTEST_SKIP() << "corpus not found at " << kReport;
  }
};

TEST_F(Portal, TitleInADiv) {
  const std::string html = page_html(Page());
  expect_like_plain(html, check_bytes(html));
}

TEST_F(Portal, H1WithListsOfOtherYearsBeforeAndAfter) {
  Page p;
  p.title_html = "<h1>" + kTitle + "</h1>";
  p.article_title = kTitle;
  p.sidebar = "<div class=\"side\"><h3>历年年报</h3><ul>";
  for (const char* y : {"2024", "2023", "2022"}) {
    p.sidebar += std::string("<li><a>湘乡市自然资源局") + y + "年政府信息公开工作年度报告</a></li>";
  }
  p.sidebar += "</ul></div>\n";
  const std::string html = page_html(p);
  expect_like_plain(html, check_bytes(html));
  // Without ArticleTitle: the <h1> right after the list is still the article's title.
  p.article_title.clear();
  p.head_title = "湘乡市人民政府";
  const std::string bare = page_html(p);
  expect_like_plain(bare, check_bytes(bare));
}

TEST_F(Portal, GbkPage) {
  Page p;
  p.charset = "gbk";
  const std::string bytes = to_gb18030(page_html(p));
  const Result r = check_bytes(bytes);
  EXPECT_EQ(r.encoding, "gb18030");
  expect_like_plain(nianbao::decode_input(bytes).utf8, r);
}

TEST_F(Portal, TitleOnlyInArticleTitleOrTitle) {
  Page p;
  p.title_html = "";
  p.article_title = kTitle;
  p.head_title = kTitle + "_湘乡市人民政府门户网站";
  const std::string with_meta = page_html(p);
  expect_like_plain(with_meta, check_bytes(with_meta));
  p.article_title.clear();
  p.head_title = kTitle + " - 湘乡市人民政府";
  const std::string title_only = page_html(p);
  expect_like_plain(title_only, check_bytes(title_only));
}

TEST_F(Portal, LostHeading) {
  Page p;
  const std::string heading = "四、政府信息公开行政复议、行政诉讼情况";
  p.body.erase(std::find(p.body.begin(), p.body.end(), heading));
  const std::string html = page_html(p);
  const Result r = check_bytes(html);
  expect_like_plain(html, r, {"section-heading-lost"});
  const auto lost = std::find_if(r.findings.begin(), r.findings.end(),
                                 [](const Finding& f) { return f.rule == "section-heading-lost"; });
  ASSERT_NE(lost, r.findings.end());
  EXPECT_EQ(lost->severity, nianbao::Severity::warning);
  EXPECT_EQ(text_at(html, lost->line, lost->column, 4), "行政复议");
}

TEST_F(Portal, SelectAllCopies) {
  const Page p;
  const std::string div = page_copy(p, kTitle);
  expect_like_plain(div, check_bytes(div));
  // The title set on two lines, as the report itself sets it.
  const std::string two = page_copy(p, kAgency + "\n2025 年政府信息公开工作年度报告");
  expect_like_plain(two, check_bytes(two));
}

// Lists of the agency's reports of other years around the title: never the title, except the
// article's own title right after such a list (the report starts below it).
TEST_F(Portal, SelectAllCopiesWithListsOfOtherYears) {
  const Page p;
  for (const std::string& before :
       {other_years("历年年报", {"2024", "2023", "2022"}), other_years("", {"2024", "2023"}),
        other_years("相关链接", {"2024"}), other_years("", {"2024"}) + "更多>>\n"}) {
    const std::string text = page_copy(p, kTitle, before);
    expect_like_plain(text, check_bytes(text));
  }
  // A lone link under a header right above the report, below the date bar.
  const std::string after = page_copy(p, kTitle, "", other_years("相关文章", {"2024"}));
  expect_like_plain(after, check_bytes(after));
}

TEST_F(Portal, PageDateIsCheckedAndNamed) {
  Page p;
  p.info = "发布时间：2026-02-10 来源：湘乡市自然资源局 字号：大 中 小";
  const std::string html = page_html(p);
  const Result r = check_bytes(html);
  expect_like_plain(html, r, {"publication-late"});
  const auto late = std::find_if(r.findings.begin(), r.findings.end(),
                                 [](const Finding& f) { return f.rule == "publication-late"; });
  ASSERT_NE(late, r.findings.end());
  EXPECT_NE(late->message.find("“发布时间”所示日期"), std::string::npos) << late->message;
  EXPECT_EQ(text_at(html, late->line, late->column, 10), "2026-02-10");
  // The page's PubDate metadata: named as such, pointed at in the page's head.
  Page q;
  q.pub_meta = "2026-02-03 09:30:00";
  const std::string meta = page_html(q);
  const Result m = check_bytes(meta);
  expect_like_plain(meta, m, {"publication-late"});
  const auto pub = std::find_if(m.findings.begin(), m.findings.end(),
                                [](const Finding& f) { return f.rule == "publication-late"; });
  ASSERT_NE(pub, m.findings.end());
  EXPECT_NE(pub->message.find("PubDate"), std::string::npos) << pub->message;
  EXPECT_EQ(text_at(meta, pub->line, pub->column, 10), "2026-02-03");
}

// No title anywhere (no title line, no ArticleTitle, a <title> naming only the site): said once,
// and every check that needs the report year is listed and counted as not assessable.
TEST_F(Portal, NoTitleSaysSoOnceAndListsTheYearChecks) {
  Page p;
  p.title_html = "";
  p.head_title = "湘乡市人民政府";
  const std::string html = page_html(p);
  const Result r = check_bytes(html);
  const Result plain = nianbao::check(read_file(kReport));
  std::vector<const Finding*> title;
  for (const auto& f : r.findings) {
    if (f.rule == "title-year") title.push_back(&f);
  }
  ASSERT_EQ(title.size(), 1u);
  for (const char* id :
       {"format-outdated", "format-legacy", "year-consistency", "year-stale", "publication-late"}) {
    EXPECT_NE(title[0]->message.find(id), std::string::npos) << id;
    EXPECT_NE(title[0]->message_en.find(id), std::string::npos) << id;
  }
  EXPECT_NE(title[0]->message.find("依赖报告年度的5项检查无法进行"), std::string::npos);
  EXPECT_EQ(r.summary.not_assessable, plain.summary.not_assessable + 5);
  EXPECT_FALSE(r.year.has_value());
}

// A portal's index of annual reports (a menu entry 政府信息公开年报, links to several years'
// reports, a footer) is no report: no title, section or table.
TEST_F(Portal, AnIndexOfReportsIsNotAReport) {
  const std::string copy =
      "首页\n政务公开\n政府信息公开年报\n当前位置：首页 > 政务公开 > 政府信息公开年报\n" +
      other_years("", {"2025", "2024", "2023", "2022"}) +
      "共4条 1/1页\n版权所有 © 2016-2026 湘乡市人民政府 湘ICP备05001234号-1\n";
  const Result r = check_bytes(copy);
  EXPECT_EQ(r.exit_code, 2) << r.input_error;
}

}  // namespace
