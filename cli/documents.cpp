#include "documents.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <ostream>
#include <sstream>

extern char** environ;

namespace nianbao::cli {
namespace {

constexpr std::string_view kScript = "/cli/nianbao-file.mjs";

std::string shown_name(const std::string& file) { return file == "-" ? "<stdin>" : file; }

bool is_file(const std::string& path) {
  struct stat st {};
  return !path.empty() && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string self_path() {
  char buffer[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
}

// The environment of the helper: ours, with NIANBAO_CLI naming this binary (the helper pipes the
// recovered text into `$NIANBAO_CLI check -`).
std::vector<std::string> environment_with_self() {
  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    if (std::strncmp(*e, "NIANBAO_CLI=", 12) != 0) env.emplace_back(*e);
  }
  const std::string self = self_path();
  if (!self.empty()) env.push_back("NIANBAO_CLI=" + self);
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Runs argv, copying its stdout to `out` and its stderr to `err` until both close. Returns the
// exit code, -1 (errno in *spawn_error) when it could not be started, 2 when it was killed.
int run_captured(std::vector<std::string> argv, std::vector<std::string> env, std::ostream& out,
                 std::ostream& err, int* spawn_error) {
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    *spawn_error = errno;
    return -1;
  }
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    *spawn_error = errno;
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return -1;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  std::vector<char*> c_argv = c_strings(argv);
  std::vector<char*> c_env = c_strings(env);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, c_argv[0], &actions, nullptr, c_argv.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) {
    *spawn_error = rc;
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    return -1;
  }
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::ostream* sinks[2] = {&out, &err};
  int open_fds = 2;
  char buffer[1 << 16];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->write(buffer, n);
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (const pollfd& p : fds) {
    if (p.fd >= 0) ::close(p.fd);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}

}  // namespace

DocumentKind sniff_document(std::string_view bytes) {
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return DocumentKind::docx;
  if (bytes.substr(0, 5) == "%PDF-") return DocumentKind::pdf;
  const std::string_view tail = bytes.substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0);
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos &&
      tail.find("%%EOF") != std::string_view::npos) {
    return DocumentKind::pdf;
  }
  return DocumentKind::none;
}

std::vector<std::string> document_command(const Args& args, const std::string& script) {
  std::vector<std::string> argv = {script, "check"};
  if (args.format == Format::json) argv.insert(argv.end(), {"--format", "json"});
  if (!args.ignore.empty()) {
    std::string ids;
    for (const std::string& id : args.ignore) ids += (ids.empty() ? "" : ",") + id;
    argv.insert(argv.end(), {"--ignore", ids});
  }
  if (args.min_severity != Severity::info) {
    argv.insert(argv.end(), {"--min-severity", severity_name(args.min_severity)});
  }
  if (args.english) argv.insert(argv.end(), {"--lang", "en"});
  if (!args.previous.empty()) argv.push_back("--previous=" + args.previous);
  if (args.scope != ScopeMode::automatic)
    argv.insert(argv.end(), {"--scope", scope_mode_name(args.scope)});
  argv.push_back(args.file);
  return argv;
}

std::string document_script() {
  const char* dir = std::getenv("NIANBAO_SOURCE_DIR");
  if (dir != nullptr && *dir != '\0') return std::string(dir) + std::string(kScript);
#ifdef NIANBAO_SOURCE_DIR
  return std::string(NIANBAO_SOURCE_DIR) + std::string(kScript);
#else
  return std::string();
#endif
}

std::vector<std::string> helper_environment() { return environment_with_self(); }

const char* document_kind_name(DocumentKind kind) {
  return kind == DocumentKind::pdf ? "PDF" : "Word/ZIP";
}

std::string stdin_document_message(DocumentKind kind) {
  const std::string what = document_kind_name(kind);
  return what + " 文件请以文件名给出（nianbao check report.pdf），不能从标准输入读取（give " +
         what + " files by name, not on standard input）";
}

std::string missing_script_message(DocumentKind kind, const std::string& script) {
  const std::string what = document_kind_name(kind);
  return what + " 文件由 Node.js 读取，需要 nianbao 源码中的 cli/nianbao-file.mjs（未找到：" +
         (script.empty() ? "?" : script) +
         "）：请设置 NIANBAO_SOURCE_DIR 为源码目录，或运行 node <源码目录>/cli/nianbao-file.mjs "
         "check FILE（" +
         what +
         " files are read by Node.js with cli/nianbao-file.mjs from the nianbao sources: set "
         "NIANBAO_SOURCE_DIR, or run node <sources>/cli/nianbao-file.mjs check FILE）";
}

std::string node_failed_message(DocumentKind kind, const std::string& node, int spawn_error,
                                const std::string& script) {
  const std::string what = document_kind_name(kind);
  return what + " 文件由 Node.js 读取，但无法运行 " + node + "（" + std::strerror(spawn_error) +
         "）：请安装 Node.js（≥ 18）后在源码目录运行 npm install，或设置 "
         "NIANBAO_NODE；也可直接运行 "
         "node " +
         script + " check FILE（" + what +
         " files are read by Node.js, which could not be started: install it, or set "
         "NIANBAO_NODE）";
}

std::string node_program() {
  const char* node_env = std::getenv("NIANBAO_NODE");
  return node_env != nullptr && *node_env != '\0' ? node_env : "node";
}

bool script_exists(const std::string& script) { return is_file(script); }

int check_document(const Args& args, DocumentKind kind, std::ostream& out, std::ostream& err) {
  const std::string name = shown_name(args.file);
  if (args.file == "-") {
    err << "nianbao: " << name << ": " << stdin_document_message(kind) << '\n';
    return 2;
  }
  const std::string script = document_script();
  if (!is_file(script)) {
    err << "nianbao: " << name << ": " << missing_script_message(kind, script) << '\n';
    return 2;
  }
  const std::string node = node_program();
  std::vector<std::string> argv = document_command(args, script);
  argv.insert(argv.begin(), node);
  out.flush();
  int spawn_error = 0;
  const int code = run_captured(argv, environment_with_self(), out, err, &spawn_error);
  if (code < 0) {
    err << "nianbao: " << name << ": " << node_failed_message(kind, node, spawn_error, script)
        << '\n';
    return 2;
  }
  return code;
}

bool extract_document(const std::string& file, DocumentKind kind, std::string* text,
                      std::ostream& err) {
  const char* what = kind == DocumentKind::pdf ? "PDF" : "Word/ZIP";
  const std::string script = document_script();
  const char* node_env = std::getenv("NIANBAO_NODE");
  const std::string node = node_env != nullptr && *node_env != '\0' ? node_env : "node";
  std::ostringstream out;
  int spawn_error = 0;
  const int code = is_file(script) ? run_captured({node, script, "extract", file},
                                                  helper_environment(), out, err, &spawn_error)
                                   : -1;
  if (code == 0) {
    *text = out.str();
    return true;
  }
  if (code < 0) {
    err << "nianbao: " << file << ": " << what
        << " 文件由 Node.js 读取（cli/nianbao-file.mjs），无法运行（" << node << "，" << script
        << "）（" << what << " files are read by Node.js, which could not be run）\n";
  }
  return false;
}

}  // namespace nianbao::cli
