// The reader: positions in the original input, normalisation, decoding, and the table
// shapes people paste (tabs, spaces, one cell per line, page breaks, run-together digits).
#include <gtest/gtest.h>

#include <nianbao/nianbao.hpp>
#include <string>

#include "facts.hpp"
#include "report_builder.hpp"
#include "text.hpp"

using nianbao::CellStatus;
using nianbao::Result;
using nianbao::testing::ReportBuilder;

namespace {

const nianbao::Cell* cell(const Result& r, const std::string& id) {
  for (const auto& c : r.cells) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

int count_rule(const Result& r, const std::string& rule) {
  int n = 0;
  for (const auto& f : r.findings) n += f.rule == rule ? 1 : 0;
  return n;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

// Replaces the line starting with `start` by `line`.
void replace_line(std::string& text, const std::string& start, const std::string& line) {
  const std::size_t at = text.find(start);
  ASSERT_NE(at, std::string::npos) << start;
  text.replace(at, text.find('\n', at) - at, line);
}

// The document as the table reader leaves it (no facts, no settling). The document keeps a
// view of the text: a temporary would dangle, so it cannot be passed.
nianbao::detail::Document read(std::string&& text) = delete;
nianbao::detail::Document read(const std::string& text) {
  nianbao::detail::Document doc(text);
  nianbao::detail::read_outline(doc);
  nianbao::detail::read_tables(doc);
  return doc;
}

const nianbao::detail::ShapeIssue* issue(const nianbao::detail::Document& doc, int table,
                                         nianbao::detail::ShapeKind kind) {
  for (const auto& is : doc.tables.issues) {
    if (is.table == table && is.kind == kind) return &is;
  }
  return nullptr;
}

}  // namespace

TEST(Source, LineAndCodePointColumnOfTheOriginalInput) {
  const std::string text = "第一行\r\n二、主动\t１２\n\rlast";
  const nianbao::detail::Source src(text);
  EXPECT_EQ(src.line_count(), 4);
  const std::size_t digits = text.find("１２");
  EXPECT_EQ(src.position(digits), std::make_pair(2, 6));  // 二 、 主 动 TAB then １
  EXPECT_EQ(src.line_text(2), "二、主动\t１２");
  EXPECT_EQ(src.position(text.find("last")), std::make_pair(4, 1));
}

TEST(Normalise, FoldsWidthsSpacesQuotesAndKeepsOffsets) {
  const std::string in = "（一）\xE3\x80\x80１２，３\xC2\xA0“三安全一稳定”1、";
  const auto n = nianbao::detail::normalise(in);
  EXPECT_EQ(n.text, "(一) 12,3 \"三安全一稳定\"1.");
  // Every normalised byte maps back to the start of its source character.
  EXPECT_EQ(n.orig[n.text.find("12")], in.find("１２"));
  EXPECT_EQ(n.orig[n.text.size()], in.size());
}

TEST(Decode, Utf8BomUtf16AndGb18030GiveTheSameText) {
  const std::string utf8 = "湘乡市自然资源局2025年";
  auto d = nianbao::decode_input(utf8);
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.encoding, "utf-8");
  d = nianbao::decode_input("\xEF\xBB\xBF" + utf8);
  EXPECT_EQ(d.encoding, "utf-8-bom");
  EXPECT_EQ(d.utf8, utf8);
  // UTF-16LE with BOM: 湘 U+6E58, 2 U+0032.
  d = nianbao::decode_input(std::string("\xFF\xFE\x58\x6E\x32\x00", 6));
  EXPECT_EQ(d.encoding, "utf-16le");
  EXPECT_EQ(d.utf8, "湘2");
  // GB18030/GBK: 湘 = CF E6, 乡 = CF E7.
  d = nianbao::decode_input(
      "\xCF\xE6\xCF\xE7"
      "2025");
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.encoding, "gb18030");
  EXPECT_EQ(d.utf8, "湘乡2025");
  d = nianbao::decode_input(std::string("\x00\xFF\x01\x80", 4));
  EXPECT_FALSE(d.ok);
  EXPECT_FALSE(d.error.empty());
}

