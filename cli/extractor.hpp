// One long-lived Node.js process that turns PDF and Word (.docx) files into text for a whole batch:
// `node <sources>/cli/nianbao-file.mjs serve` (the page's own extraction, web/pdf/), started on the
// first document and ended when the batch ends. Instead of one node start per file (0.3–0.5 s
// each), pdf.js is loaded once.
//
// Protocol (both directions length-prefixed, so any bytes pass):
//   request:  {"name":"a.pdf","bytes":N}\n  then N bytes of the file
//   response: {"ok":true,"kind":"pdf","pages":P,"emptyPages":[..],"bytes":M}\n  then M bytes of
//             UTF-8 text, or {"ok":false,"code":"corrupt","message":"…","message_en":"…"}\n
// Requests are answered one at a time, in order; extract() may be called from several threads
// (one request at a time goes to the process).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "documents.hpp"

namespace nianbao::cli {

struct Extracted {
  bool ok = false;
  std::string text;              // UTF-8, when ok
  std::vector<int> empty_pages;  // 1-based pages without a text layer (PDF)
  std::string error;             // one line, when !ok (in the language asked for)
};

class Extractor {
 public:
  explicit Extractor(bool english) : english_(english) {}
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // `name` is the file's name (the extractor uses its extension when the bytes do not tell).
  Extracted extract(std::string_view bytes, const std::string& name, DocumentKind kind);

  // How many times node was started (1 for a batch, unless it died or timed out).
  int starts() const { return starts_; }

 private:
  bool start(DocumentKind kind, std::string* error);
  void stop(bool kill_it);
  using Deadline = std::chrono::steady_clock::time_point;
  // Read from the process into buffer_ until `deadline`; false on end of file, error or time up.
  bool read_exact(std::size_t n, std::string* out, Deadline deadline);
  bool fill(Deadline deadline);
  bool read_line(std::string* line, Deadline deadline);

  bool english_;
  std::mutex mutex_;
  pid_t pid_ = -1;
  int to_child_ = -1;    // socket: the process's stdin (written with MSG_NOSIGNAL)
  int from_child_ = -1;  // pipe: the process's stdout
  std::string buffer_;   // read from from_child_, not yet consumed
  int starts_ = 0;
};

}  // namespace nianbao::cli
