// `nianbao check` over many inputs (cli/batch.hpp): a folder of mixed inputs made at test time
// (links to ../shared/corpus files read in place, a dangling link, a text that is no report, a
// file of another type, a hidden folder, a link loop), every output format parsed and checked,
// input order with --jobs 1 and 2, exit codes, the progress line, `nianbao cells`.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli/run_cli.hpp"
#include "formats.hpp"
#include "inputs.hpp"
#include "nianbao/nianbao.hpp"

namespace {

using nianbao::testing::CliRun;
using nianbao::testing::quote;
using nianbao::testing::run_cli;
using nianbao::testing::slurp;
using json = nlohmann::json;

const std::string kCorpus = NIANBAO_CORPUS_DIR;
const std::string kTests = NIANBAO_TESTS_DIR;

std::string make_temp_dir(const std::string& tag) {
  std::string pattern = testing::TempDir() + "nianbao_batch_" + tag + "_XXXXXX";
  char* made = ::mkdtemp(pattern.data());
  EXPECT_NE(made, nullptr);
  return pattern;
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

void link_to(const std::string& target, const std::string& link) {
  ASSERT_EQ(::symlink(target.c_str(), link.c_str()), 0) << link;
}

// RFC 4180: records end with CRLF; a field is quoted when it holds a comma, quote or line break,
// and a quote inside is doubled. Fails the test on a bare LF outside quotes or a stray quote.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      EXPECT_TRUE(field.empty() && !was_quoted) << "stray quote at byte " << i;
      quoted = was_quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      was_quoted = false;
    } else if (c == '\r') {
      EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "CR without LF at byte " << i;
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      was_quoted = false;
      ++i;
    } else {
      EXPECT_NE(c, '\n') << "LF without CR at byte " << i;
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  EXPECT_TRUE(field.empty() && row.empty()) << "last record without CRLF";
  return rows;
}

std::vector<json> parse_lines(const std::string& text) {
  std::vector<json> docs;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    EXPECT_NE(nl, std::string::npos) << "last line without LF";
    if (nl == std::string::npos) break;
    docs.push_back(json::parse(text.substr(start, nl - start), nullptr, false));
    EXPECT_FALSE(docs.back().is_discarded()) << text.substr(start, nl - start).substr(0, 200);
    start = nl + 1;
  }
  return docs;
}

std::string strip_bom(const std::string& text) {
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u) << "no UTF-8 BOM";
  return text.substr(3);
}

// The folder of mixed inputs. Walk order (names in byte order, depth first):
//   a/000.txt a/004.md b/007.html b/033.txt broken.txt notes.txt
// plus skipped: data.tsv (counted), .hidden/ (not counted), b/loop -> ../b (not followed again).
class CliBatch : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(make_temp_dir("mixed"));
    const std::string& d = *dir_;
    ASSERT_EQ(::mkdir((d + "/a").c_str(), 0755), 0);
    ASSERT_EQ(::mkdir((d + "/b").c_str(), 0755), 0);
    ASSERT_EQ(::mkdir((d + "/.hidden").c_str(), 0755), 0);
    link_to(kCorpus + "/000-xiangxiang-ziranziyuan-2025/report.txt", d + "/a/000.txt");
    link_to(kCorpus + "/004-suqian-shuyang-county-2025/report.md", d + "/a/004.md");
    link_to(kCorpus + "/007-shuyang-fagaiju-2023/page.html", d + "/b/007.html");
    link_to(kCorpus + "/033-pingtan-2019/page.txt", d + "/b/033.txt");
    link_to("../b", d + "/b/loop");  // a link loop: not followed into itself
    link_to(d + "/nonexistent.txt", d + "/broken.txt");
    write_file(d + "/notes.txt", "购物清单：苹果、梨。\n");
    write_file(d + "/data.tsv", "a\tb\n");
    write_file(d + "/.hidden/secret.txt", "x\n");
  }
  static void TearDownTestSuite() {
    std::system(("rm -rf " + quote(*dir_)).c_str());
    delete dir_;
  }
  static std::string dir() { return *dir_; }
  static std::vector<std::string> expected_files() {
    std::vector<std::string> files;
    for (const char* f :
         {"a/000.txt", "a/004.md", "b/007.html", "b/033.txt", "broken.txt", "notes.txt"}) {
      files.push_back(dir() + "/" + f);
    }
    return files;
  }
  // The one-file JSON document of each checked input (what the batch must agree with).
  static json single(const std::string& path, const std::string& options = "") {
    const CliRun r = run_cli("check --format json " + options + " " + quote(path));
    return json::parse(r.out);
  }
  static std::string* dir_;
};
std::string* CliBatch::dir_ = nullptr;

