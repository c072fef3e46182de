#include "args.hpp"

#include <string_view>

namespace nianbao::cli {
namespace {

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
    // --name=value or --name value
    std::string value;
    bool has_value = false;
    if (const std::size_t eq = arg.find('='); eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg.resize(eq);
      has_value = true;
    }
    const bool takes_value = arg == "--format" || arg == "--ignore" || arg == "--min-severity" ||
                             arg == "--lang" || arg == "--scope";
    if (!takes_value) return fail("未知选项：" + arg + "（unknown option; see nianbao --help）");
    if (!has_value) {
      if (i + 1 >= argv.size()) return fail("选项 " + arg + " 缺少取值（missing value）");
      value = argv[++i];
    }
    if (arg == "--format") {
      if (value == "text") {
        a.format = Format::text;
      } else if (value == "json") {
        a.format = Format::json;
      } else {
        return fail("--format 只能是 text 或 json（got: " + value + "）");
      }
    } else if (arg == "--lang") {
      if (value == "zh") {
        a.english = false;
      } else if (value == "en") {
        a.english = true;
      } else {
        return fail("--lang 只能是 zh 或 en（got: " + value + "）");
      }
    } else if (arg == "--min-severity") {
      if (a.command != Command::check) return fail("--min-severity 只用于 check（only for check）");
      const auto s = parse_severity(value);
      if (!s) return fail("--min-severity 只能是 info、warning 或 error（got: " + value + "）");
      a.min_severity = *s;
    } else if (arg == "--scope") {  // whole report or part of one (issue 17)
      const auto m = parse_scope_mode(value);
      if (a.command != Command::check || !m) {
        return fail("--scope 只用于 check，取值 auto、full 或 excerpt（got: " + value + "）");
      }
      a.scope = *m;
    } else {  // --ignore
      if (a.command != Command::check) return fail("--ignore 只用于 check（only for check）");
      split_ids(value, &a.ignore);
    }
  }

  if (a.command == Command::check) {
    if (operands.empty()) return fail("check 需要一个文件，或 - 表示标准输入（missing FILE）");
    if (operands.size() > 1) return fail("check 只接受一个文件（one FILE only）");
    a.file = operands[0];
    if (a.file.empty()) return fail("文件名为空（empty FILE）");
  } else if (!operands.empty()) {
    return fail("rules 不接受文件参数（unexpected argument: " + operands[0] + "）");
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
         "  nianbao check [选项] FILE|-     核验一份年报（- 读标准输入）\n"
         "  nianbao rules [--format text|json] [--lang zh|en]   列出全部规则\n"
         "  nianbao --version               版本\n"
         "  nianbao --help                  本帮助\n"
         "\n"
         "check 选项 Options:\n"
         "  --format text|json              输出格式（默认 text；json 见 spec/output.md）\n"
         "  --ignore ID,ID                  隐藏这些规则的结果（可重复）\n"
         "  --min-severity info|warning|error  隐藏低于此级别的结果（默认 info）\n"
         "  --lang zh|en                    文本输出的语言（默认 zh）\n"
         "  --scope auto|full|excerpt       按完整报告或报告的一部分检查（默认 auto：自动判断）\n"
         "\n"
         "输入 Input: UTF-8（可带 BOM）、带 BOM 的 UTF-16、GB18030/GBK；最大 " +
         std::to_string(kMaxInputBytes / (1024 * 1024)) +
         " MiB。PDF 与 Word（.docx）文件经 Node.js 读取（cli/nianbao-file.mjs；PDF and Word files\n"
         "are read with Node.js）。\n"
         "退出码 Exit codes: 0 无错误级结果 no error finding; 1 至少一条错误 at least one error;\n"
         "                   2 用法或输入错误 usage or input error.\n";
}

}  // namespace nianbao::cli
