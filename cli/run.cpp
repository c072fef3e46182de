#include "run.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <ostream>

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

int check_bytes(const Args& args, std::string_view bytes, std::string_view name, std::ostream& out,
                std::ostream& err) {
  const std::string shown = display_name(name);
  if (bytes.size() > kMaxInputBytes) {
    err << "nianbao: " << shown << ": 输入超过 " << kMaxInputBytes / (1024 * 1024)
        << " MiB 上限（input larger than " << kMaxInputBytes << " bytes）\n";
    return 2;
  }
  for (const std::string& id : args.ignore) {
    const auto& catalogue = rules();
    if (std::none_of(catalogue.begin(), catalogue.end(),
                     [&](const RuleInfo& r) { return r.id == id; })) {
      err << "nianbao: 未知规则：" << id << "（unknown rule id; see nianbao rules）\n";
      return 2;
    }
  }
  const Decoded decoded = decode_input(bytes);
  if (!decoded.ok) {
    err << "nianbao: " << shown << ": " << decoded.error << '\n';
    return 2;
  }

  Options options;
  options.ignore = args.ignore;
  options.min_severity = args.min_severity;
  options.scope = args.scope;
  options.encoding = decoded.encoding;
  if (bytes.size() != decoded.utf8.size()) options.input_bytes = bytes.size();

  const Result result = check(decoded.utf8, options);
  if (args.format == Format::json) {
    print(out, to_json(result));  // also for exit code 2: the document says why
  } else if (result.exit_code != 2) {
    print(out, to_text(result, decoded.utf8, shown, args.english));
  }
  if (result.exit_code == 2) err << "nianbao: " << shown << ": " << result.input_error << '\n';
  return result.exit_code;
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
    case Command::check:
      break;
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