TEST_F(CliBatch, FoldersAreWalkedInByteOrder) {
  const nianbao::cli::Inputs inputs = nianbao::cli::collect_inputs({dir()});
  std::vector<std::string> paths;
  for (const auto& f : inputs.files) paths.push_back(f.path);
  EXPECT_EQ(paths, expected_files());
  EXPECT_EQ(inputs.skipped, 1u);  // data.tsv; not the hidden folder, not the loop
  // A file named on the command line is taken whatever its extension; "-" is standard input.
  const auto named = nianbao::cli::collect_inputs({dir() + "/data.tsv", "-", dir() + "/b"});
  ASSERT_EQ(named.files.size(), 4u);
  EXPECT_EQ(named.files[0].path, dir() + "/data.tsv");
  EXPECT_EQ(named.files[1].path, "-");
  EXPECT_EQ(named.files[2].path, dir() + "/b/007.html");
  EXPECT_TRUE(nianbao::cli::is_report_name("X.PDF"));
  EXPECT_TRUE(nianbao::cli::is_report_name("a.b.docx"));
  EXPECT_FALSE(nianbao::cli::is_report_name("report.doc"));
  EXPECT_FALSE(nianbao::cli::is_report_name("txt"));
}

TEST_F(CliBatch, TextGivesEachReportThenTheSummary) {
  const CliRun r = run_cli("check --jobs 2 " + quote(dir()));
  EXPECT_EQ(r.code, 2);  // broken.txt and notes.txt
  std::size_t at = 0;
  for (const std::string& f : expected_files()) {
    const std::size_t found = r.out.find(f + "：", at) != std::string::npos
                                  ? r.out.find(f + "：", at)
                                  : r.out.find(f + ": error:", at);
    ASSERT_NE(found, std::string::npos) << f << " not found in order";
    at = found;
  }
  const std::size_t summary = r.out.find("== 汇总 ==");
  ASSERT_NE(summary, std::string::npos);
  EXPECT_GT(summary, at);
  EXPECT_NE(
      r.out.find(
          "文件 6 个：核验 4 个，无法核验 2 个（无法读取 1，不是年报 1）；跳过其他类型的文件 1 个"),
      std::string::npos)
      << r.out.substr(summary);
  EXPECT_NE(r.out.find("触发最多的规则"), std::string::npos);
  // The text report has a line for each input that could not be checked: stderr stays empty
  // (no progress line either: not a terminal).
  EXPECT_NE(
      r.out.find(dir() +
                 "/broken.txt: error: 无法打开文件（cannot open: No such file or directory）\n"),
      std::string::npos);
  EXPECT_NE(r.out.find(dir() + "/notes.txt: error: " +
                       single(dir() + "/notes.txt")["error"]["message"].get<std::string>() + "\n"),
            std::string::npos);
  EXPECT_EQ(r.err, "");
  // Other formats: one line on stderr per input that could not be checked, in input order.
  const CliRun csv = run_cli("check --format csv --jobs 2 " + quote(dir()));
  EXPECT_EQ(csv.err, "nianbao: " + dir() +
                         "/broken.txt: 无法打开文件（cannot open: No such file or directory）\n" +
                         "nianbao: " + dir() + "/notes.txt: " +
                         single(dir() + "/notes.txt")["error"]["message"].get<std::string>() +
                         "\n" +
                         "nianbao: 跳过其他类型的文件 1 个（skipped 1 file(s) of other types）\n");

  const CliRun en = run_cli("check --lang en " + quote(dir()));
  EXPECT_NE(en.out.find("== Summary =="), std::string::npos);
  EXPECT_NE(
      en.out.find("Files: 6, 4 checked, 2 could not be checked (1 unreadable, 1 not a report)"),
      std::string::npos);
  EXPECT_NE(en.out.find("Rules that fired most"), std::string::npos);
}

TEST_F(CliBatch, TextPerFileIsTheOneFileReport) {
  const std::string file = dir() + "/a/000.txt";
  const CliRun one = run_cli("check " + quote(file));
  const CliRun batch = run_cli("check " + quote(file) + " " + quote(file));
  EXPECT_EQ(batch.code, one.code);
  EXPECT_EQ(batch.out.rfind(one.out + "\n" + one.out + "\n== 汇总 ==\n", 0), 0u) << batch.out;
}

