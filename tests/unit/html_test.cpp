// HTML input: html_to_text (text, line structure, table grids, source offsets), charset
// sniffing, HTML detection, malformed input, and a whole 2021-format report read from HTML.
#include "html.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <nianbao/nianbao.hpp>
#include <string>
#include <vector>

#include "report_builder.hpp"

using nianbao::detail::html_declared_charset;
using nianbao::detail::html_to_text;
using nianbao::detail::HtmlText;
using nianbao::detail::looks_like_html;

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 1;
  }
  return out;
}

std::string text_of(const std::string& html) { return html_to_text(html).text; }

// The origin of the n-th occurrence (0-based) of `needle` in the converted text.
std::uint32_t origin_of(const HtmlText& t, const std::string& needle, int nth = 0) {
  std::size_t at = t.text.find(needle);
  for (int k = 0; k < nth && at != std::string::npos; ++k) at = t.text.find(needle, at + 1);
  EXPECT_NE(at, std::string::npos) << needle;
  return at == std::string::npos ? 0xFFFFFFFFu : t.origin[at];
}

// ----- text -------------------------------------------------------------------------------

TEST(HtmlText, DecodesEntities) {
  EXPECT_EQ(text_of("<p>a&amp;b &lt;c&gt; &quot;q&quot; &apos;s&apos;</p>"), "a&b <c> \"q\" 's'");
  EXPECT_EQ(text_of("&#20013;&#x6587;&#X6587;"), "中文文");
  EXPECT_EQ(text_of("&ldquo;三安全一稳定&rdquo;&mdash;&hellip;&middot;&times;"),
            "“三安全一稳定”—…·×");
  // Legacy names without ';', unknown names and a bare '&' stay as written.
  EXPECT_EQ(text_of("&copy 2024 &unknown; R&D & co &"), "© 2024 &unknown; R&D & co &");
  // &#0;, surrogates, out of range: U+FFFD; &#150; is windows-1252 (en dash).
  EXPECT_EQ(text_of("&#0;&#xD800;&#x110000;&#150;"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD–");
  // No-break spaces are spaces, collapsed with their neighbours.
  EXPECT_EQ(text_of("<p>&nbsp;&nbsp;&nbsp;&nbsp;2024年， &nbsp; 我局</p>"), "2024年， 我局");
  EXPECT_EQ(text_of("<p>\xC2\xA0\xC2\xA0x\xC2\xA0y</p>"), "x y");
}

TEST(HtmlText, DropsScriptStyleHeadAndComments) {
  const std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>网站标题</title>"
      "<style>p { color: red } </style><script>var s = '<td>1</td></script';</script>"
      "</head><body><!-- <p>注释</p> --><p>正文</p><script type=\"text/javascript\">"
      "document.write('<p>脚本</p>');</SCRIPT ><noscript>请启用脚本</noscript>"
      "<style>.x{}</style><p>结尾</p><select><option>部门网站</option></select>"
      "<div class=\"head\"><title>站点标题</title></div></body></html>";
  // A <title>, even one a CMS left inside the body, is not shown by a browser either.
  EXPECT_EQ(text_of(html), "正文\n结尾");
}

TEST(HtmlText, BlocksStartLinesAndSpacesCollapse) {
  EXPECT_EQ(text_of("<div>一</div><div>二<br>三</div><p>四 \n\t  五</p><h2>六</h2>七"),
            "一\n二\n三\n四 五\n六\n七");
  // Inline tags join their text without a space, as a browser shows it.
  EXPECT_EQ(text_of("<p><span>申请人情</span><span>况</span> <b>2</b><font>6</font></p>"),
            "申请人情况 26");
  // No leading, trailing or empty lines.
  EXPECT_EQ(text_of("\n\n<p></p><p> </p><div>x</div><br><br><p>y</p>\n\n"), "x\ny");
  // <pre> keeps its line breaks and spaces.
  EXPECT_EQ(text_of("<pre>a  b\nc</pre>"), "a  b\nc");
}

// ----- tables -----------------------------------------------------------------------------

TEST(HtmlTable, RowsAreTabSeparatedLines) {
  EXPECT_EQ(text_of("<p>前</p><table><tr><td>规章</td><td>0</td><td> 1 </td></tr>"
                    "<tr><th>行政<br>规范性文件</th><td><p>2</p></td><td></td></tr></table>"
                    "<p>后</p>"),
            "前\n规章\t0\t1\n行政 规范性文件\t2\t\n后");
}

// The header of table 3 (a rowspan 3 x colspan 3 stub), a rowspan-22 group cell and a
// rowspan-8 subgroup: every row has the grid's 10 cells and the numbers their columns.
TEST(HtmlTable, RowspanAndColspanExpandToAGrid) {
  std::string html =
      "<table border=1><tbody>"
      "<tr><td colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，"
      "等于第三项加第四项之和）</td><td colspan=\"7\">申请人情况</td></tr>"
      "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td>"
      "<td rowspan=\"2\">总计</td></tr>"
      "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td>"
      "<td>其他</td></tr>"
      "<tr><td colspan=\"3\">一、本年新收政府信息公开申请数量</td>"
      "<td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>21</td></tr>"
      "<tr><td rowspan=\"22\">三、本年度办理结果</td><td colspan=\"2\">（一）予以公开</td>"
      "<td>11</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>11</td></tr>"
      "<tr><td rowspan=\"8\">（三）不予公开</td><td>1.属于国家秘密</td>"
      "<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>"
      "<tr><td>2.其他法律行政法规禁止公开</td>"
      "<td>31</td><td>32</td><td>33</td><td>34</td><td>35</td><td>36</td><td>201</td></tr>"
      "</tbody></table>";
  const std::vector<std::string> lines = split(text_of(html), '\n');
  ASSERT_EQ(lines.size(), 7u);
  for (const auto& line : lines) EXPECT_EQ(split(line, '\t').size(), 10u) << line;
  EXPECT_EQ(lines[0],
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
            "\t\t\t申请人情况\t\t\t\t\t\t");
  EXPECT_EQ(lines[1], "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计");
  EXPECT_EQ(lines[2], "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t");
  EXPECT_EQ(lines[3], "一、本年新收政府信息公开申请数量\t\t\t1\t2\t3\t4\t5\t6\t21");
  EXPECT_EQ(lines[4], "三、本年度办理结果\t（一）予以公开\t\t11\t0\t0\t0\t0\t0\t11");
  EXPECT_EQ(lines[5], "\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0");
  const std::vector<std::string> last = split(lines[6], '\t');
  EXPECT_EQ(std::vector<std::string>(last.begin(), last.begin() + 3),
            (std::vector<std::string>{"", "", "2.其他法律行政法规禁止公开"}));
  EXPECT_EQ(std::vector<std::string>(last.end() - 7, last.end()),
            (std::vector<std::string>{"31", "32", "33", "34", "35", "36", "201"}));
}

TEST(HtmlTable, Table4HeaderSpans) {
  std::string html = "<table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr><tr>";
  for (const char* h : {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) {
    html += std::string("<td rowspan=2>") + h + "</td>";
  }
  html += "<td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr><tr>";
  for (int k = 0; k < 10; ++k) html += "<td>h" + std::to_string(k) + "</td>";
  html += "</tr><tr>";
  for (int k = 0; k < 15; ++k) html += "<td>" + std::to_string(k + 1) + "</td>";
  html += "</tr></table>";
  const std::vector<std::string> lines = split(text_of(html), '\n');
  ASSERT_EQ(lines.size(), 4u);
  for (const auto& line : lines) EXPECT_EQ(split(line, '\t').size(), 15u) << line;
  EXPECT_EQ(split(lines[2], '\t')[5], "h0");
  EXPECT_EQ(split(lines[2], '\t')[0], "");
  EXPECT_EQ(split(lines[3], '\t')[14], "15");
}

TEST(HtmlTable, LayoutTableAroundTheArticleKeepsItsLines) {
  // A page laid out with a table: the cell holding the article (with a heading and a nested
  // data table) is read as running text, and the nested table as a grid.
  const std::string html =
      "<table width=\"100%\"><tr><td><a href=\"/\">首页</a></td></tr><tr><td>"
      "<h1>标题</h1><p>第一段</p><p>第二段</p>"
      "<table><tr><td>行政许可</td><td colspan=3>130</td></tr></table>"
      "<p>第三段</p></td></tr></table>";
  EXPECT_EQ(text_of(html), "首页\n标题\n第一段\n第二段\n行政许可\t130\t\t\n第三段");
}

TEST(HtmlTable, FragmentsCaptionsAndStrayText) {
  // Clipboard rows without <table>; a caption; text between cells goes before the table.
  EXPECT_EQ(text_of("<tr><td>1</td><td>2</td></tr><tr><td>3</td></tr>"), "1\t2\n3\t");
  EXPECT_EQ(text_of("<table><caption>表一</caption><tr><td>a</td></tr></table>"), "表一\na");
  EXPECT_EQ(text_of("<table>外<tr><td>a</td><td>b</td></tr></table>"), "外\na\tb");
  // Rows given as thead/tbody/tfoot, implicit row and cell ends.
  EXPECT_EQ(text_of("<table><thead><tr><th>x<th>y</thead><tbody><tr><td>1<td>2"
                    "<tr><td>3<td>4</tbody></table>"),
            "x\ty\n1\t2\n3\t4");
}

// ----- origins ----------------------------------------------------------------------------

TEST(HtmlOrigin, PointsAtTheSourceCharacter) {
  const std::string html =
      "<html><body><p>A&amp;B&#x4E2D;文</p>\n<table><tr><td class=\"n\">规章</td>"
      "<td>17</td><td colspan=\"2\">4</td></tr><tr><td rowspan=2>x</td><td>5</td></tr>"
      "</table></body></html>";
  const HtmlText t = html_to_text(html);
  ASSERT_EQ(t.origin.size(), t.text.size() + 1);
  EXPECT_EQ(t.origin.back(), html.size());
  EXPECT_EQ(t.text, "A&B中文\n规章\t17\t4\t\nx\t5\t\t");
  // Plain characters and the character after an entity.
  EXPECT_EQ(origin_of(t, "A"), html.find("A&amp;"));
  EXPECT_EQ(origin_of(t, "B"), html.find("B&#x"));
  // An entity's character points at its '&', every byte of it.
  const std::size_t amp = t.text.find('&');
  EXPECT_EQ(t.origin[amp], html.find("&amp;"));
  const std::size_t zhong = t.text.find("中");
  for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(t.origin[zhong + k], html.find("&#x4E2D;"));
  // A multi-byte character copied as is: all its bytes point at its first byte.
  const std::size_t wen = t.text.find("文");
  for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(t.origin[wen + k], html.find("文"));
  // Digits inside cells.
  EXPECT_EQ(origin_of(t, "17"), html.find("17</td>"));
  EXPECT_EQ(t.origin[t.text.find("17") + 1], html.find("17</td>") + 1);
  EXPECT_EQ(origin_of(t, "5"), html.find("5</td>"));
  // The TAB before a cell is its <td> tag; the line break that ends a row is its </tr>.
  const std::size_t tab = t.text.find("\t17");
  EXPECT_EQ(t.origin[tab], html.find("<td>17"));
  const std::size_t nl = t.text.find("\nx\t5");
  EXPECT_EQ(t.origin[nl], html.find("</tr>"));
  // The line break before the table: the tag that ended the paragraph.
  EXPECT_EQ(t.origin[t.text.find("\n规章")], html.find("</p>"));
  // Origins never run backwards.
  EXPECT_TRUE(std::is_sorted(t.origin.begin(), t.origin.end()));
}

// ----- malformed input --------------------------------------------------------------------

TEST(HtmlMalformed, UnclosedAndStrayMarkup) {
  EXPECT_EQ(text_of("<table><tr><td>1<td>2<tr><td>3"), "1\t2\n3\t");
  EXPECT_EQ(text_of("a < b <3 <> c <"), "a < b <3 <> c <");
  EXPECT_EQ(text_of("x<!-- never closed <p>y</p>"), "x");
  EXPECT_EQ(text_of("x<script>never closed"), "x");
  EXPECT_EQ(text_of("x</>y</ z>w<? pi ?>v<!doctype html>u"), "xywvu");
  EXPECT_EQ(text_of("<p class=\"unclosed>y</p>z"), "y\nz");
  EXPECT_EQ(text_of("<p class='a\"b'>y</p>"), "y");
  EXPECT_EQ(text_of("</td></tr></table></p>a</div>"), "a");
  EXPECT_EQ(text_of("<td colspan=abc rowspan=-3>1</td><td colspan=0 rowspan=0>2</td>"), "1\t2");
  EXPECT_EQ(text_of("&"), "&");
  EXPECT_EQ(text_of("&#"), "&#");
  EXPECT_EQ(text_of("&#x"), "&#x");
  EXPECT_EQ(text_of("&#99999999999999999999;"), "\xEF\xBF\xBD");
  EXPECT_EQ(text_of("<"), "<");
  EXPECT_EQ(text_of("<p"), "");
  EXPECT_EQ(text_of(""), "");
  EXPECT_EQ(html_to_text("").origin, std::vector<std::uint32_t>{0});
  // Invalid UTF-8 bytes pass through one by one.
  EXPECT_EQ(text_of("<p>\xFF\xE4\xB8</p>"), "\xFF\xE4\xB8");
}

TEST(HtmlMalformed, DeepNestingReturns) {
  std::string divs;
  for (int k = 0; k < 100000; ++k) divs += "<div>";
  divs += "深处";
  EXPECT_EQ(text_of(divs), "深处");

  std::string tables;
  for (int k = 0; k < 100000; ++k) tables += "<table><tr><td>";
  tables += "7";
  EXPECT_EQ(text_of(tables), "7");

  std::string closed;
  for (int k = 0; k < 2000; ++k) closed += "<table><tr><td>" + std::to_string(k % 10);
  for (int k = 0; k < 2000; ++k) closed += "</td></tr></table>";
  const std::string t = text_of(closed);
  EXPECT_EQ(std::count(t.begin(), t.end(), '9'), 200);
  EXPECT_LT(t.size(), closed.size());
}

TEST(HtmlMalformed, HugeAttributesAndSpans) {
  std::string big = "<p title=\"" + std::string(10u << 20, 'a') + "\">x</p><p>y</p>";
  EXPECT_EQ(text_of(big), "x\ny");
  std::string unclosed = "<p title=\"" + std::string(10u << 20, 'b') + ">x</p>";
  EXPECT_EQ(text_of(unclosed), "x");
  // A quote runs to the next one, as in a browser: every second "1" is inside a value.
  std::string quotes;
  for (int k = 0; k < 100000; ++k) quotes += "<a x=\">1</a>";
  const std::string q = text_of(quotes);
  EXPECT_EQ(q.size(), 50000u);
  EXPECT_EQ(q.find_first_not_of('1'), std::string::npos);

  // A thousand columns asked by every cell: the output stays proportional to the input.
  std::string spans = "<table><tr>";
  for (int k = 0; k < 100000; ++k) spans += "<td colspan=1000>1</td>";
  spans += "</tr>";
  for (int k = 0; k < 10000; ++k) spans += "<tr><td rowspan=0>2</td></tr>";
  spans += "</table>";
  const HtmlText t = html_to_text(spans);
  EXPECT_LT(t.text.size(), 16 * spans.size() + (1u << 21));
  EXPECT_EQ(std::count(t.text.begin(), t.text.end(), '1'), 100000);
  EXPECT_EQ(std::count(t.text.begin(), t.text.end(), '2'), 10000);
}

// ----- the page's own fields ----------------------------------------------------------------

TEST(HtmlMeta, TitleArticleTitlePubDateSiteName) {
  const std::string html =
      "<html><head><title>\n  某某局2024年政府信息公开工作年度报告 &amp; 附件-某某市人民政府 "
      "</title>"
      "<META NAME=\"ArticleTitle\" CONTENT=\"某某局2024年政府信息公开工作年度报告\">"
      "<meta name=pubdate content='2025-01-20 09:30'><meta name=\"SiteName\" "
      "content=\"某某市人民政府\">"
      "<meta name=\"PubDate\" content=\"2030-01-01\"></head><body><title>站点</title><p>正文</p>"
      "</body></html>";
  const HtmlText t = html_to_text(html);
  EXPECT_EQ(t.text, "正文");
  EXPECT_EQ(t.meta.title.text, "某某局2024年政府信息公开工作年度报告 & 附件-某某市人民政府");
  EXPECT_EQ(html.compare(t.meta.title.at, 6, "某某"), 0);
  EXPECT_EQ(t.meta.article_title.text, "某某局2024年政府信息公开工作年度报告");
  EXPECT_EQ(html.compare(t.meta.article_title.at, 6, "某某"), 0);
  // The first PubDate counts; an unquoted value too.
  EXPECT_EQ(t.meta.pub_date.text, "2025-01-20 09:30");
  EXPECT_EQ(html.compare(t.meta.pub_date.at, 10, "2025-01-20"), 0);
  EXPECT_EQ(t.meta.site_name.text, "某某市人民政府");
  // No fields: all empty.
  const HtmlText none = html_to_text("<p>正文</p>");
  EXPECT_FALSE(none.meta.title.present() || none.meta.article_title.present() ||
               none.meta.pub_date.present() || none.meta.site_name.present());
}

// ----- charset and detection --------------------------------------------------------------

TEST(HtmlCharset, ThreeMetaForms) {
  EXPECT_EQ(html_declared_charset("<html><head><meta charset=\"GBK\"></head>"), "gbk");
  EXPECT_EQ(html_declared_charset("<meta charset=utf-8 /><p>x</p>"), "utf-8");
  EXPECT_EQ(html_declared_charset("<head><meta http-equiv=\"Content-Type\" "
                                  "content=\"text/html; charset=gb2312\"></head>"),
            "gb2312");
  EXPECT_EQ(html_declared_charset("<META CONTENT='text/html;CHARSET=GB18030' "
                                  "HTTP-EQUIV=content-type>"),
            "gb18030");
  EXPECT_EQ(html_declared_charset("<meta name=\"keywords\" content=\"charset=big5\">"
                                  "<!-- <meta charset=\"koi8-r\"> -->"
                                  "<script>'<meta charset=x>'</script><meta charset=' GBK '>"),
            "gbk");
  EXPECT_EQ(html_declared_charset("<html><head><title>无</title></head>"), "");
  EXPECT_EQ(html_declared_charset("plain text charset=gbk"), "");
}

TEST(HtmlDetect, PagesAndFragmentsButNotReports) {
  EXPECT_TRUE(looks_like_html("\xEF\xBB\xBF  <!DOCTYPE html>\n<html><body></body></html>"));
  EXPECT_TRUE(looks_like_html("<html>\n<head><meta charset=\"gbk\"></head>"));
  EXPECT_TRUE(looks_like_html("<table><tr><td>一、本年新收政府信息公开申请数量</td><td>1</td>"));
  EXPECT_TRUE(looks_like_html("<meta charset='utf-8'><table><tr><td>x</td></tr></table>"));
  EXPECT_TRUE(looks_like_html("某某局\n<p>一、总体情况</p>\n<p>二、主动公开</p><div>x</div><br>"));
  EXPECT_FALSE(
      looks_like_html("某某局2024年政府信息公开工作年度报告\n若a<b，则…\n"
                      "一、本年新收政府信息公开申请数量\t10\t0\n"));
  EXPECT_FALSE(looks_like_html("a<b"));
  EXPECT_FALSE(looks_like_html(""));
  EXPECT_FALSE(looks_like_html("| 规章 | 0 | 0 | 0 |\n| <br> |\n正文一\n正文二\n"));
}

// ----- end to end -------------------------------------------------------------------------

// A complete 2021-format report as a government page: head, navigation, title, six <h2>
// headings, narrative paragraphs and tables 2/3/4 as real tables with spans, cells written
// the way Word exports them (<p><span>...</span></p>, &nbsp; in empty cells). Optionally the
// whole article sits in a layout table.
// `get(id)` gives the raw text of every cell.
using CellSource = std::function<std::string(const std::string&)>;
std::string report_html(bool layout_table, const CellSource& get) {
  const auto td = [](const std::string& v, const std::string& attrs = "") {
    return "<td" + attrs + " valign=\"center\"><p style=\"text-align:center\"><span>" + v +
           "</span><o:p></o:p></p></td>";
  };
  const auto nums = [&](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += td(x);
    return s;
  };
  std::string h =
      "<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" "
      "content=\"text/html; charset=utf-8\">\n<title>某某市某某局2024年政府信息公开工作年度报告_"
      "某某市人民政府</title>\n<style>td{border:1px solid}</style>\n<script>var a = "
      "'<table><tr><td>9</td></tr></table>';</script>\n</head>\n<body>\n";
  if (layout_table) {
    h += "<table width=\"100%\"><tr><td class=\"side\"><ul><li><a href=\"/\">首页</a></li>"
         "<li><a href=\"/zwgk\">政务公开</a></li></ul></td>\n<td class=\"main\">\n";
  }
  h += "<h1 class=\"title\">某某市某某局2024年政府信息公开工作年度报告</h1>\n";
  h += "<h2>一、总体情况</h2>\n<p>&nbsp;&nbsp;2024年，我局认真贯彻《条例》，做好主动公开、"
       "依申请公开、政府信息管理、政府信息公开平台建设和监督保障工作。</p>\n";
  h += "<h2>二、主动公开政府信息情况</h2>\n<table border=\"1\" cellspacing=\"0\"><tbody>\n";
  h += "<tr>" + td("第二十条第（一）项", " colspan=\"4\"") + "</tr>\n";
  h += "<tr>" + td("信息内容") + td("本年制发件数") + td("本年废止件数") + td("现行有效件数") +
       "</tr>\n";
  h += "<tr>" + td("规章") +
       nums({get("t2.rules.made"), get("t2.rules.repealed"), get("t2.rules.in_force")}) + "</tr>\n";
  h +=
      "<tr>" + td("行政规范性文件") +
      nums({get("t2.normative.made"), get("t2.normative.repealed"), get("t2.normative.in_force")}) +
      "</tr>\n";
  h += "<tr>" + td("第二十条第（五）项", " colspan=\"4\"") + "</tr>\n";
  h += "<tr>" + td("信息内容") + td("本年处理决定数量", " colspan=\"3\"") + "</tr>\n";
  h += "<tr>" + td("行政许可") + td(get("t2.licensing"), " colspan=\"3\"") + "</tr>\n";
  h += "<tr>" + td("第二十条第（六）项", " colspan=\"4\"") + "</tr>\n";
  h += "<tr>" + td("信息内容") + td("本年处理决定数量", " colspan=\"3\"") + "</tr>\n";
  h += "<tr>" + td("行政处罚") + td(get("t2.penalty"), " colspan=\"3\"") + "</tr>\n";
  h += "<tr>" + td("行政强制") + td(get("t2.coercion"), " colspan=\"3\"") + "</tr>\n";
  h += "<tr>" + td("第二十条第（八）项", " colspan=\"4\"") + "</tr>\n";
  h += "<tr>" + td("信息内容") + td("本年收费金额（单位：万元）", " colspan=\"3\"") + "</tr>\n";
  h += "<tr>" + td("行政事业性收费") + td(get("t2.fees"), " colspan=\"3\"") + "</tr>\n";
  h += "</tbody></table>\n";

  h += "<h2>三、收到和处理政府信息公开申请情况</h2>\n<table border=\"1\"><tbody>\n";
  h += "<tr>" +
       td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
          " colspan=\"3\" rowspan=\"3\"") +
       td("申请人情况", " colspan=\"7\"") + "</tr>\n";
  h += "<tr>" + td("自然人", " rowspan=\"2\"") + td("法人或其他组织", " colspan=\"5\"") +
       td("总计", " rowspan=\"2\"") + "</tr>\n";
  h += "<tr>" + td("商业<br>企业") + td("科研<br>机构") + td("社会公益组织") + td("法律服务机构") +
       td("其他") + "</tr>\n";
  const auto row_values = [&](int r) {
    std::vector<std::string> v;
    for (int c = 0; c < 7; ++c) v.push_back(get(nianbao::detail::t3_id(r, c)));
    return v;
  };
  h += "<tr>" + td("一、本年新收政府信息公开申请数量", " colspan=\"3\"") + nums(row_values(0)) +
       "</tr>\n";
  h += "<tr>" + td("二、上年结转政府信息公开申请数量", " colspan=\"3\"") + nums(row_values(1)) +
       "</tr>\n";
  h += "<tr>" + td("三、本年度办理结果", " rowspan=\"22\"") +
       td("（一）予以公开", " colspan=\"2\"") + nums(row_values(2)) + "</tr>\n";
  h += "<tr>" + td("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", " colspan=\"2\"") +
       nums(row_values(3)) + "</tr>\n";
  struct Group {
    const char* label;
    std::vector<const char*> items;
  };
  const std::vector<Group> groups = {
      {"（三）不予公开",
       {"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及&ldquo;三安全一稳定&rdquo;",
        "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
        "7.属于行政执法案卷", "8.属于行政查询事项"}},
      {"（四）无法提供",
       {"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"}},
      {"（五）不予处理",
       {"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息"}},
      {"（六）其他处理",
       {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"}},
  };
  int r = 4;
  for (const auto& g : groups) {
    for (std::size_t k = 0; k < g.items.size(); ++k) {
      h += "<tr>";
      if (k == 0) h += td(g.label, " rowspan=\"" + std::to_string(g.items.size()) + "\"");
      h += td(g.items[k]) + nums(row_values(r++)) + "</tr>\n";
    }
  }
  h += "<tr>" + td("（七）总计", " colspan=\"2\"") + nums(row_values(23)) + "</tr>\n";
  h += "<tr>" + td("四、结转下年度继续办理", " colspan=\"3\"") + nums(row_values(24)) +
       "</tr>\n</tbody></table>\n";

  h += "<h2>四、政府信息公开行政复议、行政诉讼情况</h2>\n<table border=\"1\"><tbody>\n";
  h +=
      "<tr>" + td("行政复议", " colspan=\"5\"") + td("行政诉讼", " colspan=\"10\"") + "</tr>\n<tr>";
  for (const char* c : {"结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总计"}) {
    h += td(c, " rowspan=\"2\"");
  }
  h +=
      td("未经复议直接起诉", " colspan=\"5\"") + td("复议后起诉", " colspan=\"5\"") + "</tr>\n<tr>";
  for (int g = 0; g < 2; ++g) {
    for (const char* c : {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) h += td(c);
  }
  std::vector<std::string> t4;
  for (int g = 0; g < 3; ++g) {
    for (int c = 0; c < 5; ++c) t4.push_back(get(nianbao::detail::t4_id(g, c)));
  }
  h += "</tr>\n<tr>" + nums(t4) + "</tr>\n</tbody></table>\n";
  h += "<h2>五、存在的主要问题及改进情况</h2>\n<p>一是主动公开的及时性仍有不足。"
       "下一步将加强培训。</p>\n";
  h += "<h2>六、其他需要报告的事项</h2>\n<p>本年度未发出收费通知，未收取信息处理费。</p>\n";
  if (layout_table) h += "</td></tr></table>\n";
  h += "<div class=\"footer\">主办：某某市人民政府办公室</div>\n</body>\n</html>\n";
  return h;
}

// Byte offset in `text` of a 1-based line and code-point column.
std::size_t offset_of(const std::string& text, int line, int column) {
  std::size_t at = 0;
  for (int l = 1; l < line; ++l) at = text.find('\n', at) + 1;
  for (int c = 1; c < column; ++c) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

class HtmlReport : public ::testing::TestWithParam<bool> {};

// A consistent year: 10 new + 2 carried in = 11 granted + 1 partial; everything else 0.
std::string page_value(const std::string& id) {
  static const std::map<std::string, std::string> kValues = {
      {"t2.normative.made", "3"},
      {"t2.normative.repealed", "1"},
      {"t2.normative.in_force", "25"},
      {"t2.licensing", "130"},
      {"t2.penalty", "8"},
      {"t2.fees", "92.73"},
      {"t3.new.natural_person", "8"},
      {"t3.new.commercial", "2"},
      {"t3.new.total", "10"},
      {"t3.carried_in.natural_person", "2"},
      {"t3.carried_in.total", "2"},
      {"t3.granted.natural_person", "9"},
      {"t3.granted.commercial", "2"},
      {"t3.granted.total", "11"},
      {"t3.partial.natural_person", "1"},
      {"t3.partial.total", "1"},
      {"t3.results_total.natural_person", "10"},
      {"t3.results_total.commercial", "2"},
      {"t3.results_total.total", "12"},
      {"t4.review.upheld", "5"},
      {"t4.review.corrected", "2"},
      {"t4.review.total", "7"},
      {"t4.suit_direct.upheld", "1"},
      {"t4.suit_direct.total", "1"},
  };
  const auto it = kValues.find(id);
  return it == kValues.end() ? "0" : it->second;
}

TEST_P(HtmlReport, EveryCellIsReadFromTheConvertedPage) {
  const std::string html = report_html(GetParam(), page_value);
  ASSERT_TRUE(looks_like_html(html));
  EXPECT_EQ(html_declared_charset(html), "utf-8");
  const HtmlText t = html_to_text(html);
  const nianbao::Result r = nianbao::check(t.text);
  EXPECT_EQ(r.exit_code, 0) << r.input_error << "\n" << nianbao::to_text(r, t.text, "page.html");
  EXPECT_EQ(r.format, "2021");
  EXPECT_EQ(r.year, 2024);
  EXPECT_EQ(r.sections.size(), 6u);
  ASSERT_EQ(r.cells.size(), 200u);
  for (const auto& c : r.cells) {
    EXPECT_EQ(c.status, nianbao::CellStatus::ok) << c.id << " raw=" << c.raw << " " << c.note;
  }
  const auto value = [&](const std::string& id) -> double {
    for (const auto& c : r.cells) {
      if (c.id == id && c.value) return *c.value;
    }
    return -1;
  };
  EXPECT_EQ(value("t2.normative.in_force"), 25);
  EXPECT_EQ(value("t2.licensing"), 130);
  EXPECT_EQ(value("t2.penalty"), 8);
  EXPECT_DOUBLE_EQ(value("t2.fees"), 92.73);
  EXPECT_EQ(value("t3.new.natural_person"), 8);
  EXPECT_EQ(value("t3.new.commercial"), 2);
  EXPECT_EQ(value("t3.new.total"), 10);
  EXPECT_EQ(value("t3.granted.total"), 11);
  EXPECT_EQ(value("t3.results_total.natural_person"), 10);
  EXPECT_EQ(value("t4.review.total"), 7);
  EXPECT_EQ(value("t4.suit_direct.upheld"), 1);
  EXPECT_EQ(value("t4.suit_direct.total"), 1);
  EXPECT_EQ(r.summary.errors, 0) << nianbao::to_text(r, t.text, "page.html");

  // Cell positions map back into the HTML source through `origin`.
  int mapped = 0;
  for (const auto& c : r.cells) {
    if (c.line == 0) continue;
    const std::size_t at = offset_of(t.text, c.line, c.column);
    ASSERT_LT(at, t.text.size()) << c.id;
    const std::uint32_t src = t.origin[at];
    EXPECT_EQ(html.compare(src, c.raw.size(), c.raw), 0) << c.id << " at " << src;
    EXPECT_EQ(html.compare(src + c.raw.size(), 7, "</span>"), 0) << c.id;
    ++mapped;
  }
  EXPECT_EQ(mapped, 200);

  // check() given the page itself reads it the same way, with positions in the HTML.
  const nianbao::Result direct = nianbao::check(html);
  EXPECT_EQ(direct.exit_code, 0) << direct.input_error;
  ASSERT_EQ(direct.cells.size(), 200u);
  for (std::size_t k = 0; k < direct.cells.size(); ++k) {
    const auto& c = direct.cells[k];
    EXPECT_EQ(c.value, r.cells[k].value) << c.id;
    const std::size_t at = offset_of(html, c.line, c.column);
    EXPECT_EQ(html.compare(at, c.raw.size(), c.raw), 0) << c.id << " " << c.line << ":" << c.column;
  }
  for (const auto& s : direct.sections) {
    const std::size_t at = offset_of(html, s.line, s.column);
    EXPECT_EQ(html.compare(at - 4, 4 + s.heading.size(), "<h2>" + s.heading), 0) << s.heading;
  }
}

INSTANTIATE_TEST_SUITE_P(PlainAndLayout, HtmlReport, ::testing::Values(false, true));

// The issue's acceptance test: a table with rowspan and colspan gives the same cells as the
// same report pasted as text.
TEST(HtmlReportVsText, SameCellsAsThePastedText) {
  nianbao::testing::ReportBuilder b;
  b.cells["t2.normative.made"] = "4";
  b.cells["t2.normative.in_force"] = "31";
  b.cells["t2.penalty"] = "17";
  b.set_t3("new", 1, "3");
  b.set_t3("new", 6, "13");
  b.set_t3("granted", 1, "3");
  b.set_t3("granted", 6, "14");
  b.set_t3("results_total", 1, "3");
  b.set_t3("results_total", 6, "15");
  b.cells["t4.suit_after_review.pending"] = "1";
  b.cells["t4.suit_after_review.total"] = "1";
  const nianbao::Result from_text = nianbao::check(b.build());
  const std::string html = report_html(false, [&](const std::string& id) { return b.get(id); });
  const nianbao::Result from_html = nianbao::check(html_to_text(html).text);
  ASSERT_EQ(from_text.cells.size(), 200u);
  ASSERT_EQ(from_html.cells.size(), from_text.cells.size());
  for (std::size_t k = 0; k < from_text.cells.size(); ++k) {
    const auto& a = from_text.cells[k];
    const auto& h = from_html.cells[k];
    EXPECT_EQ(h.id, a.id);
    EXPECT_EQ(a.status, nianbao::CellStatus::ok) << a.id;
    EXPECT_EQ(h.status, a.status) << a.id;
    EXPECT_EQ(h.value, a.value) << a.id;
    EXPECT_EQ(h.raw, a.raw) << a.id;
  }
  EXPECT_EQ(from_html.cells[5].id, "t2.normative.in_force");
  EXPECT_EQ(from_html.cells[5].raw, "31");
  // The same arithmetic findings on both (the builder's year is consistent, so none).
  std::vector<std::string> rules_text, rules_html;
  for (const auto& f : from_text.findings) rules_text.push_back(f.rule);
  for (const auto& f : from_html.findings) rules_html.push_back(f.rule);
  EXPECT_EQ(rules_html, rules_text);
}

}  // namespace
