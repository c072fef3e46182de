// Command-line parsing for the `nianbao` CLI, kept free of I/O so it can be unit tested.
#pragma once

#include <string>
#include <vector>

#include "nianbao/nianbao.hpp"

namespace nianbao::cli {

enum class Command { check, rules, cells, version, help };
// text and json for every command; csv, sarif and cells (the spreadsheet of every table) for check.
enum class Format { text, json, csv, sarif, cells };

struct Args {
  Command command = Command::help;
  Format format = Format::text;
  std::vector<std::string> ignore;  // rule ids, from one or more --ignore ID,ID
  Severity min_severity = Severity::info;
  bool english = false;            // --lang en
  std::string file;                // the first PATH; "-" reads standard input
  std::vector<std::string> files;  // every PATH, in order (check)
  int jobs = 0;                    // --jobs N; 0: one per core
  std::string previous;  // --previous LAST: the previous year's report (a file name), or ""
  ScopeMode scope = ScopeMode::automatic;  // --scope full|excerpt (whole report or part)
  bool cross_year = false;  // --cross-year: pair the batch's reports of consecutive years
};

struct ParseResult {
  bool ok = false;
  Args args;
  std::string error;  // one line, when !ok
};

// Parses the arguments after the program name.
ParseResult parse_args(const std::vector<std::string>& argv);

// The --help text.
std::string usage();

}  // namespace nianbao::cli
