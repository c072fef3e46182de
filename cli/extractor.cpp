#include "extractor.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <thread>

namespace nianbao::cli {
namespace {

// Longest wait for one file's text, in seconds ($NIANBAO_EXTRACT_TIMEOUT overrides).
int timeout_ms() {
  const char* env = std::getenv("NIANBAO_EXTRACT_TIMEOUT");
  const int seconds = env != nullptr ? std::atoi(env) : 0;
  return (seconds > 0 ? seconds : 300) * 1000;
}

// Sends all of `data` before `deadline`. False when the process is gone or the time is up.
bool send_all(int fd, std::string_view data, std::chrono::steady_clock::time_point deadline) {
  while (!data.empty()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) return false;
    pollfd p{fd, POLLOUT, 0};
    const int r = ::poll(&p, 1, static_cast<int>(left));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

Extractor::~Extractor() {
  const std::lock_guard<std::mutex> lock(mutex_);
  stop(false);
}

bool Extractor::start(DocumentKind kind, std::string* error) {
  const std::string script = document_script();
  if (!script_exists(script)) {
    *error = missing_script_message(kind, script);
    return false;
  }
  int to[2], from[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, to) != 0) {
    *error = node_failed_message(kind, node_program(), errno, script);
    return false;
  }
  if (::pipe2(from, O_CLOEXEC) != 0) {
    *error = node_failed_message(kind, node_program(), errno, script);
    ::close(to[0]);
    ::close(to[1]);
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to[1], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, from[1], STDOUT_FILENO);
  const std::string node = node_program();
  std::vector<std::string> argv = {node, script, "serve"};
  std::vector<std::string> env = helper_environment();
  std::vector<char*> c_argv = c_strings(argv);
  std::vector<char*> c_env = c_strings(env);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, c_argv[0], &actions, nullptr, c_argv.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(to[1]);
  ::close(from[1]);
  if (rc != 0) {
    ::close(to[0]);
    ::close(from[0]);
    *error = node_failed_message(kind, node, rc, script);
    return false;
  }
  pid_ = pid;
  to_child_ = to[0];
  from_child_ = from[0];
  buffer_.clear();
  ++starts_;
  return true;
}

void Extractor::stop(bool kill_it) {
  if (pid_ < 0) return;
  if (to_child_ >= 0) ::close(to_child_);  // end of its stdin: it finishes and exits
  to_child_ = -1;
  if (kill_it) ::kill(pid_, SIGKILL);
  int status = 0;
  for (int waited = 0;; waited += 10) {
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_ || (r < 0 && errno != EINTR)) break;
    if (waited == 5000) ::kill(pid_, SIGKILL);  // did not exit within 5 s
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (from_child_ >= 0) ::close(from_child_);
  from_child_ = -1;
  pid_ = -1;
  buffer_.clear();
}

// Appends what the extractor has written next to buffer_; false on end of file, error or
// when the deadline passes first.
bool Extractor::fill(Deadline deadline) {
  char chunk[1 << 16];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) return false;
    pollfd p{from_child_, POLLIN, 0};
    const int r = ::poll(&p, 1, static_cast<int>(left));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    const ssize_t got = ::read(from_child_, chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(got));
    return true;
  }
}

// Reads into buffer_ until it holds `n` bytes (or fails: end of file, error, timeout).
bool Extractor::read_exact(std::size_t n, std::string* out, Deadline deadline) {
  while (buffer_.size() < n) {
    if (!fill(deadline)) return false;
  }
  out->assign(buffer_, 0, n);
  buffer_.erase(0, n);
  return true;
}

bool Extractor::read_line(std::string* line, Deadline deadline) {
  std::size_t nl;
  while ((nl = buffer_.find('\n')) == std::string::npos) {
    if (!fill(deadline)) return false;
  }
  line->assign(buffer_, 0, nl);
  buffer_.erase(0, nl + 1);
  return true;
}

Extracted Extractor::extract(std::string_view bytes, const std::string& name, DocumentKind kind) {
  const std::lock_guard<std::mutex> lock(mutex_);
  Extracted out;
  nlohmann::json request = {{"name", name}, {"bytes", bytes.size()}};
  const std::string header =
      request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  const int timeout = timeout_ms();
  // A process that died since the last file (or dies now) is started again, once per file.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (pid_ < 0 && !start(kind, &out.error)) return out;
    const auto started = std::chrono::steady_clock::now();
    const auto deadline = started + std::chrono::milliseconds(timeout);
    std::string line;
    const bool answered = send_all(to_child_, header, deadline) &&
                          send_all(to_child_, bytes, deadline) && read_line(&line, deadline);
    if (!answered) {
      const bool timed_out = std::chrono::steady_clock::now() >= deadline;
      stop(true);
      if (timed_out) {
        out.error =
            std::string(english_ ? "reading the file took longer than " : "读取文件超时（超过 ") +
            std::to_string(timeout / 1000) +
            (english_ ? " s; set NIANBAO_EXTRACT_TIMEOUT to wait longer"
                      : " 秒；可设置 NIANBAO_EXTRACT_TIMEOUT 延长）");
        return out;
      }
      continue;  // the process died: once more with a new one
    }
    const nlohmann::json response = nlohmann::json::parse(line, nullptr, false);
    if (!response.is_object()) {
      stop(true);
      break;
    }
    if (!response.value("ok", false)) {
      const std::string zh = response.value("message", std::string());
      const std::string en = response.value("message_en", zh);
      out.error = english_ ? en : zh;
      if (out.error.empty()) out.error = english_ ? "the file cannot be read" : "无法读取文件";
      return out;
    }
    const std::size_t n = response.value("bytes", std::size_t{0});
    if (!read_exact(n, &out.text, deadline)) {
      stop(true);
      break;
    }
    if (const auto it = response.find("emptyPages"); it != response.end() && it->is_array()) {
      for (const auto& p : *it) {
        if (p.is_number_integer()) out.empty_pages.push_back(p.get<int>());
      }
    }
    out.ok = true;
    return out;
  }
  out.error = english_ ? std::string(document_kind_name(kind)) +
                             ": the Node.js extraction process exited unexpectedly"
                       : std::string(document_kind_name(kind)) +
                             " 文件读取进程（Node.js）意外退出（the extraction process exited "
                             "unexpectedly）";
  return out;
}

}  // namespace nianbao::cli
