// `nianbao check` over many inputs: files and folders (inputs.hpp), checked by --jobs threads,
// PDFs and .docx through one extraction process (extractor.hpp), written in input order as they
// finish (formats.hpp): memory stays flat however long the batch. A progress line goes to stderr
// when stderr is a terminal. Exit code: 2 if any input could not be read or is not a report, else
// 1 if any has an error finding, else 0.
#pragma once

#include <iosfwd>

#include "args.hpp"

namespace nianbao::cli {

// True when `args` asks for the batch (several PATHs, a folder, or a format only the batch
// writes); one file in text or json keeps the one-file path (run.hpp).
bool is_batch(const Args& args);

// `progress`: draw the progress line on `err` (run() passes true when stderr is a terminal).
int run_batch(const Args& args, std::istream& in, std::ostream& out, std::ostream& err,
              bool progress);

}  // namespace nianbao::cli
