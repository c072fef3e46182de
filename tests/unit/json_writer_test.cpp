// The streaming JSON writer (core/src/json_writer.hpp) against nlohmann/json's dump(), byte for
// byte: single values (strings with control characters, invalid UTF-8, lone surrogates, U+2028,
// long strings; integers; doubles), then whole documents: to_json() against the tree it replaced
// (json_reference.cpp) over every corpus input, excerpts, cross-year pairs, pastes of several
// reports, input errors, edge-case texts and a few hundred mutated inputs (fixed seed), and
// check_to_json() with options.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "json_writer.hpp"
#include "unit/json_reference.hpp"

namespace nianbao {
namespace {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

std::string nlohmann_dump(const ojson& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string written_string(std::string_view s) { return detail::json_string(s); }

template <class T>
std::string written_number(T v) {
  detail::JsonWriter w;
  w.value(v);
  return w.take();
}

std::string hex(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
    out += ' ';
  }
  return out;
}

// Strings nlohmann escapes or replaces in some way.
std::vector<std::string> tricky_strings() {
  std::vector<std::string> out = {
      "",
      "plain ascii",
      "中文，全角：（一）",
      "quote \" backslash \\ slash /",
      "\b\f\n\r\t",
      std::string("nul \0 inside", 12),
      "\x7f delete",
      "\xc2\x80\xc2\x9f C1 controls",
      "\xe2\x80\xa8 U+2028 \xe2\x80\xa9 U+2029",
      "\xef\xbb\xbf BOM, \xef\xbf\xbd U+FFFD, \xef\xbf\xbf U+FFFF",
      "\xf0\x90\x80\x80 U+10000, \xf4\x8f\xbf\xbf U+10FFFF",
      "\xed\xa0\x80 lone high surrogate",
      "\xed\xbf\xbf lone low surrogate",
      "\xed\xa0\xbd\xed\xb8\x80 surrogate pair in CESU-8",
      "\xf4\x90\x80\x80 above U+10FFFF",
      "\xc0\xaf overlong slash",
      "\xe0\x80\xaf overlong 3",
      "\xf0\x80\x80\xaf overlong 4",
      "\x80 lone continuation",
      "\xbf\xbf two continuations",
      "truncated 2 \xc3",
      "truncated 3 \xe4\xb8",
      "truncated 4 \xf0\x90\x80",
      "\xe4\xb8 truncated in the middle \xe4\xb8\xad",
      "\xf8\x88\x80\x80\x80 five bytes",
      "\xfe\xff bytes never in UTF-8",
      "\xc3\x28 bad continuation",
      "\xe2\x28\xa1 bad second byte",
      "\xe2\x82\x28 bad third byte",
      "\xf0\x28\x8c\xbc bad 4",
      "\xf0\x90\x28\xbc bad 4b",
      "\xf0\x28\x8c\x28 bad 4c",
      "mixed \x01\x02\x1f\x1e controls \xff then \" quote",
  };
  for (int c = 0; c < 0x20; ++c) out.push_back(std::string(1, static_cast<char>(c)) + "x");
  std::string long_cjk;
  for (int i = 0; i < 20000; ++i) long_cjk += "报告";
  out.push_back(long_cjk);
  out.push_back(long_cjk + "\xed\xa0\x80" + long_cjk);  // invalid far in
  std::string long_escapes;
  for (int i = 0; i < 5000; ++i) long_escapes += "\"\\\n\x01";
  out.push_back(long_escapes);
  // Every byte value after an ASCII letter and before / after a CJK character.
  for (int b = 0x80; b < 0x100; ++b) {
    const std::string byte(1, static_cast<char>(b));
    out.push_back("a" + byte + "b");
    out.push_back("\xe4\xb8\xad" + byte + "\xe4\xb8\xad");
    out.push_back(byte);
  }
  return out;
}

TEST(JsonWriter, StringsAsNlohmannDumpsThem) {
  for (const auto& s : tricky_strings()) {
    EXPECT_EQ(written_string(s), nlohmann_dump(ojson(s))) << hex(s.substr(0, 40));
  }
}

TEST(JsonWriter, RandomByteStringsAsNlohmannDumpsThem) {
  std::mt19937 rng(20261203);
  const std::string alphabet[] = {"a",
                                  "\"",
                                  "\\",
                                  "\n",
                                  "\x01",
                                  "\x7f",
                                  "\xe4\xb8\xad",
                                  "\xe2\x80\xa8",
                                  "\xf0\x90\x80\x80",
                                  "\xed\xa0\x80",
                                  "\x80",
                                  "\xc3",
                                  "\xe4",
                                  "\xf0",
                                  "\xff",
                                  "\xc0\xaf"};
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    const int len = static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) s += alphabet[rng() % std::size(alphabet)];
    ASSERT_EQ(written_string(s), nlohmann_dump(ojson(s))) << hex(s);
  }
}

