// Command-line parsing for the `nianbao` CLI, kept free of I/O so it can be unit tested.
#pragma once

#include <string>
#include <vector>

#include "nianbao/nianbao.hpp"

namespace nianbao::cli {

enum class Command { check, rules, version, help };
enum class Format { text, json };

struct Args {
  Command command = Command::help;
  Format format = Format::text;
  std::vector<std::string> ignore;  // rule ids, from one or more --ignore ID,ID
  Severity min_severity = Severity::info;
  bool english = false;                    // --lang en
  ScopeMode scope = ScopeMode::automatic;  // --scope full|excerpt (whole report or part)
  std::string file;                        // "-" reads standard input
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
