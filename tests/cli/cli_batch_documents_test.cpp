// A batch with PDF and Word files (cli/extractor.hpp): one node process for the whole batch,
// each document's result the same as `nianbao check FILE` gives alone, unreadable documents
// reported without stopping the batch, and what happens when node is missing, dies or hangs.
// Suite CliDocuments (label slow): needs node and pdfjs-dist, skipped without them.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/run_cli.hpp"

namespace {

using nianbao::testing::CliRun;
using nianbao::testing::quote;
using nianbao::testing::run_cli;
using nianbao::testing::slurp;
using json = nlohmann::json;

const std::string kCorpus = NIANBAO_CORPUS_DIR;
const std::string kRepo = std::string(NIANBAO_TESTS_DIR) + "/..";

bool have_node_and_pdfjs() {
  return std::system("node --version >/dev/null 2>&1") == 0 &&
         std::ifstream(kRepo + "/node_modules/pdfjs-dist/package.json").good();
}

std::string make_temp_dir() {
  std::string pattern = testing::TempDir() + "nianbao_batch_docs_XXXXXX";
  EXPECT_NE(::mkdtemp(pattern.data()), nullptr);
  return pattern;
}

void write_file(const std::string& path, const std::string& text, bool executable = false) {
  std::ofstream(path, std::ios::binary) << text;
  if (executable) ::chmod(path.c_str(), 0755);
}

std::vector<json> parse_lines(const std::string& text) {
  std::vector<json> docs;
  std::size_t start = 0, nl;
  while ((nl = text.find('\n', start)) != std::string::npos) {
    docs.push_back(json::parse(text.substr(start, nl - start)));
    start = nl + 1;
  }
  return docs;
}

// docs/: 001.pdf 002.pdf 003.pdf again.pdf (001 once more) corrupt.pdf merged-cells.docx
// report.txt textless.pdf, and bin/node: a node that counts its starts in bin/starts. Made once,
// on first use, and removed when the test program ends.
class Folder {
 public:
  Folder() {
    if (!have_node_and_pdfjs()) return;
    dir_ = make_temp_dir();
    const std::string& d = dir_;
    const std::string fixtures = d + "/fixtures";
    ok_ = std::system(("node " + quote(kRepo + "/tests/fixtures/make-fixtures.mjs") + " " +
                       quote(fixtures) + " >/dev/null")
                          .c_str()) == 0 &&
          ::mkdir((d + "/docs").c_str(), 0755) == 0 && ::mkdir((d + "/bin").c_str(), 0755) == 0;
    const std::vector<std::pair<std::string, std::string>> links = {
        {kCorpus + "/001-huaian-hongze-2023/source.pdf", "001.pdf"},
        {kCorpus + "/002-huaian-hongze-2024/source.pdf", "002.pdf"},
        {kCorpus + "/003-huaian-city-2024/source.pdf", "003.pdf"},
        {kCorpus + "/001-huaian-hongze-2023/source.pdf", "again.pdf"},
        {kCorpus + "/000-xiangxiang-ziranziyuan-2025/report.txt", "report.txt"},
        {fixtures + "/corrupt.pdf", "corrupt.pdf"},
        {fixtures + "/textless.pdf", "textless.pdf"},
        {fixtures + "/merged-cells.docx", "merged-cells.docx"},
    };
    for (const auto& [target, name] : links) {
      ok_ = ok_ && ::symlink(target.c_str(), (d + "/docs/" + name).c_str()) == 0;
    }
    write_file(d + "/bin/node",
               "#!/bin/sh\necho start >> " + quote(d + "/bin/starts") + "\nexec node \"$@\"\n",
               true);
  }
  ~Folder() {
    if (!dir_.empty()) std::system(("rm -rf " + quote(dir_)).c_str());
  }
  bool ok() const { return ok_; }
  std::string dir() const { return dir_; }
  std::string docs() const { return dir_ + "/docs"; }
  // Forgets the starts counted so far.
  void reset_starts() const { std::remove((dir_ + "/bin/starts").c_str()); }
  int starts() const {
    int n = 0;
    for (const char c : slurp(dir_ + "/bin/starts")) n += c == '\n';
    return n;
  }
  std::string counting_node() const { return "NIANBAO_NODE=" + quote(dir_ + "/bin/node"); }
  std::vector<std::string> files() const {
    std::vector<std::string> out;
    for (const char* f : {"001.pdf", "002.pdf", "003.pdf", "again.pdf", "corrupt.pdf",
                          "merged-cells.docx", "report.txt", "textless.pdf"}) {
      out.push_back(docs() + "/" + f);
    }
    return out;
  }

