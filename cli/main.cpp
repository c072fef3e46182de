// nianbao: command-line validator for 政府信息公开工作年度报告. See `nianbao --help`.
#include <iostream>
#include <string>
#include <vector>

#include "args.hpp"
#include "run.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> arguments(argv + 1, argv + argc);
  const nianbao::cli::ParseResult parsed = nianbao::cli::parse_args(arguments);
  if (!parsed.ok) {
    std::cerr << "nianbao: " << parsed.error << '\n';
    return 2;
  }
  const int code = nianbao::cli::run(parsed.args, std::cin, std::cout, std::cerr);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "nianbao: 写入标准输出失败（cannot write standard output）\n";
    return 2;
  }
  return code;
}
