// The built `nianbao` on PDF and Word files: it runs node cli/nianbao-file.mjs (cli/documents.hpp),
// which reads the file with the JavaScript extraction (web/pdf/) and pipes the text back into
// `nianbao check -`. Needs node and the npm package pdfjs-dist (npm install at the repo root);
// skipped without them. The messages for a document on stdin or a missing helper need neither.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/run_cli.hpp"
#include "documents.hpp"

namespace {

using nianbao::testing::CliRun;
using nianbao::testing::expect_one_line_error;
using nianbao::testing::quote;
using nianbao::testing::run_cli;
using nianbao::testing::slurp;

std::string temp_prefix() { return testing::TempDir() + "nianbao_doc_" + std::to_string(getpid()); }

const std::string kRepo = std::string(NIANBAO_TESTS_DIR) + "/..";
const std::string kPdf001 = std::string(NIANBAO_CORPUS_DIR) + "/001-huaian-hongze-2023/source.pdf";

bool have_node_and_pdfjs() {
  return std::system("node --version >/dev/null 2>&1") == 0 &&
         std::ifstream(kRepo + "/node_modules/pdfjs-dist/package.json").good();
}

#define REQUIRE_NODE()                                                                    \
  if (!have_node_and_pdfjs()) {                                                           \
    GTEST_SKIP() << "node or pdfjs-dist (npm install at the repo root) is not available"; \
  }

TEST(CliDocuments, SniffsPdfAndZipMagic) {
  using nianbao::cli::DocumentKind;
  using nianbao::cli::sniff_document;
  EXPECT_EQ(sniff_document("%PDF-1.7\n..."), DocumentKind::pdf);
  EXPECT_EQ(sniff_document(std::string("PK\x03\x04", 4) + "word/document.xml"), DocumentKind::docx);
  EXPECT_EQ(sniff_document(std::string(100, ' ') + "%PDF-1.4\n...\n%%EOF\n"), DocumentKind::pdf);
  // A text that merely mentions %PDF- (no %%EOF at the end) stays text.
  EXPECT_EQ(sniff_document("2023年报告\n%PDF-1.4 是文件头\n"), DocumentKind::none);
  EXPECT_EQ(sniff_document("PK"), DocumentKind::none);
  EXPECT_EQ(sniff_document(""), DocumentKind::none);
}

TEST(CliDocuments, OptionsAreForwardedToTheHelper) {
  nianbao::cli::Args a;
  a.command = nianbao::cli::Command::check;
  a.format = nianbao::cli::Format::json;
  a.ignore = {"format-outdated", "t4-group-total"};
  a.min_severity = nianbao::Severity::warning;
  a.english = true;
  a.file = "r.pdf";
  const std::vector<std::string> expected = {
      "S.mjs",          "check",   "--format", "json", "--ignore", "format-outdated,t4-group-total",
      "--min-severity", "warning", "--lang",   "en",   "r.pdf"};
  EXPECT_EQ(nianbao::cli::document_command(a, "S.mjs"), expected);
}

TEST(CliDocuments, Corpus001PdfGivesTheHandCheckedTableCells) {
  REQUIRE_NODE();
  const CliRun r = run_cli("check --format json " + quote(kPdf001));
  // 001 is the 2023 report in the old format and its table 4 groups do not add up: error findings.
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.err, "");
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["cells"]["t3.new.natural_person"]["value"], 21);
  EXPECT_EQ(doc["cells"]["t2.penalty"]["value"], 4119);
  EXPECT_EQ(doc["cells"]["t2.fees"]["value"], 7730.28);
  // Every hand-checked cell (tests/expected, from the careful transcript) is read from the PDF.
  const nlohmann::json expected = nlohmann::json::parse(slurp(
      std::string(NIANBAO_TESTS_DIR) + "/expected/001-huaian-hongze-2023__pdftotext-layout.json"));
  ASSERT_GE(expected["cells"].size(), 186u);
  for (const auto& [id, cell] : expected["cells"].items()) {
    ASSERT_TRUE(doc["cells"].contains(id)) << id;
    EXPECT_EQ(doc["cells"][id]["value"], cell["value"]) << id;
  }
}