 private:
  std::string dir_;
  bool ok_ = false;
};

const Folder& folder() {
  static const Folder f;
  f.reset_starts();
  return f;
}

#define REQUIRE_FOLDER()                                                                  \
  if (!have_node_and_pdfjs()) {                                                           \
    GTEST_SKIP() << "node or pdfjs-dist (npm install at the repo root) is not available"; \
  }                                                                                       \
  const Folder& f = folder();                                                             \
  ASSERT_TRUE(f.ok())

TEST(CliDocuments, BatchUsesOneNodeProcess) {
  REQUIRE_FOLDER();
  const CliRun r =
      run_cli("check --format json --jobs 2 " + quote(f.docs()), "/dev/null", f.counting_node());
  EXPECT_EQ(r.code, 2);  // corrupt.pdf and textless.pdf
  EXPECT_EQ(f.starts(), 1) << "node started more than once for one batch";
  const std::vector<json> lines = parse_lines(r.out);
  const std::vector<std::string> paths = f.files();
  ASSERT_EQ(lines.size(), paths.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(paths[i]);
    EXPECT_EQ(lines[i]["file"], paths[i]);
    json doc = lines[i];
    doc.erase("file");
    const CliRun alone = run_cli("check --format json " + quote(paths[i]));
    if (alone.out.empty()) {  // a document that cannot be read: the one-file path says why
      EXPECT_EQ(alone.code, 2);
      EXPECT_EQ(doc["exit_code"], 2);
      const std::string message = doc["error"]["message"];
      EXPECT_NE(alone.err.find(message), std::string::npos) << alone.err << " vs " << message;
      EXPECT_NE(r.err.find("nianbao: " + paths[i] + ": " + message + "\n"), std::string::npos);
    } else {
      EXPECT_EQ(doc, json::parse(alone.out));  // the same text, so the same document
    }
  }
  EXPECT_EQ(lines[0]["cells"]["t2.fees"]["value"], 7730.28);
  EXPECT_NE(lines[4]["error"]["message"].get<std::string>().find("损坏"), std::string::npos);
  EXPECT_NE(lines[7]["error"]["message"].get<std::string>().find("没有文字层"), std::string::npos);
}

TEST(CliDocuments, BatchTextOfADocumentIsItsOneFileReport) {
  REQUIRE_FOLDER();
  const std::string pdf = f.docs() + "/002.pdf";
  const CliRun alone = run_cli("check --lang en " + quote(pdf));
  const CliRun batch =
      run_cli("check --lang en " + quote(pdf) + " " + quote(f.docs() + "/report.txt"), "/dev/null",
              f.counting_node());
  ASSERT_FALSE(alone.out.empty());
  EXPECT_EQ(batch.out.rfind(alone.out + "\n", 0), 0u) << batch.out.substr(0, 400);
  EXPECT_EQ(f.starts(), 1);
}

TEST(CliDocuments, BatchOfTextStartsNoNode) {
  REQUIRE_FOLDER();
  const CliRun r = run_cli("check " + quote(f.docs() + "/report.txt") + " " +
                               quote(kCorpus + "/033-pingtan-2019/page.txt"),
                           "/dev/null", f.counting_node());
  EXPECT_NE(r.code, 2);
  EXPECT_EQ(f.starts(), 0);
}

TEST(CliDocuments, BatchWithoutNodeReportsDocumentsAndChecksTheRest) {
  REQUIRE_FOLDER();
  const CliRun r = run_cli("check --format csv " + quote(f.docs()), "/dev/null",
                           "NIANBAO_NODE=/nonexistent/node");
  EXPECT_EQ(r.code, 2);
  // every PDF and the .docx: one stderr line saying node could not be started
  std::size_t lines = 0;
  for (std::size_t at = 0; (at = r.err.find("/nonexistent/node", at)) != std::string::npos; ++at) {
    ++lines;
  }
  EXPECT_EQ(lines, 7u) << r.err;
  EXPECT_NE(r.out.find(f.docs() + "/report.txt,湘乡市自然资源局,2025,"), std::string::npos);
  const CliRun no_script = run_cli(
      "check --format json " + quote(f.docs() + "/001.pdf") + " " + quote(f.docs() + "/report.txt"),
      "/dev/null", "NIANBAO_SOURCE_DIR=/nonexistent");
  EXPECT_EQ(no_script.code, 2);
  const std::vector<json> docs_out = parse_lines(no_script.out);
  ASSERT_EQ(docs_out.size(), 2u);
  EXPECT_NE(
      docs_out[0]["error"]["message"].get<std::string>().find("/nonexistent/cli/nianbao-file.mjs"),
      std::string::npos);
  EXPECT_TRUE(docs_out[1].contains("report"));
}

TEST(CliDocuments, BatchExtractorThatDiesOrHangsFailsItsFilesOnly) {
  REQUIRE_FOLDER();
  const CliRun dies = run_cli(
      "check --format json " + quote(f.docs() + "/001.pdf") + " " + quote(f.docs() + "/report.txt"),
      "/dev/null", "NIANBAO_NODE=/bin/false");
  EXPECT_EQ(dies.code, 2);
  std::vector<json> out = parse_lines(dies.out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_NE(out[0]["error"]["message"].get<std::string>().find("exited unexpectedly"),
            std::string::npos);
  EXPECT_TRUE(out[1].contains("report"));

  write_file(f.dir() + "/bin/hang", "#!/bin/sh\nexec sleep 60\n", true);
  const CliRun hangs = run_cli(
      "check --format json --lang en " + quote(f.docs() + "/001.pdf") + " " +
          quote(f.docs() + "/report.txt"),
      "/dev/null", "NIANBAO_EXTRACT_TIMEOUT=1 NIANBAO_NODE=" + quote(f.dir() + "/bin/hang"));
  EXPECT_EQ(hangs.code, 2);
  out = parse_lines(hangs.out);
  ASSERT_EQ(out.size(), 2u);
  // The file fails alone: normally for taking too long; on a loaded machine the killed
  // extractor may be reported as having exited first (seen once under load 12).
  const std::string hang_message = out[0]["error"]["message"].get<std::string>();
  EXPECT_TRUE(hang_message.find("longer than 1 s") != std::string::npos ||
              hang_message.find("exited unexpectedly") != std::string::npos)
      << hang_message;
  EXPECT_TRUE(out[1].contains("report"));
}

}  // namespace