TEST_F(CliBatch, JsonLinesAreContractDocumentsWithFile) {
  const CliRun r = run_cli("check --format json " + quote(dir()));
  EXPECT_EQ(r.code, 2);
  const std::vector<json> docs = parse_lines(r.out);
  const std::vector<std::string> files = expected_files();
  ASSERT_EQ(docs.size(), files.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const std::string& path = files[i];
    SCOPED_TRACE(path);
    json doc = docs[i];
    EXPECT_EQ(doc.at("file"), path);
    EXPECT_EQ(doc.at("schema"), nianbao::kSchemaVersion);
    EXPECT_EQ(doc.at("tool").at("name"), "nianbao");
    EXPECT_TRUE(doc.at("input").is_object());
    doc.erase("file");
    if (path.find("broken") != std::string::npos) {
      EXPECT_EQ(doc.at("exit_code"), 2);
      EXPECT_NE(doc.at("error").at("message").get<std::string>().find("cannot open"),
                std::string::npos);
    } else {
      // Exactly the one-file document, the `file` field aside (notes.txt: the core's refusal).
      EXPECT_EQ(doc, single(path));
    }
  }
  // One input stays one pretty document, without `file`.
  const CliRun one = run_cli("check --format json " + quote(expected_files()[0]));
  EXPECT_EQ(one.out.rfind("{\n", 0), 0u);
  EXPECT_FALSE(json::parse(one.out).contains("file"));
}

TEST_F(CliBatch, JsonLinesKeepTheFilters) {
  const CliRun r = run_cli("check --format json --min-severity warning --ignore cell-placeholder " +
                           quote(dir() + "/a") + " " + quote(dir() + "/b"));
  const std::vector<json> docs = parse_lines(r.out);
  ASSERT_EQ(docs.size(), 4u);
  for (const json& doc : docs) {
    json d = doc;
    d.erase("file");
    EXPECT_EQ(d, single(doc.at("file"), "--min-severity warning --ignore cell-placeholder"));
    for (const json& f : doc.at("findings")) {
      EXPECT_NE(f.at("severity"), "info");
      EXPECT_NE(f.at("rule"), "cell-placeholder");
    }
  }
}

TEST_F(CliBatch, CsvHasOneRowPerFinding) {
  const CliRun r = run_cli("check --format csv " + quote(dir()));
  EXPECT_EQ(r.code, 2);
  const auto rows = parse_csv(strip_bom(r.out));
  ASSERT_FALSE(rows.empty());
  const std::vector<std::string> header = {"file",     "agency",   "year",   "rule",
                                           "severity", "status",   "line",   "column",
                                           "cells",    "expected", "actual", "message"};
  EXPECT_EQ(rows[0], header);
  // The rows of each file, in input order, are its findings in the document's order.
  std::vector<std::vector<std::string>> want;
  for (const std::string& path : expected_files()) {
    if (path.find("broken") != std::string::npos) {
      want.push_back({path, "", "", "", "error", "unreadable", "", "", "", "", "",
                      "无法打开文件（cannot open: No such file or directory）"});
      continue;
    }
    const json doc = single(path);
    if (doc.contains("error")) {
      want.push_back({path, "", "", "", "error", "not-a-report", "", "", "", "", "",
                      doc["error"]["message"].get<std::string>()});
      continue;
    }
    const json& report = doc.at("report");
    for (const json& f : doc.at("findings")) {
      std::string cells;
      for (const json& c : f.at("cells"))
        cells += (cells.empty() ? "" : " ") + c.get<std::string>();
      auto number = [&](const char* key) {
        return f.contains(key) ? nianbao::cli::number_text(f[key].get<double>()) : std::string();
      };
      want.push_back({path, report["agency"].is_null() ? "" : report["agency"].get<std::string>(),
                      report["year"].is_null() ? "" : std::to_string(report["year"].get<int>()),
                      f["rule"].get<std::string>(), f["severity"].get<std::string>(),
                      f["status"].get<std::string>(),
                      f["line"].is_null() ? "" : std::to_string(f["line"].get<int>()),
                      f["column"].is_null() ? "" : std::to_string(f["column"].get<int>()), cells,
                      number("expected"), number("actual"), f["message"].get<std::string>()});
    }
  }
  ASSERT_EQ(rows.size(), want.size() + 1);
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(rows[i + 1], want[i]) << "row " << i + 1;
  // Messages hold commas and quotes, so some fields must have been quoted.
  EXPECT_NE(r.out.find(",\""), std::string::npos);
}

