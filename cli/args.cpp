#include "args.hpp"

#include <string_view>

namespace nianbao::cli {
namespace {

constexpr int kMaxJobs = 256;

ParseResult fail(std::string message) {
  ParseResult r;
  r.error = std::move(message);
  return r;
}

void split_ids(std::string_view list, std::vector<std::string>* out) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    std::string_view id = list.substr(0, comma);
    while (!id.empty() && id.front() == ' ') id.remove_prefix(1);
    while (!id.empty() && id.back() == ' ') id.remove_suffix(1);
    if (!id.empty()) out->emplace_back(id);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

// --jobs N: 1..kMaxJobs, else 0.
int parse_jobs(const std::string& value) {
  if (value.empty() || value.size() > 4) return 0;
  int n = 0;
  for (const char c : value) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n <= kMaxJobs ? n : 0;
}

// Applies one option that takes a value; returns the one-line error, or "" when it is fine.
std::string apply_option(const std::string& arg, const std::string& value, Args* args) {
  Args& a = *args;
  if (arg == "--format") {
    if (value == "text") {
      a.format = Format::text;
    } else if (value == "json") {
      a.format = Format::json;
    } else if (a.command == Command::check && value == "csv") {
      a.format = Format::csv;
    } else if (a.command == Command::check && value == "sarif") {
      a.format = Format::sarif;
    } else if (a.command == Command::check && value == "cells") {
      a.format = Format::cells;
    } else if (a.command == Command::check) {
      return "--format 只能是 text、json、csv、sarif 或 cells（got: " + value + "）";
    } else {
      return "--format 只能是 text 或 json（got: " + value + "）";
    }
  } else if (arg == "--jobs" || arg == "-j") {
    if (a.command != Command::check) return "--jobs 只用于 check（only for check）";
    const int n = parse_jobs(value);
    if (n < 1) {
      return "--jobs 应为 1 到 " + std::to_string(kMaxJobs) + " 的整数（got: " + value + "）";
    }
    a.jobs = n;
  } else if (arg == "--lang") {
    if (value == "zh") {
      a.english = false;
    } else if (value == "en") {
      a.english = true;
    } else {
      return "--lang 只能是 zh 或 en（got: " + value + "）";
    }
  } else if (arg == "--previous") {
    if (a.command != Command::check) return "--previous 只用于 check（only for check）";
    if (value.empty() || value == "-") {
      return "--previous 需要上一年度报告的文件名（a file name, not standard input）";
    }
    a.previous = value;
  } else if (arg == "--scope") {  // whole report or part of one (issue 17)
    const auto m = parse_scope_mode(value);
    if (a.command != Command::check || !m) {
      return "--scope 只用于 check，取值 auto、full 或 excerpt（got: " + value + "）";
    }
    a.scope = *m;
  } else if (arg == "--min-severity") {
    if (a.command != Command::check) return "--min-severity 只用于 check（only for check）";
    const auto s = parse_severity(value);
    if (!s) return "--min-severity 只能是 info、warning 或 error（got: " + value + "）";
    a.min_severity = *s;
  } else {  // --ignore
    if (a.command != Command::check) return "--ignore 只用于 check（only for check）";
    split_ids(value, &a.ignore);
  }
  return "";
}

}  // namespace

ParseResult parse_args(const std::vector<std::string>& argv) {
  ParseResult r;
  Args& a = r.args;
  if (argv.empty()) return fail("缺少命令（missing command; see nianbao --help）");

  std::size_t i = 0;
  const std::string& first = argv[0];
  if (first == "--help" || first == "-h" || first == "help") {
    a.command = Command::help;
    r.ok = true;
    return r;
  }
  if (first == "--version" || first == "-V" || first == "version") {
    a.command = Command::version;
    r.ok = true;
    return r;
  }
  if (first == "check") {
    a.command = Command::check;
  } else if (first == "rules") {
    a.command = Command::rules;
  } else if (first == "cells") {
    a.command = Command::cells;
  } else {
    return fail("未知命令：" + first + "（unknown command; see nianbao --help）");
  }
  ++i;

  bool only_operands = false;
  std::vector<std::string> operands;
  for (; i < argv.size(); ++i) {
    std::string arg = argv[i];
    if (only_operands || arg == "-" || arg.empty() || arg[0] != '-') {
      operands.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_operands = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      a.command = Command::help;
      r.ok = true;
      return r;
    }
    if (arg == "--cross-year") {
      if (a.command != Command::check) return fail("--cross-year 只用于 check（only for check）");
      a.cross_year = true;
      continue;
    }
    // --name=value or --name value
    std::string value;
    bool has_value = false;
    if (const std::size_t eq = arg.find('='); eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg.resize(eq);
      has_value = true;
    }
    const bool takes_value = arg == "--format" || arg == "--ignore" || arg == "--min-severity" ||
                             arg == "--lang" || arg == "--jobs" || arg == "-j" ||
                             arg == "--previous" || arg == "--scope";
    if (!takes_value) return fail("未知选项：" + arg + "（unknown option; see nianbao --help）");
    if (!has_value) {
      if (i + 1 >= argv.size()) return fail("选项 " + arg + " 缺少取值（missing value）");
      value = argv[++i];
    }
    if (std::string error = apply_option(arg, value, &a); !error.empty()) {
      return fail(std::move(error));
    }
  }

  if (a.command == Command::check) {
    if (operands.empty()) return fail("check 需要文件或文件夹，或 - 表示标准输入（missing PATH）");
    int stdin_operands = 0;
    for (const std::string& path : operands) {
      if (path.empty()) return fail("文件名为空（empty PATH）");
      stdin_operands += path == "-";
    }
    if (stdin_operands > 1) return fail("- （标准输入）只能给一次（- given more than once）");
    if (!a.previous.empty() &&
        (operands.size() > 1 || (a.format != Format::text && a.format != Format::json))) {
      return fail(
          "--previous 只能与一份年报、text 或 json 格式一起使用（--previous takes one report, "
          "text or json output）");
    }
    if (a.cross_year && !a.previous.empty()) {
      return fail(
          "--cross-year 与 --previous 不能同时使用（--cross-year pairs the inputs themselves; "
          "drop --previous）");
    }
    a.file = operands[0];
    a.files = std::move(operands);
  } else if (!operands.empty()) {
    return fail(std::string(a.command == Command::rules ? "rules" : "cells") +
                " 不接受文件参数（unexpected argument: " + operands[0] + "）");
  }
  r.ok = true;
  return r;
}

std::string usage() {
  return std::string("nianbao ") + kVersion +
         " — 政府信息公开工作年度报告核验（validator for government information disclosure "
         "annual reports）\n"
         "\n"
         "用法 Usage:\n"
         "  nianbao check [选项] PATH...    核验年报：文件、文件夹（递归）或 - （标准输入）\n"
         "  nianbao rules [--format text|json] [--lang zh|en]   列出全部规则\n"
         "  nianbao cells [--format text|json] [--lang zh|en]   列出表二至表四的全部单元格\n"
         "  nianbao --version               版本\n"
         "  nianbao --help                  本帮助\n"
         "\n"
         "check 选项 Options:\n"
         "  --format text|json|csv|sarif|cells\n"
         "                                  输出格式（默认 text；json 见 "
         "spec/output.md，多个输入时\n"
         "                                  每行一份 JSON Lines；csv 每条结果一行；sarif 2.1.0；\n"
         "                                  cells 每份年报一行、全部单元格一列）\n"
         "  --ignore ID,ID                  隐藏这些规则的结果（可重复）\n"
         "  --min-severity info|warning|error  隐藏低于此级别的结果（默认 info）\n"
         "  --lang zh|en                    文本、csv、sarif 中说明文字的语言（默认 zh）\n"
         "  --jobs N, -j N                  同时核验的文件数（默认为 CPU 核数）\n"
         "  --previous LAST                 上一年度报告（文本、HTML、PDF 或 "
         ".docx），做跨年度核验\n"
         "                                  (the previous year's report: cross-year checks)\n"
         "  --scope auto|full|excerpt       按完整报告或报告的一部分检查（默认 auto：自动判断）\n"
         "  --cross-year                    输入中同一机关相邻年度的报告两两配对，做跨年度核验\n"
         "                                  (pair the inputs' reports of consecutive years)\n"
         "\n"
         "文件夹 Folders: 递归读取其中的 .txt .md .html .htm .pdf .docx（其他文件跳过并计数；\n"
         "以 . 开头的文件和文件夹不读）。结果按输入顺序输出。\n"
         "输入 Input: UTF-8（可带 BOM）、带 BOM 的 UTF-16、GB18030/GBK；最大 " +
         std::to_string(kMaxInputBytes / (1024 * 1024)) +
         " MiB。PDF 与 Word（.docx）文件经 Node.js 读取（cli/nianbao-file.mjs；PDF and Word files\n"
         "are read with Node.js）。\n"
         "退出码 Exit codes: 0 无错误级结果 no error finding; 1 至少一条错误 at least one error;\n"
         "                   2 用法或输入错误（任一输入无法读取或不是年报）usage or input error.\n";
}

}  // namespace nianbao::cli