TEST(JsonWriter, NumbersAsNlohmannDumpsThem) {
  const double doubles[] = {0.0,
                            -0.0,
                            1.0,
                            -1.5,
                            0.1,
                            0.3,
                            1e-7,
                            123456.789,
                            1e15,
                            1e16,
                            1e17,
                            1e21,
                            1e22,
                            1e-5,
                            1.0 / 3,
                            2.5e-300,
                            1e300,
                            12.34,
                            99.95,
                            -0.05,
                            4.9e-324,
                            1.7976931348623157e308,
                            std::numeric_limits<double>::quiet_NaN(),
                            std::numeric_limits<double>::infinity(),
                            -std::numeric_limits<double>::infinity()};
  for (const double d : doubles) {
    EXPECT_EQ(detail::json_double(d), nlohmann_dump(ojson(d))) << d;
    EXPECT_EQ(written_number(d), nlohmann_dump(ojson(d))) << d;
  }
  const long long ints[] = {0,
                            1,
                            -1,
                            9,
                            10,
                            2147483647,
                            -2147483648LL,
                            std::numeric_limits<long long>::max(),
                            std::numeric_limits<long long>::min()};
  for (const long long v : ints) {
    EXPECT_EQ(written_number(v), nlohmann_dump(ojson(v)));
    EXPECT_EQ(written_number(static_cast<int>(v)), nlohmann_dump(ojson(static_cast<int>(v))));
  }
  for (const unsigned long long v : {0ULL, 7ULL, std::numeric_limits<unsigned long long>::max()}) {
    EXPECT_EQ(written_number(v), nlohmann_dump(ojson(v)));
    EXPECT_EQ(written_number(static_cast<std::size_t>(v)),
              nlohmann_dump(ojson(static_cast<std::size_t>(v))));
  }
}

TEST(JsonWriter, ContainersAsNlohmannDumpsThem) {
  detail::JsonWriter w(1);  // grows from the smallest buffer
  w.begin_object();
  w.key("empty_object");
  w.begin_object();
  w.end_object();
  w.key("empty_array");
  w.begin_array();
  w.end_array();
  w.key("nested");
  w.begin_array();
  w.begin_array();
  w.end_array();
  w.begin_object();
  w.member("a", 1);
  w.member("b", "x");
  w.key("c");
  w.value(nullptr);
  w.end_object();
  w.value(true);
  w.value(2.5);
  w.end_array();
  w.key(std::string("\xed\xa0\x80 key"));  // a key from the data: checked and replaced
  w.value(false);
  w.end_object();
  ojson j;
  j["empty_object"] = ojson::object();
  j["empty_array"] = ojson::array();
  j["nested"] =
      ojson::array({ojson::array(), ojson{{"a", 1}, {"b", "x"}, {"c", nullptr}}, true, 2.5});
  j["\xed\xa0\x80 key"] = false;
  EXPECT_EQ(w.take(), nlohmann_dump(j));
  detail::JsonWriter t;
  t.begin_array();
  t.end_array();
  EXPECT_EQ(t.take(), "[]");
}

// --- whole documents --------------------------------------------------------------------------