TEST(CliDocuments, OptionsAndTextOutputNameTheFile) {
  REQUIRE_NODE();
  const CliRun r =
      run_cli("check --format json --ignore format-outdated,t4-group-total " + quote(kPdf001));
  EXPECT_EQ(r.code, 0) << r.err;  // the error findings are hidden
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["summary"]["hidden"], 3);
  const CliRun text = run_cli("check --lang en " + quote(kPdf001));
  EXPECT_EQ(text.code, 1);
  EXPECT_NE(text.out.find(kPdf001 + ":"), std::string::npos) << text.out.substr(0, 300);
  EXPECT_EQ(text.out.find("<stdin>"), std::string::npos);
  EXPECT_NE(text.out.find("[t4-group-total]"), std::string::npos);
}

TEST(CliDocuments, WordFixtureAndCorruptPdf) {
  REQUIRE_NODE();
  const std::string dir = temp_prefix() + "_fixtures";
  ASSERT_EQ(std::system(("node " + quote(kRepo + "/tests/fixtures/make-fixtures.mjs") + " " +
                         quote(dir) + " >/dev/null")
                            .c_str()),
            0);
  const CliRun docx = run_cli("check --format json " + quote(dir + "/merged-cells.docx"));
  const CliRun text = run_cli("check --format json " + quote(dir + "/merged-cells.txt"));
  ASSERT_TRUE(docx.code == 0 || docx.code == 1) << docx.err;
  EXPECT_EQ(docx.code, text.code);
  nlohmann::json a = nlohmann::json::parse(docx.out), b = nlohmann::json::parse(text.out);
  EXPECT_EQ(a["cells"]["t3.new.natural_person"]["value"], 3001);
  EXPECT_GE(a["cells"].size(), 200u);
  for (const auto& [id, cell] : b["cells"].items())
    EXPECT_EQ(a["cells"][id]["value"], cell["value"]) << id;

  const CliRun bad = run_cli("check " + quote(dir + "/corrupt.pdf"));
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.out, "");
  expect_one_line_error(bad);
  EXPECT_NE(bad.err.find("损坏"), std::string::npos) << bad.err;
  const CliRun scan = run_cli("check --lang en " + quote(dir + "/textless.pdf"));
  EXPECT_EQ(scan.code, 2);
  EXPECT_NE(scan.err.find("no text layer"), std::string::npos) << scan.err;
  std::system(("rm -rf " + quote(dir)).c_str());
}

TEST(CliDocuments, DocumentOnStdinOrWithoutTheHelperExitsTwoWithOneLine) {
  const CliRun in = run_cli("check -", kPdf001);
  EXPECT_EQ(in.code, 2);
  expect_one_line_error(in);
  EXPECT_NE(in.err.find("nianbao check report.pdf"), std::string::npos) << in.err;
  const CliRun missing =
      run_cli("check " + quote(kPdf001), "/dev/null", "NIANBAO_SOURCE_DIR=/nonexistent");
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(missing.out, "");
  expect_one_line_error(missing);
  EXPECT_NE(missing.err.find("/nonexistent/cli/nianbao-file.mjs"), std::string::npos)
      << missing.err;
  EXPECT_NE(missing.err.find("node "), std::string::npos) << missing.err;  // says how to run it
  const CliRun no_node =
      run_cli("check " + quote(kPdf001), "/dev/null", "NIANBAO_NODE=/nonexistent/node");
  EXPECT_EQ(no_node.code, 2);
  expect_one_line_error(no_node);
  EXPECT_NE(no_node.err.find("Node.js"), std::string::npos) << no_node.err;
}

}  // namespace
