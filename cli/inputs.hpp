// The inputs of a batch: PATH operands expanded into files. Directories are walked recursively in
// byte order of the names; only report files (.txt .md .html .htm .pdf .docx, any case) are taken
// from them, other files are counted as skipped. Names starting with "." (hidden files and folders)
// or "~$" (Office lock files) are left out. A file named on the command line is always taken.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::cli {

struct Input {
  std::string path;   // as given, or joined from the folder given ("dir/sub/a.txt"); "-": stdin
  std::string error;  // set when the input is known to be unreadable already (a folder that
                      // cannot be listed); reading reports the rest
};

struct Inputs {
  std::vector<Input> files;
  std::size_t skipped = 0;  // files in folders with another extension
};

// True for the extensions taken from folders.
bool is_report_name(std::string_view name);

// True when `path` names a directory (following symbolic links).
bool is_directory(const std::string& path);

Inputs collect_inputs(const std::vector<std::string>& operands);

}  // namespace nianbao::cli