TEST(Reader, FullWidthDigitsThousandsSeparatorsAndLabelsBrokenAcrossLines) {
  ReportBuilder b;
  b.cells["t2.licensing"] = "１３,６１２";
  std::string text = b.build();
  replace_all(text, "（七）总计", "（七）\n总计");
  replace_all(text, "4.保护第三方合法权益", "4.保护第三方\n合法权益");
  const Result r = nianbao::check(text);
  const auto* lic = cell(r, "t2.licensing");
  ASSERT_NE(lic, nullptr);
  EXPECT_EQ(lic->value.value_or(-1), 13612);
  EXPECT_EQ(lic->raw, "１３,６１２");
  EXPECT_EQ(cell(r, "t3.results_total.total")->value.value_or(-1), 12);
  EXPECT_EQ(cell(r, "t3.withheld.third_party.total")->status, CellStatus::ok);
  EXPECT_EQ(r.summary.errors, 0);
}

TEST(Reader, OneCellPerLineWithPageNumbersAndBlankLines) {
  ReportBuilder b;
  std::string text = b.build();
  // pdftotext without -layout: every cell on its own line, blank lines and a page number.
  replace_all(text, "\t", "\n\n");
  const std::size_t at = text.find("4.保护第三方合法权益");
  text.insert(at, "\n-3-\n\n");
  const Result r = nianbao::check(text);
  for (const auto& c : r.cells) EXPECT_EQ(c.status, CellStatus::ok) << c.id;
  EXPECT_EQ(r.cells.size(), 200u);
  EXPECT_EQ(r.summary.errors, 0) << nianbao::to_text(r, text, "x");
}

TEST(Reader, LabelsAwayFromNumbersAreReadInTemplateOrderWhenArithmeticSettlesIt) {
  // pdftotext without -layout may print a block of rows' numbers first and their labels
  // after them. Row order is the template's; each row total must hold.
  ReportBuilder b;
  b.set_t3("withheld.process", 0, "3");
  b.set_t3("withheld.process", 6, "3");
  b.set_t3("granted", 0, "8");
  b.set_t3("granted", 6, "8");
  std::string text = b.build();
  const std::size_t s3 = text.find("一、本年新收");
  const std::size_t s4 = text.find("四、政府信息公开行政复议");
  std::string numbers, labels;
  std::size_t pos = s3;
  while (pos < s4) {
    const std::size_t eol = text.find('\n', pos);
    const std::string line = text.substr(pos, eol - pos);
    const std::size_t tab = line.find('\t');
    if (tab != std::string::npos) {
      labels += line.substr(0, tab) + "\n";
      std::string vals = line.substr(tab + 1);
      replace_all(vals, "\t", "\n");
      numbers += vals + "\n";
    }
    pos = eol + 1;
  }
  text = text.substr(0, s3) + numbers + labels + "\n" + text.substr(s4);
  const Result r = nianbao::check(text);
  EXPECT_EQ(cell(r, "t3.withheld.process.natural_person")->value.value_or(-1), 3);
  EXPECT_EQ(cell(r, "t3.granted.total")->value.value_or(-1), 8);
  EXPECT_EQ(cell(r, "t3.new.total")->value.value_or(-1), 10);
  EXPECT_EQ(r.summary.errors, 0) << nianbao::to_text(r, text, "x");
}

TEST(RunTogether, RowCutByItsTotalAndRecordedInTheCellNote) {
  ReportBuilder b;
  std::string text = b.build();
  // "一、本年新收政府信息公开申请数量\t10\t0…\t10" becomes "…数量10000000 10" glued.
  const std::size_t at = text.find("一、本年新收政府信息公开申请数量");
  const std::size_t eol = text.find('\n', at);
  text.replace(at, eol - at, "一、本年新收政府信息公开申请数量100000010");
  const Result r = nianbao::check(text);
  const auto* c = cell(r, "t3.new.natural_person");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, CellStatus::ok);
  EXPECT_EQ(c->value.value_or(-1), 10);
  EXPECT_NE(c->note.find("连写数字"), std::string::npos);
  EXPECT_EQ(cell(r, "t3.new.total")->value.value_or(-1), 10);
  EXPECT_EQ(r.summary.errors, 0);
}

