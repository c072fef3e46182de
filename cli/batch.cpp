#include "batch.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>
#include <vector>

#include "documents.hpp"
#include "extractor.hpp"
#include "formats.hpp"
#include "inputs.hpp"
#include "run.hpp"

namespace nianbao::cli {
namespace {

using Clock = std::chrono::steady_clock;

std::string too_large_message() {
  return "输入超过 " + std::to_string(kMaxInputBytes / (1024 * 1024)) +
         " MiB 上限（input larger than " + std::to_string(kMaxInputBytes) + " bytes）";
}

// An input that never reached the core (or was refused by it before reading): rendered as the
// core renders a refused input.
void refuse(const Args& args, std::string reason, bool unreadable, FileReport* report) {
  report->unreadable = unreadable;
  report->input_error = std::move(reason);
  Result result;
  result.exit_code = 2;
  result.input_error = report->input_error;
  render_file(args, result, "", report);
}

std::string empty_pages_note(const std::vector<int>& pages, bool en) {
  std::string list;
  for (const int p : pages) list += (list.empty() ? "" : ", ") + std::to_string(p);
  return en ? "page(s) " + list + " have no text layer (scanned?); not checked"
            : "第 " + list + " 页没有文字层（扫描件？），未核验";
}

// One input's text as the core gets it: read, extracted (PDF, .docx) and decoded. False, with
// `report` refused, when there is none.
struct Loaded {
  Decoded decoded;
  std::size_t supplied_bytes = 0;  // as read from the file (or extracted from a document)
};

bool load(const Args& args, const Input& input, std::istream& in, Extractor& extractor,
          Loaded* loaded, FileReport* report) {
  if (!input.error.empty()) {
    refuse(args, input.error, true, report);
    return false;
  }
  std::string bytes, error;
  if (!read_input(input.path, in, &bytes, &error)) {
    refuse(args, error, true, report);
    return false;
  }
  if (bytes.size() > kMaxInputBytes) {
    refuse(args, too_large_message(), true, report);
    return false;
  }
  // PDF and Word files: their text, from the batch's extraction process (what `check -` would
  // get from cli/nianbao-file.mjs for one file).
  if (const DocumentKind kind = sniff_document(bytes); kind != DocumentKind::none) {
    if (input.path == "-") {
      refuse(args, stdin_document_message(kind), true, report);
      return false;
    }
    Extracted extracted = extractor.extract(bytes, input.path, kind);
    if (!extracted.ok) {
      refuse(args, extracted.error, true, report);
      return false;
    }
    if (!extracted.empty_pages.empty()) {
      report->note = empty_pages_note(extracted.empty_pages, args.english);
    }
    bytes = std::move(extracted.text);
    if (bytes.size() > kMaxInputBytes) {
      refuse(args, too_large_message(), true, report);
      return false;
    }
  }
  loaded->decoded = decode_input(bytes);
  loaded->supplied_bytes = bytes.size();
  if (!loaded->decoded.ok) {
    refuse(args, loaded->decoded.error, true, report);
    return false;
  }
  return true;
}

// The pairing of --cross-year for one input: the input holding last year's report, or the
// inputs that could all be it.
struct Pairing {
  std::optional<std::size_t> previous;
  std::vector<std::size_t> candidates;  // more than one: none is taken
};

FileReport check_one(const Args& args, const Inputs& inputs, std::size_t index,
                     const Pairing& pairing, std::istream& in, Extractor& extractor) {
  FileReport report;
  report.path = inputs.files[index].path;
  Loaded loaded;
  if (!load(args, inputs.files[index], in, extractor, &loaded, &report)) return report;
  Options options = check_options(args, loaded.decoded, loaded.supplied_bytes);
  for (const std::size_t c : pairing.candidates) {
    report.previous_candidates.push_back(inputs.files[c].path);
  }
  if (pairing.previous) {
    // Last year's input, read again (the batch holds no texts): as `--previous` reads it.
    FileReport scratch;
    Loaded last;
    report.previous_path = inputs.files[*pairing.previous].path;
    if (load(args, inputs.files[*pairing.previous], in, extractor, &last, &scratch)) {
      if (last.supplied_bytes != last.decoded.utf8.size()) {
        options.previous_input_bytes = last.supplied_bytes;
      }
      options.previous = std::move(last.decoded.utf8);
    } else {
      report.previous_error = scratch.input_error;
    }
  }
  const Result result = check(loaded.decoded.utf8, options);
  if (result.exit_code == 2) report.input_error = result.input_error;
  render_file(args, result, loaded.decoded.utf8, &report);
  return report;
}

// Runs fn(i) for i in [0, total) on `jobs` threads.
template <class Fn>
void parallel_for(std::size_t total, std::size_t jobs, Fn fn) {
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < jobs; ++t) {
    threads.emplace_back([&] {
      for (std::size_t i = next++; i < total; i = next++) fn(i);
    });
  }
  for (std::thread& t : threads) t.join();
}

// --cross-year: every input's agency and year (a first, quiet pass over the batch), then each
// report paired with the one report of the same agency and the year before, when there is
// exactly one. Standard input is read once only, so it is never paired.
std::vector<Pairing> pair_years(const Args& args, const Inputs& inputs, std::size_t jobs,
                                std::istream& in, Extractor& extractor, std::ostream& err,
                                bool progress) {
  const std::size_t total = inputs.files.size();
  struct Identity {
    std::optional<std::string> agency;
    std::optional<int> year;
    std::size_t size = 0, hash = 0;  // of the text: the same report twice is no ambiguity
  };
  std::vector<Identity> ids(total);
  std::mutex shown;
  std::size_t read = 0;
  auto last = Clock::now();
  parallel_for(total, jobs, [&](std::size_t i) {
    if (progress) {  // this pass prints nothing else: a count on the terminal while it reads
      const std::lock_guard<std::mutex> lock(shown);
      ++read;
      if (Clock::now() - last > std::chrono::milliseconds(100)) {
        last = Clock::now();
        err << "\r\033[K" << (args.english ? "cross-year: reading " : "跨年度配对：读取 ") << read
            << "/" << total << std::flush;
      }
    }
    if (inputs.files[i].path == "-") return;
    FileReport scratch;
    Loaded loaded;
    if (!load(args, inputs.files[i], in, extractor, &loaded, &scratch)) return;
    Options options;
    options.scope = args.scope;
    const Result r = check(loaded.decoded.utf8, options);
    if (r.exit_code == 2 || !r.agency || !r.year) return;
    ids[i] = {r.agency, r.year, loaded.decoded.utf8.size(),
              std::hash<std::string>()(loaded.decoded.utf8)};
  });
  if (progress) err << "\r\033[K" << std::flush;
  std::map<int, std::vector<std::size_t>> by_year;
  for (std::size_t i = 0; i < total; ++i) {
    if (ids[i].year) by_year[*ids[i].year].push_back(i);
  }
  std::vector<Pairing> out(total);
  for (std::size_t i = 0; i < total; ++i) {
    if (!ids[i].year) continue;
    const auto before = by_year.find(*ids[i].year - 1);
    if (before == by_year.end()) continue;
    std::vector<std::size_t> found;
    for (const std::size_t j : before->second) {
      if (agencies_match(*ids[i].agency, *ids[j].agency)) found.push_back(j);
    }
    // Copies of one text (the same file twice) are one report: the first is taken.
    const bool copies = std::all_of(found.begin(), found.end(), [&](std::size_t j) {
      return ids[j].size == ids[found[0]].size && ids[j].hash == ids[found[0]].hash;
    });
    if (!found.empty() && copies) {
      out[i].previous = found[0];
    } else if (found.size() > 1) {
      out[i].candidates = std::move(found);
    }
  }
  return out;
}

int terminal_columns() {
  winsize w{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 20) return w.ws_col;
  return 80;
}

// Display columns of a code point (wide East Asian forms count two).
int cp_width(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                 (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                 (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                 (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)
             ? 2
             : 1;
}

// UTF-8 → code points (invalid bytes count as one column each).
std::vector<std::pair<std::size_t, int>> glyphs(const std::string& s) {
  std::vector<std::pair<std::size_t, int>> out;  // byte offset, width
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 1;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.emplace_back(i, cp_width(cp));
    i += n;
  }
  return out;
}

int text_width(const std::string& s) {
  int w = 0;
  for (const auto& g : glyphs(s)) w += g.second;
  return w;
}

// The end of `s` that fits in `width` columns, "…" in front when cut.
std::string tail_fitting(const std::string& s, int width) {
  if (text_width(s) <= width) return s;
  const auto g = glyphs(s);
  int used = 1;  // the "…"
  std::size_t i = g.size();
  while (i > 0 && used + g[i - 1].second <= width) used += g[--i].second;
  return "…" + (i < g.size() ? s.substr(g[i].first) : std::string());
}

class Progress {
 public:
  Progress(bool on, std::ostream& err, std::size_t total, bool en)
      : on_(on), err_(err), total_(total), en_(en), start_(Clock::now()) {}

  void draw(std::size_t done, const std::string& current, bool force) {
    if (!on_) return;
    const auto now = Clock::now();
    if (!force && drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    // The rate over the last few seconds (PDFs and text files differ a hundredfold).
    samples_.emplace_back(now, done);
    while (samples_.size() > 2 && now - samples_[1].first > std::chrono::seconds(5)) {
      samples_.erase(samples_.begin());
    }
    const double seconds = std::chrono::duration<double>(now - samples_.front().first).count();
    const double rate =
        seconds > 0.5 ? static_cast<double>(done - samples_.front().second) / seconds
        : std::chrono::duration<double>(now - start_).count() > 0
            ? static_cast<double>(done) / std::chrono::duration<double>(now - start_).count()
            : 0;
    char head[128];
    std::string eta = "?";
    if (rate > 0) {
      const long left = std::lround(static_cast<double>(total_ - done) / rate);
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%ld:%02ld", left / 60, left % 60);
      eta = buffer;
    }
    if (en_) {
      std::snprintf(head, sizeof head, "checked %zu/%zu  %.1f/s  ETA %s  ", done, total_, rate,
                    eta.c_str());
    } else {
      std::snprintf(head, sizeof head, "已核验 %zu/%zu  %.1f 份/秒  剩余 %s  ", done, total_, rate,
                    eta.c_str());
    }
    const std::string line = head;
    const int room = terminal_columns() - 1 - text_width(line);
    err_ << "\r\033[K" << line << (room > 4 ? tail_fitting(shown_path(current), room) : "")
         << std::flush;
    drawn_ = true;
  }

  void clear() {
    if (!on_ || !drawn_) return;
    err_ << "\r\033[K" << std::flush;
    drawn_ = false;
  }

  bool on() const { return on_; }

 private:
  bool on_;
  std::ostream& err_;
  std::size_t total_;
  bool en_;
  Clock::time_point start_, last_;
  std::vector<std::pair<Clock::time_point, std::size_t>> samples_;  // (time, done), last 5 s
  bool drawn_ = false;
};

}  // namespace

bool is_batch(const Args& args) {
  if (args.files.size() != 1 || args.cross_year) return true;
  if (args.format != Format::text && args.format != Format::json) return true;
  return is_directory(args.files[0]);
}

int run_batch(const Args& args, std::istream& in, std::ostream& out, std::ostream& err,
              bool progress_on) {
  if (!known_rules(args, err)) return 2;
  const Inputs inputs = collect_inputs(args.files);
  const std::size_t total = inputs.files.size();
  std::size_t jobs = args.jobs > 0 ? static_cast<std::size_t>(args.jobs)
                                   : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::max<std::size_t>(1, std::min(jobs, total));
  const std::size_t window = std::max<std::size_t>(16, 4 * jobs);  // results waiting, at most

  Extractor extractor(args.english);
  const std::vector<Pairing> pairings =
      args.cross_year ? pair_years(args, inputs, jobs, in, extractor, err, progress_on)
                      : std::vector<Pairing>(total);
  BatchWriter writer(args, out);
  writer.begin();
  Progress progress(progress_on, err, total, args.english);

  std::mutex mutex;
  std::condition_variable work_cv, done_cv;
  std::size_t next = 0, emitted = 0;
  std::map<std::size_t, FileReport> ready;
  std::string current;
  bool stop = false;

  std::vector<std::thread> workers;
  for (std::size_t w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      for (;;) {
        std::size_t i;
        {
          std::unique_lock<std::mutex> lock(mutex);
          work_cv.wait(lock, [&] { return stop || next >= total || next < emitted + window; });
          if (stop || next >= total) return;
          i = next++;
          current = inputs.files[i].path;
        }
        FileReport report;
        try {
          report = check_one(args, inputs, i, pairings[i], in, extractor);
        } catch (const std::exception& e) {  // not expected: reported for this file only
          report = FileReport();
          report.path = inputs.files[i].path;
          refuse(args, std::string("内部错误（internal error: ") + e.what() + "）", true, &report);
        }
        {
          const std::lock_guard<std::mutex> lock(mutex);
          ready.emplace(i, std::move(report));
        }
        done_cv.notify_one();
      }
    });
  }

