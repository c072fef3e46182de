// What the `nianbao` command does once its arguments are parsed. Streams are parameters so the
// tests can drive it without a terminal.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "args.hpp"

namespace nianbao::cli {

// Runs a parsed command and returns the process exit code (0, 1 or 2).
int run(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);

// The core's options for one input: the command's filters and scope, the input's encoding and
// its size as supplied.
Options check_options(const Args& args, const Decoded& decoded, std::size_t input_bytes);

// False, with one line on `err`, when --ignore names a rule the catalogue does not have.
bool known_rules(const Args& args, std::ostream& err);

// `check` on bytes already read: size limit, decoding, check, output. `name` is the file name
// shown in messages ("-" is shown as "<stdin>").
int check_bytes(const Args& args, std::string_view bytes, std::string_view name, std::ostream& out,
                std::ostream& err);

// `nianbao cells` as text: one line per canonical cell, id and label.
std::string cells_to_text(bool english);

// Reads FILE ("-": `in`) as bytes, stopping one byte past kMaxInputBytes. False + one-line
// reason when the file cannot be read.
bool read_input(const std::string& file, std::istream& in, std::string* bytes, std::string* error);

}  // namespace nianbao::cli