const fs::path kCorpusDir = NIANBAO_CORPUS_DIR;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The inputs Snapshots.Text reads (.txt, .md, .html, .htm of the corpus), decoded, sorted.
std::vector<std::pair<std::string, std::string>> corpus_texts() {
  std::vector<std::pair<std::string, std::string>> out;
  if (!fs::is_directory(kCorpusDir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(kCorpusDir)) {
    const std::string ext = e.path().extension().string();
    if (!e.is_regular_file() || e.path().filename() == "README.md") continue;
    if (ext != ".txt" && ext != ".md" && ext != ".html" && ext != ".htm") continue;
    const Decoded d = decode_input(read_file(e.path()));
    if (d.ok) out.emplace_back(fs::relative(e.path(), kCorpusDir).generic_string(), d.utf8);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The first line where two documents differ, for the failure message.
std::string first_difference(const std::string& a, const std::string& b) {
  const auto m = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  const auto at = static_cast<std::size_t>(m.first - a.begin());
  const std::size_t line_start = at == 0 ? 0 : a.rfind('\n', at - 1) + 1;
  const std::size_t line = static_cast<std::size_t>(std::count(a.begin(), m.first, '\n')) + 1;
  return "line " + std::to_string(line) + ": new «" + a.substr(line_start, 160) + "» tree «" +
         b.substr(line_start, 160) + "»";
}

// to_json(check(text, o)) equals the tree's dump of the same result.
::testing::AssertionResult same_json(const std::string& text, const Options& o = {}) {
  const Result r = check(text, o);
  const std::string written = to_json(r);
  const std::string tree = testing::to_json_tree(r);
  if (written == tree) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << first_difference(written, tree);
}

TEST(CorpusJsonIdentity, EveryInputFullAndExcerpt) {
  const auto texts = corpus_texts();
  if (texts.empty()) GTEST_SKIP() << "corpus not found at " << kCorpusDir;
  for (const auto& [name, text] : texts) {
    EXPECT_TRUE(same_json(text)) << name;
    Options excerpt;
    excerpt.scope = ScopeMode::excerpt;
    EXPECT_TRUE(same_json(text, excerpt)) << name << " (excerpt)";
    Options full;
    full.scope = ScopeMode::full;
    full.encoding = "gb18030";
    full.input_bytes = text.size() * 2 / 3;
    full.min_severity = Severity::warning;
    full.ignore = {"t3-balance", "sections-present"};
    EXPECT_TRUE(same_json(text, full)) << name << " (full, options)";
  }
}

TEST(CorpusJsonIdentity, CrossYearPairs) {
  const auto texts = corpus_texts();
  if (texts.size() < 2) GTEST_SKIP() << "corpus not found at " << kCorpusDir;
  // Each input with the one before it as last year's report (the real pairs among them:
  // 001 → 002, 033 → … → 039), and the first with a text that is no report.
  for (std::size_t i = 1; i < texts.size(); ++i) {
    Options o;
    o.previous = texts[i - 1].second;
    EXPECT_TRUE(same_json(texts[i].second, o)) << texts[i - 1].first << " → " << texts[i].first;
  }
  Options o;
  o.previous = "不是报告 \xed\xa0\x80";
  EXPECT_TRUE(same_json(texts[0].second, o));
}

TEST(CorpusJsonIdentity, PastesOfSeveralReports) {
  const auto texts = corpus_texts();
  if (texts.size() < 3) GTEST_SKIP() << "corpus not found at " << kCorpusDir;
  for (std::size_t i = 0; i + 2 < texts.size(); i += 2) {
    const std::string paste =
        texts[i].second + "\n\n" + texts[i + 1].second + "\n\n" + texts[i + 2].second;
    EXPECT_TRUE(same_json(paste)) << texts[i].first << " + 2";
    Options o;
    o.previous = texts[i].second;
    EXPECT_TRUE(same_json(paste, o)) << texts[i].first << " + 2, with previous";
  }
}

TEST(CorpusJsonIdentity, EdgeCaseTexts) {
  const auto texts = corpus_texts();
  std::vector<std::string> inputs = {"",
                                     " ",
                                     "\n\n\n",
                                     "不是报告",
                                     std::string(100, '\0'),
                                     "\xed\xa0\x80\xf0\x90\x80\x80\xff\xfe"};
  if (!texts.empty()) {
    const std::string& base = texts[0].second;
    // Invalid UTF-8 and control characters in cells, headings and the title.
    std::string bad = base;
    for (std::size_t at = 0; at < bad.size(); at += 997) bad.insert(at, "\xed\xa0\x80");
    inputs.push_back(bad);
    std::string ctl = base;
    for (std::size_t at = 0; at < ctl.size(); at += 501) ctl.insert(at, "\x01\"\\\xe2\x80\xa8");
    inputs.push_back(ctl);
    std::string digits = base;
    for (auto& c : digits) {
      if (c >= '0' && c <= '9') c = static_cast<char>('0' + (c - '0' + 7) % 10);
    }
    inputs.push_back(digits);
    std::string one_line = base;
    std::replace(one_line.begin(), one_line.end(), '\n', ' ');
    inputs.push_back(one_line);
    inputs.push_back(base.substr(0, base.size() / 2));
    inputs.push_back(base + "\n" + std::string(70000, 'x') + "\xf0\x90\x80");
  }
  for (const auto& text : inputs) EXPECT_TRUE(same_json(text)) << hex(text.substr(0, 32));
}

TEST(CorpusJsonIdentity, InputErrors) {
  Options o;
  o.input_bytes = kMaxInputBytes + 1;  // over the size limit: exit code 2
  const Result r = check("x", o);
  ASSERT_EQ(r.exit_code, 2);
  EXPECT_EQ(to_json(r), testing::to_json_tree(r));
  Result invalid;
  invalid.exit_code = 2;
  invalid.input_error = "bad \xed\xa0\x80 bytes \x01 \"quoted\"";
  EXPECT_EQ(to_json(invalid), testing::to_json_tree(invalid));
  const Result empty;
  EXPECT_EQ(to_json(empty), testing::to_json_tree(empty));
}

// Edits of a corpus input: a line dropped, doubled or swapped, digits changed, bytes inserted.
std::string mutate(const std::string& text, std::mt19937& rng) {
  std::string s = text;
  const int edits = 1 + static_cast<int>(rng() % 6);
  static const std::string kInserts[] = {"\xed\xa0\x80",
                                         "\xf0\x90\x80\x80",
                                         "\x01",
                                         "\"",
                                         "\\",
                                         "\xe2\x80\xa8",
                                         "0",
                                         "12345",
                                         "\n",
                                         "\t",
                                         "一、总体情况\n",
                                         "\xff",
                                         "\r\n",
                                         "（",
                                         "。"};
  for (int e = 0; e < edits && !s.empty(); ++e) {
    const std::size_t at = rng() % s.size();
    const std::size_t line = s.rfind('\n', at) == std::string::npos ? 0 : s.rfind('\n', at) + 1;
    const std::size_t end =
        std::min(s.size(), s.find('\n', at) == std::string::npos ? s.size() : s.find('\n', at) + 1);
    switch (rng() % 5) {
      case 0:
        s.erase(line, end - line);
        break;
      case 1:
        s.insert(line, s.substr(line, end - line));
        break;
      case 2:
        if (s[at] >= '0' && s[at] <= '9') s[at] = static_cast<char>('0' + rng() % 10);
        break;
      case 3:
        s.insert(at, kInserts[rng() % std::size(kInserts)]);
        break;
      default:
        s.erase(at, std::min<std::size_t>(s.size() - at, rng() % 40));
        break;
    }
  }
  return s;
}

TEST(CorpusJsonIdentity, MutatedInputs) {
  const auto texts = corpus_texts();
  if (texts.empty()) GTEST_SKIP() << "corpus not found at " << kCorpusDir;
  std::mt19937 rng(16);
  for (int n = 0; n < 300; ++n) {
    const auto& [name, text] = texts[static_cast<std::size_t>(n) % texts.size()];
    const std::string m = mutate(text, rng);
    Options o;
    if (n % 7 == 0)
      o.previous = mutate(texts[(static_cast<std::size_t>(n) + 1) % texts.size()].second, rng);
    if (n % 5 == 0) o.scope = ScopeMode::excerpt;
    ASSERT_TRUE(same_json(m, o)) << name << " mutation " << n;
  }
}

TEST(CorpusJsonIdentity, CheckToJsonWithOptions) {
  const auto texts = corpus_texts();
  const std::string text = texts.empty() ? std::string("不是报告") : texts[0].second;
  const std::string previous = texts.size() > 1 ? texts[1].second : std::string();
  const std::vector<std::string> options = {
      "",
      "{}",
      "not json",
      "[1, 2]",
      R"({"minSeverity": "loud"})",
      R"({"scope": 3})",
      R"({"scope": "excerpt", "ignore": ["t3-balance"], "minSeverity": "warning"})",
      R"({"encoding": "gbk \u0001 \ud800"})",
      R"({"previous": 5})",
      ojson{{"previous", previous}}.dump(),
  };
  for (const auto& opt : options) {
    EXPECT_EQ(check_to_json(text, opt), testing::check_to_json_tree(text, opt)) << opt;
  }
}

}  // namespace
}  // namespace nianbao