TEST_F(CliBatch, CsvFollowsLangAndMinSeverity) {
  const CliRun r = run_cli("check --format csv --lang en --min-severity error " +
                           quote(dir() + "/a") + " " + quote(dir() + "/b"));
  const auto rows = parse_csv(strip_bom(r.out));
  ASSERT_GE(rows.size(), 1u);
  std::size_t findings = 0;
  for (const std::string& path :
       {dir() + "/a/000.txt", dir() + "/a/004.md", dir() + "/b/007.html", dir() + "/b/033.txt"}) {
    const json doc = single(path, "--min-severity error");
    for (const json& f : doc.at("findings")) {
      ++findings;
      bool seen = false;
      for (const auto& row : rows) seen = seen || (row[0] == path && row[11] == f["message_en"]);
      EXPECT_TRUE(seen) << f.dump();
    }
  }
  EXPECT_EQ(rows.size(), findings + 1);
  for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(rows[i][4], "error");
  EXPECT_EQ(r.code, findings > 0 ? 1 : 0);
}

// The properties SARIF 2.1.0 allows on each object we write (the schema says
// additionalProperties: false) and those it requires.
struct SarifShape {
  std::set<std::string> allowed, required;
};
const std::map<std::string, SarifShape>& sarif_shapes() {
  static const std::map<std::string, SarifShape> shapes = {
      {"log",
       {{"$schema", "version", "runs", "inlineExternalProperties", "properties"},
        {"version", "runs"}}},
      {"run",
       {{"tool",
         "invocations",
         "conversion",
         "language",
         "versionControlProvenance",
         "originalUriBaseIds",
         "artifacts",
         "logicalLocations",
         "graphs",
         "results",
         "automationDetails",
         "runAggregates",
         "baselineGuid",
         "redactionTokens",
         "defaultEncoding",
         "defaultSourceLanguage",
         "newlineSequences",
         "columnKind",
         "externalPropertyFileReferences",
         "threadFlowLocations",
         "taxonomies",
         "addresses",
         "translations",
         "policies",
         "webRequests",
         "webResponses",
         "specialLocations",
         "properties"},
        {"tool"}}},
      {"tool", {{"driver", "extensions", "properties"}, {"driver"}}},
      {"toolComponent",
       {{"guid",
         "name",
         "organization",
         "product",
         "productSuite",
         "shortDescription",
         "fullDescription",
         "fullName",
         "version",
         "semanticVersion",
         "dottedQuadFileVersion",
         "releaseDateUtc",
         "downloadUri",
         "informationUri",
         "globalMessageStrings",
         "notifications",
         "rules",
         "taxa",
         "locations",
         "language",
         "contents",
         "isComprehensive",
         "localizedDataSemanticVersion",
         "minimumRequiredLocalizedDataSemanticVersion",
         "associatedComponent",
         "translationMetadata",
         "supportedTaxonomies",
         "properties"},
        {"name"}}},
      {"reportingDescriptor",
       {{"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
         "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration", "helpUri",
         "help", "relationships", "properties"},
        {"id"}}},
      {"multiformatMessageString", {{"text", "markdown", "properties"}, {"text"}}},
      {"reportingConfiguration", {{"enabled", "level", "rank", "parameters", "properties"}, {}}},
      {"result",
       {{"ruleId",
         "ruleIndex",
         "rule",
         "kind",
         "level",
         "message",
         "analysisTarget",
         "locations",
         "guid",
         "correlationGuid",
         "occurrenceCount",
         "partialFingerprints",
         "fingerprints",
         "stacks",
         "codeFlows",
         "graphs",
         "graphTraversals",
         "relatedLocations",
         "suppressions",
         "baselineState",
         "rank",
         "attachments",
         "hostedViewerUri",
         "workItemUris",
         "provenance",
         "fixes",
         "taxa",
         "webRequest",
         "webResponse",
         "properties"},
        {"message"}}},
      {"message", {{"text", "markdown", "id", "arguments", "properties"}, {}}},
      {"location",
       {{"id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships",
         "properties"},
        {}}},
      {"physicalLocation",
       {{"address", "artifactLocation", "region", "contextRegion", "properties"}, {}}},
      {"artifactLocation", {{"uri", "uriBaseId", "index", "description", "properties"}, {}}},
      {"region",
       {{"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
         "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"},
        {}}},
      {"invocation",
       {{"commandLine",
         "arguments",
         "responseFiles",
         "startTimeUtc",
         "endTimeUtc",
         "exitCode",
         "ruleConfigurationOverrides",
         "notificationConfigurationOverrides",
         "toolExecutionNotifications",
         "toolConfigurationNotifications",
         "exitCodeDescription",
         "exitSignalName",
         "exitSignalNumber",
         "processStartFailureMessage",
         "executionSuccessful",
         "machine",
         "account",
         "processId",
         "executableLocation",
         "workingDirectory",
         "environmentVariables",
         "stdin",
         "stdout",
         "stderr",
         "stdoutStderr",
         "properties"},
        {"executionSuccessful"}}},
      {"notification",
       {{"locations", "message", "level", "threadId", "timeUtc", "exception", "descriptor",
         "associatedRule", "properties"},
        {"message"}}},
  };
  return shapes;
}

