// Google Benchmark of the core, natively.
//
//   BM_Corpus/<report>   check() + to_json() on every report text of the corpus (what the page
//                        and `nianbao --json` do), bytes/s = throughput on that report;
//   BM_CorpusAll         the same on every report of the corpus in turn, one after the other
//                        (each its own check), bytes/s = throughput over the whole corpus;
//   BM_Phase/check, BM_Phase/to_json   the two halves, on report 000 (for profiling);
//   BM_Phase/to_json_corpus   to_json() alone on every report of the corpus, checked beforehand;
//   BM_Scaling/<bytes>   the same on a synthetic report of 10 KB .. 10 MB (corpus 000 repeated),
//                        with a complexity fit: time must grow linearly (O(N)).
//
// The corpus is read in place from NIANBAO_CORPUS_DIR (compile definition, or the environment
// variable of the same name).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "nianbao/nianbao.hpp"

namespace fs = std::filesystem;

namespace {

std::string corpus_dir() {
  if (const char* env = std::getenv("NIANBAO_CORPUS_DIR")) return env;
  return NIANBAO_CORPUS_DIR;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool is_report_file(const fs::path& p) {
  const std::string name = p.filename().string();
  return name == "report.txt" || name == "report.md" || name == "page.txt" ||
         name == "pdftotext-layout.txt" || name == "pdftotext-raw.txt";
}

struct Report {
  std::string name;  // "000-xiangxiang-ziranziyuan-2025/report.txt"
  std::string text;  // decoded UTF-8
};

std::vector<Report> load_corpus() {
  std::vector<Report> out;
  const fs::path dir = corpus_dir();
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file() || !is_report_file(it->path())) continue;
    const nianbao::Decoded d = nianbao::decode_input(read_file(it->path()));
    if (!d.ok) continue;
    out.push_back({fs::relative(it->path(), dir).generic_string(), d.utf8});
  }
  std::sort(out.begin(), out.end(),
            [](const Report& a, const Report& b) { return a.name < b.name; });
  return out;
}

void run_check(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    const nianbao::Result r = nianbao::check(text);
    std::string json = nianbao::to_json(r);
    benchmark::DoNotOptimize(json.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
  state.counters["bytes"] = static_cast<double>(text.size());
}

// A synthetic big report of exactly `size` bytes: corpus 000 repeated, cut at a line start
// and padded with ASCII spaces so the text stays valid UTF-8.
std::string synthetic(const std::string& base, std::size_t size) {
  std::string s;
  s.reserve(size);
  while (s.size() < size) s += base;
  std::size_t cut = s.rfind('\n', size);
  if (cut == std::string::npos || cut == 0) cut = size - 1;
  s.resize(cut + 1);
  s.append(size - s.size(), ' ');
  return s;
}

const std::string* g_base = nullptr;

void BM_Scaling(benchmark::State& state) {
  static std::string text;
  const auto size = static_cast<std::size_t>(state.range(0));
  if (text.size() != size) text = synthetic(*g_base, size);
  run_check(state, text);
  state.SetComplexityN(state.range(0));
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  static const std::vector<Report> corpus = load_corpus();
  if (corpus.empty()) {
    std::cerr << "nianbao_bench: no report found under " << corpus_dir() << '\n';
    return 1;
  }
  for (const Report& r : corpus) {
    const std::string* text = &r.text;
    benchmark::RegisterBenchmark(("BM_Corpus/" + r.name).c_str(), [text](benchmark::State& s) {
      run_check(s, *text);
    })->Unit(benchmark::kMicrosecond);
  }
  benchmark::RegisterBenchmark("BM_CorpusAll", [](benchmark::State& s) {
    std::int64_t bytes = 0;
    for (auto _ : s) {
      for (const Report& r : corpus) {
        const nianbao::Result res = nianbao::check(r.text);
        std::string json = nianbao::to_json(res);
        benchmark::DoNotOptimize(json.data());
        bytes += static_cast<std::int64_t>(r.text.size());
      }
    }
    s.SetBytesProcessed(bytes);
  })->Unit(benchmark::kMillisecond);
  const auto base = std::find_if(corpus.begin(), corpus.end(),
                                 [](const Report& r) { return r.name.rfind("000-", 0) == 0; });
  g_base = &(base != corpus.end() ? *base : corpus.front()).text;
  benchmark::RegisterBenchmark("BM_Phase/check", [](benchmark::State& s) {
    for (auto _ : s) {
      nianbao::Result r = nianbao::check(*g_base);
      benchmark::DoNotOptimize(r.cells.data());
    }
  })->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("BM_Phase/to_json", [](benchmark::State& s) {
    const nianbao::Result r = nianbao::check(*g_base);
    for (auto _ : s) {
      std::string json = nianbao::to_json(r);
      benchmark::DoNotOptimize(json.data());
    }
  })->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("BM_Phase/to_json_corpus", [](benchmark::State& s) {
    std::vector<nianbao::Result> results;
    std::int64_t bytes = 0;
    for (const Report& r : corpus) results.push_back(nianbao::check(r.text));
    for (auto _ : s) {
      for (const nianbao::Result& r : results) {
        std::string json = nianbao::to_json(r);
        bytes += static_cast<std::int64_t>(json.size());
        benchmark::DoNotOptimize(json.data());
      }
    }
    s.SetBytesProcessed(bytes);  // JSON written per second
  })->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("BM_Scaling", BM_Scaling)
      ->RangeMultiplier(10)
      ->Range(10'000, 10'000'000)
      ->Unit(benchmark::kMillisecond)
      ->Complexity(benchmark::oN);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
