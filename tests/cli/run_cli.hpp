// Shared by the CLI process tests: run the built `nianbao` with arguments and a stdin file,
// and collect its exit code, stdout and stderr.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace nianbao::testing {

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs the CLI with `args` (already shell-quoted where needed) and stdin from `stdin_path`;
// `env` is put before the command (e.g. "NIANBAO_SOURCE_DIR=/x").
inline CliRun run_cli(const std::string& args, const std::string& stdin_path = "/dev/null",
                      const std::string& env = "") {
  // Unique per process: ctest -j runs several test processes at once.
  const std::string prefix = ::testing::TempDir() + "nianbao_cli_" + std::to_string(getpid());
  const std::string out = prefix + ".out", err = prefix + ".err";
  const std::string command = env + (env.empty() ? "" : " ") + quote(NIANBAO_CLI_PATH) + " " +
                              args + " <" + quote(stdin_path) + " >" + quote(out) + " 2>" +
                              quote(err);
  const int status = std::system(command.c_str());
  CliRun r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  std::remove(out.c_str());
  std::remove(err.c_str());
  return r;
}

// One line on stderr, prefixed "nianbao: ".
inline void expect_one_line_error(const CliRun& r) {
  EXPECT_EQ(r.err.rfind("nianbao: ", 0), 0u) << r.err;
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.back(), '\n');
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

}  // namespace nianbao::testing