void expect_shape(const json& j, const std::string& kind, const std::string& where) {
  ASSERT_TRUE(j.is_object()) << where;
  const SarifShape& shape = sarif_shapes().at(kind);
  for (const auto& [key, value] : j.items()) {
    EXPECT_TRUE(shape.allowed.count(key)) << where << ": " << kind << " may not have " << key;
  }
  for (const std::string& key : shape.required) {
    EXPECT_TRUE(j.contains(key)) << where << ": " << kind << " needs " << key;
  }
  if (kind == "message" || kind == "multiformatMessageString") {
    EXPECT_TRUE(j.contains("text") && j["text"].is_string() &&
                !j["text"].get<std::string>().empty())
        << where;
  }
}

void expect_location(const json& loc, const std::string& where) {
  expect_shape(loc, "location", where);
  const json& physical = loc.at("physicalLocation");
  expect_shape(physical, "physicalLocation", where);
  expect_shape(physical.at("artifactLocation"), "artifactLocation", where);
  if (physical.contains("region")) {
    const json& region = physical["region"];
    expect_shape(region, "region", where);
    EXPECT_GE(region.at("startLine").get<int>(), 1) << where;
    EXPECT_GE(region.at("startColumn").get<int>(), 1) << where;
  }
}

TEST_F(CliBatch, SarifIsValid210WithTheRuleCatalogue) {
  // Run from the folder: relative paths give relative URIs against %SRCROOT%.
  const CliRun r = run_cli("check --format sarif --jobs 2 a b broken.txt notes.txt", "/dev/null",
                           "cd " + quote(dir()) + " &&");
  EXPECT_EQ(r.code, 2);
  const json log = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(log.is_discarded()) << r.out.substr(0, 500);
  expect_shape(log, "log", "log");
  EXPECT_EQ(log.at("version"), "2.1.0");
  ASSERT_EQ(log.at("runs").size(), 1u);
  const json& run = log["runs"][0];
  expect_shape(run, "run", "run");
  EXPECT_EQ(run.at("columnKind"), "unicodeCodePoints");
  EXPECT_EQ(run.at("originalUriBaseIds")
                .at("%SRCROOT%")
                .at("uri")
                .get<std::string>()
                .rfind("file:///", 0),
            0u);
  expect_shape(run.at("tool"), "tool", "tool");
  const json& driver = run["tool"]["driver"];
  expect_shape(driver, "toolComponent", "driver");
  EXPECT_EQ(driver.at("name"), "nianbao");
  EXPECT_EQ(driver.at("version"), nianbao::kVersion);

  // tool.driver.rules: the catalogue, in order, with help text.
  const auto& catalogue = nianbao::rules();
  ASSERT_EQ(driver.at("rules").size(), catalogue.size());
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    const json& rule = driver["rules"][i];
    const std::string where = "rules[" + std::to_string(i) + "]";
    expect_shape(rule, "reportingDescriptor", where);
    EXPECT_EQ(rule.at("id"), catalogue[i].id);
    expect_shape(rule.at("shortDescription"), "multiformatMessageString", where);
    expect_shape(rule.at("fullDescription"), "multiformatMessageString", where);
    expect_shape(rule.at("help"), "multiformatMessageString", where);
    EXPECT_NE(rule["help"]["text"].get<std::string>().find(catalogue[i].basis), std::string::npos);
    expect_shape(rule.at("defaultConfiguration"), "reportingConfiguration", where);
    EXPECT_TRUE(std::set<std::string>({"error", "warning", "note"})
                    .count(rule["defaultConfiguration"]["level"]));
    index[catalogue[i].id] = i;
  }

  // results: every finding of every checked file, in input order.
  std::vector<json> want;
  for (const char* f : {"a/000.txt", "a/004.md", "b/007.html", "b/033.txt"}) {
    const json doc = single(dir() + "/" + f);
    for (const json& finding : doc.at("findings")) {
      json w = finding;
      w["uri"] = f;
      want.push_back(w);
    }
  }
  const json& results = run.at("results");
  ASSERT_EQ(results.size(), want.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    const json& res = results[i];
    const std::string where = "results[" + std::to_string(i) + "]";
    expect_shape(res, "result", where);
    expect_shape(res.at("message"), "message", where);
    const std::string id = res.at("ruleId");
    ASSERT_TRUE(index.count(id)) << where << ": ruleId " << id << " not in tool.driver.rules";
    EXPECT_EQ(res.at("ruleIndex"), index[id]);
    EXPECT_EQ(id, want[i]["rule"]);
    const std::string severity = want[i]["severity"];
    EXPECT_EQ(res.at("level"), severity == "info" ? "note" : severity) << where;
    EXPECT_EQ(res.at("kind"), want[i]["status"] == "fail" ? "fail" : "review") << where;
    EXPECT_EQ(res["message"]["text"], want[i]["message"]) << where;
    ASSERT_EQ(res.at("locations").size(), 1u);
    expect_location(res["locations"][0], where);
    const json& physical = res["locations"][0]["physicalLocation"];
    EXPECT_EQ(physical["artifactLocation"].at("uri"), want[i]["uri"]) << where;
    EXPECT_EQ(physical["artifactLocation"].at("uriBaseId"), "%SRCROOT%") << where;
    if (want[i]["line"].is_null()) {
      EXPECT_FALSE(physical.contains("region")) << where;
    } else {
      EXPECT_EQ(physical.at("region").at("startLine"), want[i]["line"]) << where;
      EXPECT_EQ(physical["region"].at("startColumn"), want[i]["column"]) << where;
    }
  }

  // The inputs that could not be checked: tool execution notifications, and exit code 2.
  ASSERT_EQ(run.at("invocations").size(), 1u);
  const json& invocation = run["invocations"][0];
  expect_shape(invocation, "invocation", "invocation");
  EXPECT_EQ(invocation.at("executionSuccessful"), false);
  EXPECT_EQ(invocation.at("exitCode"), 2);
  const json& notes = invocation.at("toolExecutionNotifications");
  ASSERT_EQ(notes.size(), 2u);
  for (std::size_t i = 0; i < notes.size(); ++i) {
    const std::string where = "notification " + std::to_string(i);
    expect_shape(notes[i], "notification", where);
    expect_shape(notes[i].at("message"), "message", where);
    EXPECT_EQ(notes[i].at("level"), "error");
    expect_location(notes[i].at("locations").at(0), where);
  }
  EXPECT_EQ(notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "broken.txt");
  EXPECT_EQ(notes[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "notes.txt");
}