TEST(RunTogether, TwoValidSplitsAreBothReportedAndNothingIsGuessed) {
  ReportBuilder b;
  std::string text = b.build();
  // Table 2 has no arithmetic: "693665" is 69/36/65 or 6/93/665 or … : ambiguous.
  const std::size_t at = text.find("行政规范性文件\t");
  const std::size_t eol = text.find('\n', at);
  text.replace(at, eol - at, "行政规范性文件693665");
  // Table 3: "220000022" fits the row total in two cuts, 2/20/0/0/0/0/22 and
  // 22/0/0/0/0/0/22, and the column identities (which fail either way) cannot choose.
  const std::size_t g = text.find("8.属于行政查询事项");
  const std::size_t ge = text.find('\n', g);
  text.replace(g, ge - g, "8.属于行政查询事项220000022");
  const Result r = nianbao::check(text);
  const auto* n = cell(r, "t2.normative.made");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->status, CellStatus::ambiguous);
  EXPECT_FALSE(n->value.has_value());
  const auto* q = cell(r, "t3.withheld.query.natural_person");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->status, CellStatus::ambiguous);
  EXPECT_EQ(cell(r, "t3.withheld.query.commercial")->status, CellStatus::ambiguous);
  // Both cuts agree on the other cells, so those are known: 总计 22, the rest 0.
  const auto* total = cell(r, "t3.withheld.query.total");
  EXPECT_EQ(total->status, CellStatus::ok);
  EXPECT_EQ(total->value.value_or(-1), 22);
  EXPECT_EQ(cell(r, "t3.withheld.query.other_org")->value.value_or(-1), 0);
  bool both = false;
  for (const auto& f : r.findings) {
    if (f.rule == "table-shape" && f.message.find("220000022") != std::string::npos) {
      both = f.message.find("2/20/0/0/0/0/22") != std::string::npos &&
             f.message.find("22/0/0/0/0/0/22") != std::string::npos;
      EXPECT_EQ(f.status, nianbao::FindingStatus::uncertain);
    }
  }
  EXPECT_TRUE(both) << nianbao::to_text(r, text, "x");
}

TEST(RunTogether, SpacedSeparateNumbersAreNeverCut) {
  ReportBuilder b;
  b.shape = ReportBuilder::Shape::spaces;
  std::string text = b.build();
  // Six numbers for seven cells, separated by spaces: ambiguous, not a cut of "12".
  const std::size_t at = text.find("（七）总计");
  const std::size_t eol = text.find('\n', at);
  text.replace(at, eol - at, "（七）总计      12     0     0     0     0     12");
  const Result r = nianbao::check(text);
  EXPECT_EQ(cell(r, "t3.results_total.natural_person")->status, CellStatus::ambiguous);
}

TEST(RunTogether, TableFourGroupsSettledByTheirTotals) {
  ReportBuilder b;
  std::string text = b.build();
  const std::size_t at = text.find("5\t2\t0");
  const std::size_t eol = text.find('\n', at);
  text.replace(at, eol - at, "尚未审结总计52007120001200000");
  const Result r = nianbao::check(text);
  EXPECT_EQ(cell(r, "t4.review.total")->value.value_or(-1), 7);
  EXPECT_EQ(cell(r, "t4.suit_direct.upheld")->value.value_or(-1), 12);
  EXPECT_EQ(cell(r, "t4.suit_after_review.total")->value.value_or(-1), 0);
  EXPECT_EQ(r.summary.errors, 0) << nianbao::to_text(r, text, "x");
}

TEST(Formats, PreNineteenReportGetsOneFormatFindingAndNoTableErrors) {
  const std::string text =
      "平潭县人民政府2012年政府信息公开工作年度报告\n"
      "一、概述\n2012年，我县认真贯彻《条例》。\n"
      "二、主动公开政府信息情况\n全年主动公开政府信息1200条。\n"
      "三、依申请公开政府信息情况\n共受理申请5件，均已办结。\n"
      "四、政府信息公开的收费及减免情况\n未收取任何费用。\n";
  const Result r = nianbao::check(text);
  EXPECT_EQ(r.format, "pre-2019");
  EXPECT_EQ(count_rule(r, "format-legacy"), 1);
  EXPECT_EQ(count_rule(r, "table-shape"), 0);
  EXPECT_EQ(count_rule(r, "section-missing"), 0);
  EXPECT_EQ(r.summary.errors, 0) << nianbao::to_text(r, text, "x");
}

