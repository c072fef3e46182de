// Output of a batch (`nianbao check` with several inputs or a folder): each input's part is
// rendered by the worker that checked it (render_file), the writer puts the parts out in input
// order between a header and a footer (BatchWriter), so nothing but a few counters is held.
//
//   text   the one-file terminal report per input, then a summary of the batch
//   json   JSON Lines: one contract document (../shared/spec/output.md) per input, on one line,
//          with "file" added
//   csv    one row per finding, UTF-8 with BOM, RFC 4180 (CRLF, quotes doubled)
//   sarif  SARIF 2.1.0: one run, the rule catalogue as tool.driver.rules
//   cells  one CSV row per report: file, agency, year, format, errors, warnings, then every
//          canonical cell (value when its status is ok, else empty)
#pragma once

#include <cstddef>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "args.hpp"
#include "nianbao/nianbao.hpp"

namespace nianbao::cli {

// One input, checked (or not), as the writer needs it.
struct FileReport {
  std::string path;         // as given or found ("-": standard input)
  int exit_code = 0;        // 0 | 1 | 2
  bool unreadable = false;  // exit 2 before the core: cannot read, decode or extract
  std::string input_error;  // why, when exit_code == 2
  std::string note;         // a line for stderr that does not stop the check (pages without text)
  std::optional<std::string> agency;
  std::optional<int> year;
  int errors = 0, warnings = 0, infos = 0;
  std::vector<std::string> fired;  // the rule of every finding shown, in order
  // --cross-year: the input taken as last year's report ("" when none), why it could not be read
  // again, and the inputs that could each be last year's report (then none is taken).
  std::string previous_path, previous_error;
  std::vector<std::string> previous_candidates;
  std::string rendered;  // this input's part of the output
};

// The name shown for a path in text ("<stdin>" for "-").
std::string shown_path(std::string_view path);

// Fills report.rendered (and the counters) for the chosen format. `text` is what was checked.
void render_file(const Args& args, const Result& result, std::string_view text, FileReport* report);

// RFC 4180 field: quoted when it holds a comma, quote, CR or LF.
std::string csv_field(std::string_view value);
// A number as a spreadsheet reads it: integers without a decimal point, else the shortest
// round-tripping decimal.
std::string number_text(double value);
// Percent-encodes a path as a URI reference (RFC 3986): unreserved characters and "/" stay.
std::string uri_path(std::string_view path);

class BatchWriter {
 public:
  BatchWriter(const Args& args, std::ostream& out) : args_(args), out_(out) {}
  void begin();
  void file(const FileReport& report);
  // `skipped`: files in folders with another extension; `exit_code`: of the whole batch.
  void end(std::size_t skipped, int exit_code);

 private:
  void summary(std::size_t skipped);

  const Args& args_;
  std::ostream& out_;
  std::size_t results_ = 0;                 // sarif: results written so far
  std::vector<std::string> notifications_;  // sarif: inputs that could not be checked
  // Counters for the text summary.
  std::size_t files_ = 0, unreadable_ = 0, not_reports_ = 0;
  std::size_t paired_ = 0, ambiguous_ = 0;  // --cross-year
  long long errors_ = 0, warnings_ = 0, infos_ = 0;
  std::size_t files_with_errors_ = 0, files_with_warnings_ = 0;
  struct RuleCount {
    long long findings = 0;
    std::size_t files = 0;
  };
  std::map<std::string, RuleCount> rule_counts_;
  struct TopFile {
    int errors;
    std::size_t index;
    std::string path, who;
  };
  std::vector<TopFile> top_files_;  // the files with most errors, at most kTop
};

}  // namespace nianbao::cli