TEST_F(CliBatch, SarifInEnglishAndWithAbsolutePaths) {
  const std::string file = dir() + "/a/000.txt";
  const CliRun r = run_cli("check --format sarif --lang en " + quote(file));
  EXPECT_EQ(r.code, 0);
  const json log = json::parse(r.out);
  const json& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["shortDescription"]["text"],
            nianbao::rules()[0].title_en);
  const json doc = single(file);
  ASSERT_EQ(run["results"].size(), doc["findings"].size());
  for (std::size_t i = 0; i < doc["findings"].size(); ++i) {
    EXPECT_EQ(run["results"][i]["message"]["text"], doc["findings"][i]["message_en"]);
    const json& location =
        run["results"][i]["locations"][0]["physicalLocation"]["artifactLocation"];
    EXPECT_EQ(location["uri"], "file://" + nianbao::cli::uri_path(file));
    EXPECT_FALSE(location.contains("uriBaseId"));
  }
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], true);
  EXPECT_FALSE(run["invocations"][0].contains("toolExecutionNotifications"));
  EXPECT_EQ(nianbao::cli::uri_path("a b/年报#1.txt"), "a%20b/%E5%B9%B4%E6%8A%A5%231.txt");
}

TEST_F(CliBatch, CellsIsOneRowPerReportInCanonicalOrder) {
  const CliRun r = run_cli("check --format cells " + quote(dir()));
  EXPECT_EQ(r.code, 2);
  const auto rows = parse_csv(strip_bom(r.out));
  const auto& catalogue = nianbao::cell_catalogue();
  ASSERT_EQ(catalogue.size(), 200u);
  std::vector<std::string> header = {"file", "agency", "year", "format", "errors", "warnings"};
  for (const auto& c : catalogue) header.push_back(c.id);
  const std::vector<std::string> files = expected_files();
  ASSERT_EQ(rows.size(), 1 + files.size());
  EXPECT_EQ(rows[0], header);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& row = rows[i + 1];
    const std::string& path = files[i];
    SCOPED_TRACE(path);
    ASSERT_EQ(row.size(), header.size());
    EXPECT_EQ(row[0], path);
    const json doc = path.find("broken") != std::string::npos ? json() : single(path);
    if (!doc.contains("report")) {  // could not be checked: the file name only
      for (std::size_t k = 1; k < row.size(); ++k) EXPECT_EQ(row[k], "") << header[k];
      continue;
    }
    EXPECT_EQ(row[1],
              doc["report"]["agency"].is_null() ? "" : doc["report"]["agency"].get<std::string>());
    EXPECT_EQ(row[3], doc["report"]["format"]);
    EXPECT_EQ(row[4], std::to_string(doc["summary"]["findings"]["error"].get<int>()));
    EXPECT_EQ(row[5], std::to_string(doc["summary"]["findings"]["warning"].get<int>()));
    for (std::size_t k = 0; k < catalogue.size(); ++k) {
      const std::string& id = catalogue[k].id;
      const json* cell = doc["cells"].contains(id) ? &doc["cells"][id] : nullptr;
      const bool ok = cell != nullptr && (*cell)["status"] == "ok" && !(*cell)["value"].is_null();
      if (!ok) {
        EXPECT_EQ(row[6 + k], "") << id;
      } else {
        EXPECT_DOUBLE_EQ(std::stod(row[6 + k]), (*cell)["value"].get<double>()) << id;
      }
    }
  }
}

