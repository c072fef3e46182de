#include "run.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <istream>
#include <ostream>
#include <sstream>

#include "batch.hpp"
#include "documents.hpp"

namespace nianbao::cli {
namespace {

std::string display_name(std::string_view file) {
  return file == "-" ? std::string("<stdin>") : std::string(file);
}

void print(std::ostream& out, const std::string& text) {
  out << text;
  if (!text.empty() && text.back() != '\n') out << '\n';
}

// Reads up to `limit` bytes.
void read_limited(std::istream& in, std::size_t limit, std::string* bytes) {
  char buffer[1 << 16];
  while (bytes->size() < limit && in) {
    in.read(buffer, static_cast<std::streamsize>(std::min(sizeof buffer, limit - bytes->size())));
    bytes->append(buffer, static_cast<std::size_t>(in.gcount()));
  }
}

// --previous LAST: read and decoded like FILE; a PDF or .docx through the same Node.js
// extraction (documents.hpp). False, with one line on `err`, when it cannot be read.
bool load_previous(const std::string& file, Options& options, std::ostream& err) {
  std::string bytes, error;
  std::istringstream no_stdin;
  if (!read_input(file, no_stdin, &bytes, &error)) {
    err << "nianbao: " << file << ": " << error << '\n';
    return false;
  }
  if (bytes.size() > kMaxInputBytes) {
    err << "nianbao: " << file << ": 输入超过 " << kMaxInputBytes / (1024 * 1024)
        << " MiB 上限（input larger than " << kMaxInputBytes << " bytes）\n";
    return false;
  }
  const DocumentKind kind = sniff_document(bytes);
  if (kind != DocumentKind::none && !extract_document(file, kind, &bytes, err)) return false;
  const Decoded decoded = decode_input(bytes);
  if (!decoded.ok) {
    err << "nianbao: " << file << ": " << decoded.error << '\n';
    return false;
  }
  if (bytes.size() != decoded.utf8.size()) options.previous_input_bytes = bytes.size();
  options.previous = decoded.utf8;
  return true;
}

}  // namespace

bool read_input(const std::string& file, std::istream& in, std::string* bytes, std::string* error) {
  bytes->clear();
  const std::size_t limit = kMaxInputBytes + 1;
  if (file == "-") {
    read_limited(in, limit, bytes);
    if (in.bad()) {
      *error = "读取标准输入失败（cannot read standard input）";
      return false;
    }
    return true;
  }
  std::ifstream f(file, std::ios::binary);
  if (!f) {
    *error = std::string("无法打开文件（cannot open: ") + std::strerror(errno) + "）";
    return false;
  }
  read_limited(f, limit, bytes);
  if (f.bad()) {
    *error = std::string("读取失败（cannot read: ") + std::strerror(errno) + "）";
    return false;
  }
  return true;
}

bool known_rules(const Args& args, std::ostream& err) {
  const auto& catalogue = rules();
  for (const std::string& id : args.ignore) {
    if (std::none_of(catalogue.begin(), catalogue.end(),
                     [&](const RuleInfo& r) { return r.id == id; })) {
      err << "nianbao: 未知规则：" << id << "（unknown rule id; see nianbao rules）\n";
      return false;
    }
  }
  return true;
}

Options check_options(const Args& args, const Decoded& decoded, std::size_t input_bytes) {
  Options options;
  options.ignore = args.ignore;
  options.min_severity = args.min_severity;
  options.scope = args.scope;
  options.encoding = decoded.encoding;
  if (input_bytes != decoded.utf8.size()) options.input_bytes = input_bytes;
  return options;
}

int check_bytes(const Args& args, std::string_view bytes, std::string_view name, std::ostream& out,
                std::ostream& err) {
  const std::string shown = display_name(name);
  if (bytes.size() > kMaxInputBytes) {
    err << "nianbao: " << shown << ": 输入超过 " << kMaxInputBytes / (1024 * 1024)
        << " MiB 上限（input larger than " << kMaxInputBytes << " bytes）\n";
    return 2;
  }
  if (!known_rules(args, err)) return 2;
  const Decoded decoded = decode_input(bytes);
  if (!decoded.ok) {
    err << "nianbao: " << shown << ": " << decoded.error << '\n';
    return 2;
  }

  Options options = check_options(args, decoded, bytes.size());
  if (!args.previous.empty() && !load_previous(args.previous, options, err)) return 2;

  const Result result = check(decoded.utf8, options);
  if (args.format == Format::json) {
    print(out, to_json(result));  // also for exit code 2: the document says why
  } else if (result.exit_code != 2) {
    print(out, to_text(result, decoded.utf8, shown, args.english));
  }
  if (result.exit_code == 2) err << "nianbao: " << shown << ": " << result.input_error << '\n';
  return result.exit_code;
}

std::string cells_to_text(bool english) {
  std::size_t width = 0;
  for (const CellInfo& c : cell_catalogue()) width = std::max(width, c.id.size());
  std::string out;
  for (const CellInfo& c : cell_catalogue()) {
    out +=
        c.id + std::string(width + 2 - c.id.size(), ' ') + (english ? c.label_en : c.label) + "\n";
  }
  return out;
}

int run(const Args& args, std::istream& in, std::ostream& out, std::ostream& err) {
  switch (args.command) {
    case Command::help:
      out << usage();
      return 0;
    case Command::version:
      out << "nianbao " << kVersion << " (schema " << kSchemaVersion << ")\n";
      return 0;
    case Command::rules:
      print(out, args.format == Format::json ? rules_to_json() : rules_to_text(args.english));
      return 0;
    case Command::cells:
      print(out, args.format == Format::json ? cells_to_json() : cells_to_text(args.english));
      return 0;
    case Command::check:
      break;
  }
  if (is_batch(args)) {
    // The progress line: when stderr is a terminal ($NIANBAO_PROGRESS=always|never overrides).
    const char* env = std::getenv("NIANBAO_PROGRESS");
    const std::string setting = env != nullptr ? env : "";
    const bool progress = setting == "always"  ? true
                          : setting == "never" ? false
                                               : &err == &std::cerr && ::isatty(STDERR_FILENO);
    return run_batch(args, in, out, err, progress);
  }
  std::string bytes, error;
  if (!read_input(args.file, in, &bytes, &error)) {
    err << "nianbao: " << display_name(args.file) << ": " << error << '\n';
    return 2;
  }
  // PDF and Word files are read by the JavaScript extraction under Node.js (documents.hpp).
  const DocumentKind kind = sniff_document(bytes);
  if (kind != DocumentKind::none) return check_document(args, kind, out, err);
  return check_bytes(args, bytes, args.file, out, err);
}

}  // namespace nianbao::cli