  int exit_code = 0;
  while (emitted < total) {
    FileReport report;
    std::string shown_now;
    {
      std::unique_lock<std::mutex> lock(mutex);
      const bool have = done_cv.wait_for(lock, std::chrono::milliseconds(100),
                                         [&] { return ready.count(emitted) > 0; });
      shown_now = current;
      if (!have) {
        lock.unlock();
        progress.draw(emitted, shown_now, false);
        continue;
      }
      auto it = ready.find(emitted);
      report = std::move(it->second);
      ready.erase(it);
      ++emitted;
    }
    work_cv.notify_all();
    progress.clear();
    // An input that could not be checked: one line on stderr as for one file, unless the text
    // report (on stdout) already has that very line.
    if (report.exit_code == 2 && args.format != Format::text) {
      err << "nianbao: " << shown_path(report.path) << ": " << report.input_error << '\n';
    } else if (!report.note.empty()) {
      err << "nianbao: " << shown_path(report.path) << ": " << report.note << '\n';
    }
    exit_code = std::max(exit_code, report.exit_code);
    writer.file(report);
    if (progress.on()) out.flush();
    if (!out) {  // standard output is gone: stop
      const std::lock_guard<std::mutex> lock(mutex);
      stop = true;
      break;
    }
    progress.draw(emitted, shown_now, emitted == total);
  }
  work_cv.notify_all();
  for (std::thread& t : workers) t.join();
  progress.clear();

  if (total == 0) {
    err << "nianbao: 没有找到年报文件（no report files found: .txt .md .html .htm .pdf .docx）\n";
    exit_code = 2;
  }
  writer.end(inputs.skipped, exit_code);
  if (args.format != Format::text && inputs.skipped > 0) {
    err << "nianbao: 跳过其他类型的文件 " << inputs.skipped << " 个（skipped " << inputs.skipped
        << " file(s) of other types）\n";
  }
  return exit_code;
}

}  // namespace nianbao::cli
