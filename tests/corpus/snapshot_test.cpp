// Snapshots of what a user sees for every input of ../shared/corpus (tests/snapshots/).
//
// A snapshot is built from the JSON contract: the report (agency, year, format, exit code),
// each finding's rule, severity, status, line, column, cells, expected and actual, and each
// cell's value or status, one table row per line. No message text and no report text beyond the
// agency's name: report texts stay in ../shared/corpus.
//
// A change of behaviour shows as a failing test with the first differing lines; rewrite the
// snapshots with UPDATE_SNAPSHOTS=1 and review `git diff tests/snapshots` like code.
//
// * Snapshots.Text: every .txt, .md and .html file of the corpus through check().
// * Snapshots.Pdf: every .pdf through the CLI (node + pdfjs-dist); skipped without them.
// * Snapshots.NoStaleFiles: every snapshot file belongs to a corpus input.
#include <nianbao/nianbao.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run_cli.hpp"

namespace nianbao {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;  // keeps the contract's canonical cell order
using nianbao::testing::quote;
using nianbao::testing::run_cli;

const fs::path kCorpusDir = NIANBAO_CORPUS_DIR;
const fs::path kSnapshotDir = fs::path(NIANBAO_TESTS_DIR) / "snapshots";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool updating() {
  const char* u = std::getenv("UPDATE_SNAPSHOTS");
  return u && *u && std::string(u) != "0";
}

// The corpus inputs with the given extensions, sorted.
std::vector<fs::path> corpus_inputs(const std::set<std::string>& extensions) {
  std::vector<fs::path> out;
  if (!fs::is_directory(kCorpusDir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(kCorpusDir)) {
    if (!e.is_regular_file()) continue;
    if (e.path().filename() == "README.md") continue;
    if (extensions.count(e.path().extension().string())) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// tests/snapshots/<folder>__<file name>.snap
fs::path snapshot_path(const fs::path& input) {
  return kSnapshotDir /
         (input.parent_path().filename().string() + "__" + input.filename().string() + ".snap");
}

// A cell as one token: its value when read, else its status.
std::string cell_token(const json& c) {
  const std::string status = c.value("status", "");
  if (status == "ok" && c.contains("value") && c["value"].is_number()) return c["value"].dump();
  return status;
}

// "t3.new.natural_person" -> row "t3.new", column "natural_person".
std::string row_of(const std::string& id) {
  const auto dot = id.rfind('.');
  return dot == std::string::npos ? id : id.substr(0, dot);
}

// The snapshot text of one contract document (also used for the CLI's PDF output).
std::string snapshot_of(const json& doc) {
  std::ostringstream s;
  json report = json::object();
  if (doc.contains("report")) {
    const json& r = doc["report"];
    for (const char* k : {"agency", "year", "format"}) {
      if (r.contains(k)) report[k] = r[k];
    }
  }
  s << "report " << report.dump() << "\n";
  if (doc.contains("error")) s << "input-error exit " << doc.value("exit_code", -1) << "\n";
  if (doc.contains("sections")) {
    s << "sections";
    for (const json& sec : doc["sections"]) {
      s << " " << sec.value("number", 0) << "@" << sec.value("line", 0);
    }
    s << "\n";
  }
  if (doc.contains("summary")) s << "summary " << doc["summary"].dump() << "\n";
  if (doc.contains("findings")) {
    for (const json& f : doc["findings"]) {
      json line = json::array({f.value("rule", ""), f.value("severity", ""), f.value("status", ""),
                               f.contains("line") ? f["line"] : json(),
                               f.contains("column") ? f["column"] : json(),
                               f.contains("cells") ? f["cells"] : json::array(),
                               f.contains("expected") ? f["expected"] : json(),
                               f.contains("actual") ? f["actual"] : json()});
      s << "finding " << line.dump() << "\n";
    }
  }
  if (doc.contains("cells")) {
    std::string row;
    std::vector<std::string> tokens;
    auto flush = [&]() {
      if (row.empty()) return;
      s << "cells " << row;
      for (const auto& t : tokens) s << " " << t;
      s << "\n";
    };
    for (const auto& [id, c] : doc["cells"].items()) {
      const std::string r = row_of(id);
      if (r != row) {
        flush();
        row = r;
        tokens.clear();
      }
      tokens.push_back(id.substr(r.size() + 1) + "=" + cell_token(c));
    }
    flush();
  }
  return s.str();
}

// Compares (or rewrites) one snapshot; returns a failure description or "".
std::string compare_snapshot(const fs::path& input, const std::string& actual) {
  const fs::path path = snapshot_path(input);
  if (updating()) {
    fs::create_directories(kSnapshotDir);
    if (!fs::exists(path) || read_file(path) != actual) {
      std::ofstream(path, std::ios::binary) << actual;
    }
    return "";
  }
  if (!fs::exists(path)) {
    return path.filename().string() + ": no snapshot (run with UPDATE_SNAPSHOTS=1)";
  }
  const std::string expected = read_file(path);
  if (expected == actual) return "";
  // The first few differing lines, as a reader of the diff would see them.
  std::istringstream a(expected), b(actual);
  std::string la, lb, out = path.filename().string() + " differs:\n";
  int line = 0, shown = 0;
  while (shown < 8) {
    const bool ga = static_cast<bool>(std::getline(a, la));
    const bool gb = static_cast<bool>(std::getline(b, lb));
    if (!ga && !gb) break;
    ++line;
    if (!ga) la = "<none>";
    if (!gb) lb = "<none>";
    if (la != lb) {
      // Long lines (a finding naming many cells) are cut: the git diff has them whole.
      for (std::string* l : {&la, &lb}) {
        if (l->size() > 240) *l = l->substr(0, 240) + " …";
      }
      out += "  line " + std::to_string(line) + "\n    was: " + la + "\n    now: " + lb + "\n";
      ++shown;
    }
  }
  return out + "  (UPDATE_SNAPSHOTS=1 rewrites them; review git diff tests/snapshots)";
}

TEST(Snapshots, Text) {
  const auto inputs = corpus_inputs({".txt", ".md", ".html", ".htm"});
  if (inputs.empty()) GTEST_SKIP() << "corpus not found at " << kCorpusDir;
  int compared = 0;
  for (const auto& input : inputs) {
    const std::string bytes = read_file(input);
    const Decoded d = decode_input(bytes);
    ASSERT_TRUE(d.ok) << input;
    Options o;
    o.encoding = d.encoding;
    o.input_bytes = bytes.size();
    const Result r = check(d.utf8, o);
    const std::string failure = compare_snapshot(input, snapshot_of(json::parse(to_json(r))));
    EXPECT_TRUE(failure.empty()) << failure;
    ++compared;
  }
  std::printf("snapshots compared: %d text inputs%s\n", compared, updating() ? " (rewritten)" : "");
}

TEST(Snapshots, Pdf) {
  const auto inputs = corpus_inputs({".pdf"});
  if (inputs.empty()) GTEST_SKIP() << "no PDF in the corpus";
  const std::string repo = fs::path(NIANBAO_TESTS_DIR).parent_path().string();
  if (std::system("node --version >/dev/null 2>&1") != 0 ||
      !fs::exists(repo + "/node_modules/pdfjs-dist/package.json")) {
    GTEST_SKIP() << "node or pdfjs-dist (npm install at the repo root) is not available";
  }
  for (const auto& input : inputs) {
    const auto run = run_cli("check --format json " + quote(input.string()));
    ASSERT_TRUE(run.code == 0 || run.code == 1) << input << ": " << run.err;
    const std::string failure = compare_snapshot(input, snapshot_of(json::parse(run.out)));
    EXPECT_TRUE(failure.empty()) << failure;
  }
}

TEST(Snapshots, NoStaleFiles) {
  if (!fs::is_directory(kCorpusDir)) GTEST_SKIP() << "corpus not found";
  if (!fs::is_directory(kSnapshotDir)) GTEST_SKIP() << "no snapshots yet";
  std::set<std::string> wanted;
  for (const auto& input : corpus_inputs({".txt", ".md", ".html", ".htm", ".pdf"})) {
    wanted.insert(snapshot_path(input).filename().string());
  }
  for (const auto& e : fs::directory_iterator(kSnapshotDir)) {
    if (e.path().extension() != ".snap") continue;
    EXPECT_TRUE(wanted.count(e.path().filename().string()))
        << e.path().filename() << " belongs to no corpus input; delete it";
  }
}

}  // namespace
}  // namespace nianbao