TEST(Structured, AnUnmappedRowCarriesItsNumbersInOrder) {
  // Corpus 000's table 4: 11 numbers (one blank between two of them) for 15 cells.
  ReportBuilder b;
  std::string text = b.build();
  replace_line(text, "5\t2\t0", "\t\t\t\t\t5\t2\t0\t0\t7\t\t0\t0\t0\t0\t0");
  const auto doc = read(text);
  const auto* is = issue(doc, 4, nianbao::detail::ShapeKind::cell_count);
  ASSERT_NE(is, nullptr);
  EXPECT_EQ(is->expected, 15);
  EXPECT_EQ(is->found, 11);
  ASSERT_EQ(is->numbers.size(), 11u);
  const double want[] = {5, 2, 0, 0, 7, -1, 0, 0, 0, 0, 0};
  for (std::size_t k = 0; k < 11; ++k) {
    const auto& n = is->numbers[k];
    if (want[k] < 0) {
      EXPECT_EQ(n.status, CellStatus::blank) << k;
      continue;
    }
    EXPECT_EQ(n.status, CellStatus::ok) << k;
    EXPECT_EQ(n.value.value_or(-1), want[k]) << k;
  }
  // Offsets point into the input: the first number is the 5 after the five empty cells.
  EXPECT_EQ(is->numbers[0].offset, text.find("\t\t\t\t\t5") + 5);
  EXPECT_EQ(is->numbers[0].raw, "5");
  EXPECT_EQ(is->cells.size(), 15u);
  EXPECT_EQ(is->cells.front(), nianbao::detail::t4_cell(0, 0));
}

TEST(Structured, ARunTogetherRowCarriesItsCandidateCuts) {
  ReportBuilder b;
  std::string text = b.build();
  replace_line(text, "行政规范性文件\t", "行政规范性文件693665");
  const auto doc = read(text);
  const auto* is = issue(doc, 2, nianbao::detail::ShapeKind::run_together);
  ASSERT_NE(is, nullptr);
  EXPECT_EQ(is->run, "693665");
  EXPECT_TRUE(is->all_cuts);
  ASSERT_EQ(is->cuts.size(), 10u);  // every cut of six digits into three numbers
  const std::size_t digits = text.find("693665");
  for (const auto& cut : is->cuts) {
    ASSERT_EQ(cut.size(), 3u);
    std::string joined;
    for (const auto& part : cut) {
      EXPECT_EQ(part.offset, digits + joined.size());
      EXPECT_EQ(part.value, std::stod(part.digits));
      joined += part.digits;
    }
    EXPECT_EQ(joined, "693665");
  }
  EXPECT_EQ(is->cells, (std::vector<nianbao::detail::CellId>{nianbao::detail::t2_cell(3),
                                                             nianbao::detail::t2_cell(4),
                                                             nianbao::detail::t2_cell(5)}));
}

namespace {

// A report whose 行政规范性文件 row ran together ("8855698": 88/55/698 among other cuts) and
// whose narrative says `said` (in section 1, or in section 2 below table 2).
std::string run_together_t2(const std::string& said, bool in_table_section = false) {
  ReportBuilder b;
  std::string text = b.build();
  replace_line(text, "行政规范性文件\t", "行政规范性文件8855698");
  if (in_table_section) {
    text.insert(text.find("三、收到和处理政府信息公开申请情况"), said);
  } else {
    const std::string anchor = "监督保障工作。";
    text.insert(text.find(anchor) + anchor.size(), said);
  }
  return text;
}

std::vector<double> normative(const nianbao::detail::Document& doc) {
  std::vector<double> out;
  for (std::size_t k = 3; k < 6; ++k) {
    const auto* c = doc.tables.cell(nianbao::detail::t2_cell(k));
    out.push_back(c && c->status == CellStatus::ok ? c->value.value_or(-1) : -1);
  }
  return out;
}

}  // namespace