TEST_F(CliBatch, CellsOfReport000AreTheHandCheckedValues) {
  const CliRun r = run_cli("check --format cells " + quote(dir() + "/a/000.txt"));
  EXPECT_EQ(r.code, 0);
  const auto rows = parse_csv(strip_bom(r.out));
  ASSERT_EQ(rows.size(), 2u);
  const json expected =
      json::parse(slurp(kTests + "/expected/000-xiangxiang-ziranziyuan-2025__report.json"));
  EXPECT_EQ(rows[1][1], expected["report"]["agency"]);
  EXPECT_EQ(rows[1][2], std::to_string(expected["report"]["year"].get<int>()));
  EXPECT_EQ(rows[1][3], expected["report"]["format"]);
  std::size_t compared = 0;
  const auto& catalogue = nianbao::cell_catalogue();
  for (std::size_t k = 0; k < catalogue.size(); ++k) {
    const std::string& id = catalogue[k].id;
    ASSERT_TRUE(expected["cells"].contains(id)) << id;
    const json& e = expected["cells"][id];
    if (e.value("status", std::string("ok")) != "ok" || !e.contains("value")) {
      EXPECT_EQ(rows[1][6 + k], "") << id << " is not ok: no value";
      continue;
    }
    ASSERT_FALSE(rows[1][6 + k].empty()) << id;
    EXPECT_DOUBLE_EQ(std::stod(rows[1][6 + k]), e["value"].get<double>()) << id;
    ++compared;
  }
  EXPECT_EQ(compared, 185u);
  EXPECT_EQ(rows[1][6 + 9], "92.73");  // t2.fees, 万元
}

TEST_F(CliBatch, OutputIsTheSameWithOneOrTwoJobs) {
  for (const char* format : {"text", "json", "csv", "sarif", "cells"}) {
    SCOPED_TRACE(format);
    const std::string args = std::string("check --format ") + format + " " + quote(dir()) + " " +
                             quote(dir() + "/a") + " " + quote(dir() + "/b/033.txt");
    const CliRun a = run_cli(args + " --jobs 1");
    const CliRun b = run_cli(args + " --jobs 2");
    const CliRun c = run_cli(args + " --jobs 7");
    EXPECT_EQ(a.code, 2);
    EXPECT_EQ(a.out, b.out);
    EXPECT_EQ(a.out, c.out);
    EXPECT_EQ(a.err, b.err);
    EXPECT_FALSE(a.out.empty());
  }
}

TEST_F(CliBatch, ExitCodes) {
  const std::string clean = dir() + "/a/000.txt";  // warnings, no error
  const std::string with_errors =
      kCorpus + "/001-huaian-hongze-2023/pdftotext-layout.txt";  // errors
  EXPECT_EQ(run_cli("check --format csv " + quote(clean) + " " + quote(clean)).code, 0);
  EXPECT_EQ(run_cli("check " + quote(clean) + " " + quote(with_errors)).code, 1);
  EXPECT_EQ(
      run_cli("check --format json " + quote(with_errors) + " " + quote(dir() + "/notes.txt")).code,
      2);
  EXPECT_EQ(
      run_cli("check --format sarif " + quote(dir() + "/broken.txt") + " " + quote(clean)).code, 2);
  // Hiding the error findings hides their exit code too.
  EXPECT_EQ(run_cli("check --ignore format-outdated,t4-group-total " + quote(clean) + " " +
                    quote(with_errors))
                .code,
            0);
  // An unknown rule id is a usage error before anything is read.
  const CliRun bad = run_cli("check --ignore no-such-rule " + quote(dir()));
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.out, "");
  nianbao::testing::expect_one_line_error(bad);
}

