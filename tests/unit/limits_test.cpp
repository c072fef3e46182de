// Hostile input and limits: the size limit, pathological inputs (sized so that a quadratic
// loop in the core would take minutes), the same report in every supported encoding, and
// every input kept in tests/regress/ (crashes and hangs found by fuzzing).
//
// No timing is asserted: a regression to quadratic time shows up as a test that does not end
// (ctest's timeout), the results themselves are asserted here.
#include <gtest/gtest.h>
#include <iconv.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "nianbao/nianbao.hpp"

namespace fs = std::filesystem;
using nianbao::Result;

namespace {

const fs::path kCorpusDir = NIANBAO_CORPUS_DIR;
const fs::path kRegressDir = fs::path(NIANBAO_TESTS_DIR) / "regress";
const char* const kSample = "000-xiangxiang-ziranziyuan-2025/report.txt";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& sample() {
  static const std::string text = read_file(kCorpusDir / kSample);
  return text;
}

const Result& sample_result() {
  static const Result r = nianbao::check(sample());
  return r;
}

// Every report text of the corpus (not the PDFs, not the README).
std::vector<fs::path> corpus_reports() {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(kCorpusDir)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && (name == "report.txt" || name == "report.md" || name == "page.txt" ||
                                name.rfind("pdftotext-", 0) == 0)) {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string repeat(std::string_view piece, std::size_t at_least_bytes) {
  std::string s;
  s.reserve(at_least_bytes + piece.size());
  while (s.size() < at_least_bytes) s.append(piece);
  return s;
}

// Inserts `what` at the start of the line holding the first occurrence of `anchor`.
std::string insert_before_line_of(std::string text, std::string_view anchor,
                                  const std::string& what) {
  const std::size_t at = text.find(anchor);
  EXPECT_NE(at, std::string::npos) << anchor;
  const std::size_t line = text.rfind('\n', at);
  text.insert(line == std::string::npos ? 0 : line + 1, what);
  return text;
}

// Result and JSON are well formed, whatever the input.
void expect_well_formed(const Result& r) {
  EXPECT_GE(r.exit_code, 0);
  EXPECT_LE(r.exit_code, 2);
  EXPECT_EQ(r.exit_code == 2, !r.input_error.empty()) << r.input_error;
  const std::string json = nianbao::to_json(r);
  const auto j = nlohmann::json::parse(json, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << json.substr(0, 200);
  EXPECT_EQ(j.value("schema", 0), nianbao::kSchemaVersion);
  if (r.exit_code == 2) {
    EXPECT_TRUE(j.contains("error")) << json.substr(0, 200);
    EXPECT_FALSE(j["error"].value("message", "").empty());
  }
}

// Same cells (id, value, status, raw), optionally with the same positions.
void expect_same_cells(const Result& a, const Result& b, bool positions) {
  ASSERT_EQ(a.cells.size(), b.cells.size());
  for (std::size_t k = 0; k < a.cells.size(); ++k) {
    const auto& x = a.cells[k];
    const auto& y = b.cells[k];
    SCOPED_TRACE(x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.value, y.value);
    EXPECT_EQ(x.status, y.status);
    EXPECT_EQ(x.raw, y.raw);
    if (positions) {
      EXPECT_EQ(x.line, y.line);
      EXPECT_EQ(x.column, y.column);
    }
  }
}

// Same cells, findings (rule, place) and sections: the whole verdict.
void expect_same_verdict(const Result& a, const Result& b) {
  EXPECT_EQ(a.exit_code, b.exit_code);
  EXPECT_EQ(a.input_lines, b.input_lines);
  EXPECT_EQ(a.agency, b.agency);
  EXPECT_EQ(a.year, b.year);
  EXPECT_EQ(a.format, b.format);
  expect_same_cells(a, b, true);
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (std::size_t k = 0; k < a.findings.size(); ++k) {
    EXPECT_EQ(a.findings[k].rule, b.findings[k].rule);
    EXPECT_EQ(a.findings[k].line, b.findings[k].line);
    EXPECT_EQ(a.findings[k].column, b.findings[k].column);
    EXPECT_EQ(a.findings[k].cells, b.findings[k].cells);
  }
  ASSERT_EQ(a.sections.size(), b.sections.size());
  for (std::size_t k = 0; k < a.sections.size(); ++k) {
    EXPECT_EQ(a.sections[k].heading, b.sections[k].heading);
    EXPECT_EQ(a.sections[k].line, b.sections[k].line);
  }
}

// UTF-8 -> another encoding through iconv(3) (glibc).
std::string convert(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << to;
  if (cd == reinterpret_cast<iconv_t>(-1)) return {};
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* o = out.data();
  std::size_t out_left = out.size();
  const std::size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
  iconv_close(cd);
  EXPECT_NE(rc, static_cast<std::size_t>(-1)) << to;
  EXPECT_EQ(in_left, 0u) << to;
  out.resize(out.size() - out_left);
  return out;
}

std::string to_crlf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 20);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

// ----- the size limit --------------------------------------------------------------------

TEST(Limits, MaximumIsBetween10And16MB) {
  EXPECT_GE(nianbao::kMaxInputBytes, 10u * 1024 * 1024);
  EXPECT_LE(nianbao::kMaxInputBytes, 16u * 1024 * 1024);
}

TEST(Limits, RefusesTextOverTheLimitWithAClearMessage) {
  const std::string big(nianbao::kMaxInputBytes + 1, 'a');
  const Result r = nianbao::check(big);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.input_error.find("16 MB"), std::string::npos) << r.input_error;
  EXPECT_NE(r.input_error.find("too large"), std::string::npos) << r.input_error;
  EXPECT_NE(r.input_error.find("输入过大"), std::string::npos) << r.input_error;
  EXPECT_TRUE(r.cells.empty());
  expect_well_formed(r);
  const auto j = nlohmann::json::parse(nianbao::to_json(r));
  EXPECT_EQ(j["exit_code"], 2);
  EXPECT_EQ(j["input"]["bytes"], nianbao::kMaxInputBytes + 1);
}

TEST(Limits, TheLimitCountsTheBytesAsSupplied) {
  // A UTF-16 file of 16 MB + 1 decodes to less UTF-8, but it is still over the limit.
  nianbao::Options over;
  over.input_bytes = nianbao::kMaxInputBytes + 1;
  EXPECT_EQ(nianbao::check(sample(), over).exit_code, 2);
  nianbao::Options at;
  at.input_bytes = nianbao::kMaxInputBytes;
  const Result r = nianbao::check(sample(), at);
  EXPECT_NE(r.exit_code, 2) << r.input_error;
  EXPECT_EQ(r.cells.size(), sample_result().cells.size());
}

TEST(Limits, AReportOfExactlyTheLimitIsChecked) {
  // Report 000 repeated up to exactly kMaxInputBytes: the first copy's cells are read.
  std::string text = repeat(sample(), nianbao::kMaxInputBytes);
  text.resize(text.rfind('\n', nianbao::kMaxInputBytes - 1) + 1);
  text.append(nianbao::kMaxInputBytes - text.size(), ' ');
  ASSERT_EQ(text.size(), nianbao::kMaxInputBytes);
  const Result r = nianbao::check(text);
  EXPECT_NE(r.exit_code, 2) << r.input_error;
  expect_same_cells(r, sample_result(), true);
  expect_well_formed(r);
}

// ----- pathological inputs ---------------------------------------------------------------

TEST(Pathological, FiveMillionDigitsOnOneLine) {
  const std::string digits(5'000'000, '7');
  const Result alone = nianbao::check(digits);
  EXPECT_EQ(alone.exit_code, 2);
  expect_well_formed(alone);

  // Inside a report (between sections 1 and 2) and after it: the report reads the same.
  const Result mid = nianbao::check(insert_before_line_of(sample(), "二、", digits + "\n"));
  expect_well_formed(mid);
  EXPECT_EQ(mid.exit_code, sample_result().exit_code);
  expect_same_cells(mid, sample_result(), false);
  const Result end = nianbao::check(sample() + "\n" + digits + "\n");
  EXPECT_EQ(end.exit_code, sample_result().exit_code);
  expect_same_cells(end, sample_result(), true);
}

TEST(Pathological, DigitsAndSeparatorsOnOneLine) {
  // 4 MB of "12345678901234567890 " and of "1\t": millions of number tokens on one line.
  for (const char* piece : {"12345678901234567890 ", "1\t", "１，２３４。"}) {
    const Result r = nianbao::check(sample() + repeat(piece, 4'000'000));
    expect_well_formed(r);
    EXPECT_NE(r.exit_code, 2) << piece;
    expect_same_cells(r, sample_result(), true);
  }
}

TEST(Pathological, AMillionTabs) {
  const std::string tabs(1'000'000, '\t');
  const Result alone = nianbao::check(tabs);
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_NE(alone.input_error.find("empty"), std::string::npos) << alone.input_error;
  const Result mid = nianbao::check(insert_before_line_of(sample(), "三、", tabs + "\n"));
  expect_well_formed(mid);
  expect_same_cells(mid, sample_result(), false);
  const Result end = nianbao::check(sample() + tabs);
  expect_same_cells(end, sample_result(), true);
}

TEST(Pathological, AHeadingRepeated100000Times) {
  const Result alone = nianbao::check(repeat("一、总体情况\n", 100'000 * 19));
  EXPECT_EQ(alone.exit_code, 2);
  expect_well_formed(alone);

  // The report, then the heading of section 3 another 100,000 times.
  const std::string heading = "三、收到和处理政府信息公开申请情况\n";
  const Result after = nianbao::check(sample() + repeat(heading, heading.size() * 100'000));
  expect_well_formed(after);
  EXPECT_NE(after.exit_code, 2);
  expect_same_cells(after, sample_result(), true);

  // A table-3 row label 100,000 times: one table read, no blow-up in findings.
  const Result rows =
      nianbao::check(repeat("本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t7\n", 4'000'000));
  expect_well_formed(rows);
  EXPECT_LE(rows.findings.size(), 200u);
}

TEST(Pathological, TenMegabytesWithoutALineBreak) {
  std::string one = repeat(sample(), 10'000'000);
  std::replace(one.begin(), one.end(), '\n', ' ');
  const Result r = nianbao::check(one);
  expect_well_formed(r);
  EXPECT_EQ(r.input_lines, 1);
  EXPECT_NE(r.exit_code, 2);
}

TEST(Pathological, TenMegabytesOfReportsIsLinearAndReadsTheFirstReport) {
  // The benchmark's scaling series (BM_Scaling) measures this; here the result is checked.
  const Result r = nianbao::check(repeat(sample(), 10'000'000));
  expect_well_formed(r);
  expect_same_cells(r, sample_result(), true);
}

TEST(Pathological, RandomBinary) {
  std::mt19937 gen(20261127);
  std::string bin(1 << 20, '\0');
  for (char& c : bin) c = static_cast<char>(gen() & 0xFF);
  const nianbao::Decoded d = nianbao::decode_input(bin);
  EXPECT_FALSE(d.ok);
  EXPECT_NE(d.error.find("unknown encoding or binary"), std::string::npos) << d.error;
  const Result r = nianbao::check(bin);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.input_error.find("not text"), std::string::npos) << r.input_error;
  expect_well_formed(r);
}

TEST(Pathological, ThePdfsOfTheCorpusAreRefused) {
  int pdfs = 0;
  for (const auto& e : fs::recursive_directory_iterator(kCorpusDir)) {
    if (e.path().extension() != ".pdf") continue;
    ++pdfs;
    const std::string bytes = read_file(e.path());
    const nianbao::Decoded d = nianbao::decode_input(bytes);
    const Result r = nianbao::check(d.ok ? d.utf8 : bytes);
    EXPECT_EQ(r.exit_code, 2) << e.path();
    expect_well_formed(r);
  }
  EXPECT_GE(pdfs, 3);
}

TEST(Pathological, InvalidUtf8IsAClearError) {
  for (const char* bad : {"\xC3\x28", "\xFF", "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80"}) {
    const std::string text = insert_before_line_of(sample(), "二、", bad);
    const nianbao::Decoded d = nianbao::decode_input(text);
    EXPECT_FALSE(d.ok);
    EXPECT_FALSE(d.error.empty());
    const Result r = nianbao::check(text);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.input_error.find("not text"), std::string::npos) << r.input_error;
    expect_well_formed(r);
  }
  // A megabyte of continuation bytes.
  const Result r = nianbao::check(std::string(1 << 20, '\x80'));
  EXPECT_EQ(r.exit_code, 2);
  expect_well_formed(r);
}

TEST(Pathological, NulBytes) {
  // A NUL at the start of every line reads as a space: the same report.
  std::string text;
  for (char c : sample()) {
    text += c;
    if (c == '\n') text += '\0';
  }
  const Result r = nianbao::check(text);
  expect_well_formed(r);
  EXPECT_NE(r.exit_code, 2) << r.input_error;
  expect_same_cells(r, sample_result(), false);
  // Nothing but NULs is binary, not a report.
  const Result nuls = nianbao::check(std::string(1 << 20, '\0'));
  EXPECT_EQ(nuls.exit_code, 2);
  expect_well_formed(nuls);
  // decode_input: NULs are valid UTF-8, not taken for GB18030.
  const nianbao::Decoded d = nianbao::decode_input(text);
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.encoding, "utf-8");
}

TEST(Pathological, LoneSurrogatesAsJavaScriptSendsThem) {
  // embind turns a lone surrogate of a JS string into F0 90 80 80 (U+10000), toolchain.md §4.
  const std::string lone = "\xF0\x90\x80\x80";
  std::string text = sample();
  text.insert(text.find('\n'), lone);
  text = insert_before_line_of(text, "二、", lone + lone + "\n");
  text += lone;
  const Result r = nianbao::check(text);
  expect_well_formed(r);
  EXPECT_EQ(r.exit_code, sample_result().exit_code);
  expect_same_cells(r, sample_result(), false);
  // A megabyte of them.
  const Result many = nianbao::check(repeat(lone, 1 << 20));
  EXPECT_EQ(many.exit_code, 2);
  expect_well_formed(many);
  // In UTF-16 input a lone surrogate becomes U+FFFD.
  const std::string utf16(
      "\xFF\xFE"
      "A\0"
      "\x00\xD8"
      "B\0"
      "\x00\xDC",
      10);
  const nianbao::Decoded d = nianbao::decode_input(utf16);
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.utf8,
            "A\xEF\xBF\xBD"
            "B\xEF\xBF\xBD");
}

// ----- one report, five encodings --------------------------------------------------------

struct Variant {
  std::string name;
  std::string bytes;
  std::string encoding;  // expected Decoded::encoding
};

std::vector<Variant> variants(const std::string& utf8) {
  return {
      {"utf-8", utf8, "utf-8"},
      {"utf-8 with BOM", "\xEF\xBB\xBF" + utf8, "utf-8-bom"},
      {"utf-16le with BOM", "\xFF\xFE" + convert(utf8, "UTF-16LE"), "utf-16le"},
      {"utf-16be with BOM", "\xFE\xFF" + convert(utf8, "UTF-16BE"), "utf-16be"},
      {"gb18030", convert(utf8, "GB18030"), "gb18030"},
      {"crlf", to_crlf(utf8), "utf-8"},
      {"gb18030 crlf", convert(to_crlf(utf8), "GB18030"), "gb18030"},
  };
}

TEST(Encodings, EveryCorpusReportGivesTheSameCellsInEveryEncoding) {
  const auto reports = corpus_reports();
  ASSERT_GE(reports.size(), 20u);
  int compared = 0;
  for (const auto& path : reports) {
    SCOPED_TRACE(path.string());
    const nianbao::Decoded plain = nianbao::decode_input(read_file(path));
    ASSERT_TRUE(plain.ok);
    const Result reference = nianbao::check(plain.utf8);
    for (const Variant& v : variants(plain.utf8)) {
      SCOPED_TRACE(v.name);
      const nianbao::Decoded d = nianbao::decode_input(v.bytes);
      ASSERT_TRUE(d.ok) << d.error;
      EXPECT_EQ(d.encoding, v.encoding);
      if (v.name.find("crlf") == std::string::npos) {
        EXPECT_EQ(d.utf8, plain.utf8);
      }
      nianbao::Options options;
      options.encoding = d.encoding;
      if (d.utf8.size() != v.bytes.size()) options.input_bytes = v.bytes.size();
      const Result r = nianbao::check(d.utf8, options);
      expect_same_verdict(r, reference);
      EXPECT_EQ(r.encoding, v.encoding);
      EXPECT_EQ(r.input_bytes, v.bytes.size());
      ++compared;
    }
  }
  EXPECT_EQ(compared, static_cast<int>(reports.size() * 7));
}

TEST(Encodings, LoneCarriageReturnsCountAsLineBreaks) {
  std::string cr = sample();
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  const Result r = nianbao::check(cr);
  expect_same_verdict(r, sample_result());
}

// ----- inputs kept from fuzzing ----------------------------------------------------------

TEST(Regress, EveryKeptInputGivesAResult) {
  ASSERT_TRUE(fs::is_directory(kRegressDir)) << kRegressDir;
  int inputs = 0;
  for (const auto& e : fs::directory_iterator(kRegressDir)) {
    if (!e.is_regular_file() || e.path().extension() == ".md") continue;
    SCOPED_TRACE(e.path().string());
    ++inputs;
    const std::string bytes = read_file(e.path());
    // As the CLI does: decode, check, JSON and text.
    const nianbao::Decoded d = nianbao::decode_input(bytes);
    EXPECT_EQ(d.ok, d.error.empty());
    if (d.ok) {
      const Result r = nianbao::check(d.utf8);
      expect_well_formed(r);
      if (r.exit_code != 2) {
        EXPECT_FALSE(nianbao::to_text(r, d.utf8, "regress").empty());
      }
    }
    // As the page may: the bytes as they are.
    expect_well_formed(nianbao::check(bytes));
    EXPECT_FALSE(nianbao::check_to_json(bytes, "{}").empty());
  }
  std::cout << "[ regress  ] " << inputs << " kept inputs\n";
}

}  // namespace