TEST(SettleTables, ReadTablesLeavesTheCutsPendingAsIfTheNarrativeSaidNothing) {
  const std::string doc_text =
      run_together_t2("本年度制发规范性文件88件，现行有效行政规范性文件698件。");
  const auto doc = read(doc_text);
  ASSERT_EQ(doc.tables.t2_pending.size(), 1u);
  const auto& p = doc.tables.t2_pending.front();
  EXPECT_EQ(p.row, 1u);
  EXPECT_EQ(p.cuts.size(), 15u);  // every cut of seven digits into three numbers
  EXPECT_EQ(normative(doc), (std::vector<double>{-1, -1, -1}));
  const auto* is = issue(doc, 2, nianbao::detail::ShapeKind::run_together);
  ASSERT_NE(is, nullptr);
  EXPECT_EQ(is->cuts.size(), 15u);
}

TEST(SettleTables, TheNarrativesNumbersChooseTheCut) {
  const std::string doc_text =
      run_together_t2("本年度制发规范性文件88件，现行有效行政规范性文件698件。");
  auto doc = read(doc_text);
  nianbao::detail::settle_tables(doc, nianbao::detail::extract_facts(doc));
  EXPECT_EQ(normative(doc), (std::vector<double>{88, 55, 698}));
  EXPECT_TRUE(doc.tables.t2_pending.empty());
  EXPECT_EQ(issue(doc, 2, nianbao::detail::ShapeKind::run_together), nullptr);
  const auto* made = doc.tables.cell(nianbao::detail::t2_cell(3));
  EXPECT_NE(made->note.find("并与正文所述数字印证"), std::string::npos) << made->note;
  // The same through check(), the only way users see it.
  const Result r =
      nianbao::check(run_together_t2("本年度制发规范性文件88件，现行有效行政规范性文件698件。"));
  EXPECT_EQ(cell(r, "t2.normative.repealed")->value.value_or(-1), 55);
  EXPECT_EQ(count_rule(r, "table-shape"), 0);
}

TEST(SettleTables, EachNumberOnItsOwnAndOneThatFitsNoCutIsIgnored) {
  // 制发 88 leaves four cuts (88/5/5698, 88/55/698, 88/556/98, 88/5569/8); 现行有效 393 fits
  // none and is ignored. The issue keeps the four, and the cell they agree on is known.
  const std::string doc_text =
      run_together_t2("本年度制发规范性文件88件，现行有效行政规范性文件393件。");
  auto doc = read(doc_text);
  nianbao::detail::settle_tables(doc, nianbao::detail::extract_facts(doc));
  EXPECT_EQ(normative(doc), (std::vector<double>{88, -1, -1}));
  const auto* is = issue(doc, 2, nianbao::detail::ShapeKind::run_together);
  ASSERT_NE(is, nullptr);
  EXPECT_EQ(is->cuts.size(), 4u);
  EXPECT_NE(is->hint.find("有4种拆分方式"), std::string::npos) << is->hint;
  EXPECT_EQ(doc.tables.cell(nianbao::detail::t2_cell(4))->status, CellStatus::ambiguous);
}

TEST(SettleTables, TwoDifferentNumbersForOneColumnAndTheTablesOwnSectionAreNotUsed) {
  const std::string doc_text = run_together_t2("本年度制发规范性文件88件。另制发规范性文件89件。");
  auto doc = read(doc_text);
  nianbao::detail::settle_tables(doc, nianbao::detail::extract_facts(doc));
  EXPECT_EQ(normative(doc), (std::vector<double>{-1, -1, -1}));
  // Prose inside table 2's region (its section) is the table's own text, not the narrative.
  const std::string inside_text = run_together_t2("本年度制发规范性文件88件。\n", true);
  auto inside = read(inside_text);
  ASSERT_EQ(inside.tables.t2_pending.size(), 1u);
  const auto facts = nianbao::detail::extract_facts(inside);
  ASSERT_EQ(facts.facts.size(), 1u);  // it is a fact, and it lies in the region
  EXPECT_EQ(facts.facts[0].value, 88);
  nianbao::detail::settle_tables(inside, facts);
  EXPECT_EQ(normative(inside), (std::vector<double>{-1, -1, -1}));
}