TEST_F(CliBatch, AFolderWithoutReportsIsAnInputError) {
  const std::string empty = make_temp_dir("empty");
  write_file(empty + "/x.tsv", "1\n");
  const CliRun r = run_cli("check --format csv " + quote(empty));
  EXPECT_EQ(r.code, 2);
  const auto rows = parse_csv(strip_bom(r.out));
  EXPECT_EQ(rows.size(), 1u);  // the header only
  EXPECT_NE(r.err.find("no report files found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped 1 file(s)"), std::string::npos) << r.err;
  const CliRun sarif = run_cli("check --format sarif " + quote(empty));
  const json log = json::parse(sarif.out, nullptr, false);
  ASSERT_FALSE(log.is_discarded()) << sarif.out;
  EXPECT_TRUE(log["runs"][0]["results"].empty());
  std::system(("rm -rf " + quote(empty)).c_str());
}

TEST_F(CliBatch, StandardInputAmongFiles) {
  const std::string file = dir() + "/a/000.txt";
  const CliRun r = run_cli("check --format json - " + quote(file), file);
  EXPECT_EQ(r.code, 0);
  const std::vector<json> docs = parse_lines(r.out);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0]["file"], "-");
  json a = docs[0], b = docs[1];
  a.erase("file");
  b.erase("file");
  EXPECT_EQ(a, b);
  const CliRun text = run_cli("check - " + quote(file), file);
  EXPECT_NE(text.out.find("<stdin>："), std::string::npos);
}

TEST_F(CliBatch, ProgressLineOnlyWhenAskedOrOnATerminal) {
  const CliRun quiet = run_cli("check --format csv " + quote(dir() + "/a"));
  EXPECT_EQ(quiet.err, "");  // not a terminal: nothing
  const CliRun shown =
      run_cli("check --format csv " + quote(dir() + "/a"), "/dev/null", "NIANBAO_PROGRESS=always");
  EXPECT_NE(shown.err.find("\r\033[K"), std::string::npos);
  EXPECT_NE(shown.err.find("已核验 2/2"), std::string::npos) << shown.err;
  EXPECT_EQ(shown.err.substr(shown.err.size() - 4), "\r\033[K");  // cleared at the end
  EXPECT_EQ(shown.out, quiet.out);
  const CliRun en =
      run_cli("check --lang en " + quote(dir() + "/a"), "/dev/null", "NIANBAO_PROGRESS=always");
  EXPECT_NE(en.err.find("checked 2/2"), std::string::npos) << en.err;
  EXPECT_NE(en.err.find("/s  ETA "), std::string::npos) << en.err;
}

TEST(CliCells, TextAndJsonCatalogue) {
  const CliRun text = run_cli("cells");
  EXPECT_EQ(text.code, 0);
  const auto& catalogue = nianbao::cell_catalogue();
  std::size_t lines = 0, at = 0;
  for (const auto& c : catalogue) {
    const std::size_t found = text.out.find(c.id + "  ", at);
    ASSERT_NE(found, std::string::npos) << c.id;
    EXPECT_NE(text.out.find(c.label, found), std::string::npos) << c.id;
    at = found;
  }
  for (const char ch : text.out) lines += ch == '\n';
  EXPECT_EQ(lines, catalogue.size());
  const CliRun en = run_cli("cells --lang en");
  EXPECT_NE(en.out.find(catalogue[20].label_en), std::string::npos);
  const CliRun j = run_cli("cells --format json");
  EXPECT_EQ(j.code, 0);
  EXPECT_EQ(json::parse(j.out), json::parse(nianbao::cells_to_json()));
  EXPECT_EQ(json::parse(j.out).size(), catalogue.size());
}

TEST(CliCsv, FieldsAndNumbers) {
  using nianbao::cli::csv_field;
  using nianbao::cli::number_text;
  EXPECT_EQ(csv_field("plain 文本"), "plain 文本");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(number_text(33), "33");
  EXPECT_EQ(number_text(-2), "-2");
  EXPECT_EQ(number_text(7730.28), "7730.28");
  EXPECT_EQ(number_text(0.1 + 0.2), "0.30000000000000004");
}

}  // namespace
