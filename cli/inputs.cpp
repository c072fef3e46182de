#include "inputs.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

namespace nianbao::cli {
namespace {

using DirId = std::pair<dev_t, ino_t>;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Walks `dir` (already known to be a directory with identity `id`).
void walk(const std::string& dir, DirId id, std::set<DirId>* open_dirs, Inputs* out) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    out->files.push_back(
        {dir, std::string("无法读取文件夹（cannot read folder: ") + std::strerror(errno) + "）"});
    return;
  }
  std::vector<std::string> names;
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name = e->d_name;
    if (name.empty() || name.front() == '.' || name.substr(0, 2) == "~$") continue;
    names.emplace_back(name);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  open_dirs->insert(id);
  const std::string prefix = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  for (const std::string& name : names) {
    const std::string path = prefix + name;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      const DirId sub{st.st_dev, st.st_ino};
      if (open_dirs->count(sub) == 0) walk(path, sub, open_dirs, out);  // else a link loop
      continue;
    }
    if (is_report_name(name)) {
      out->files.push_back({path, ""});  // a dangling link is reported when it is read
    } else {
      ++out->skipped;
    }
  }
  open_dirs->erase(id);
}

}  // namespace

bool is_report_name(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  const std::string ext = lower(name.substr(dot + 1));
  return ext == "txt" || ext == "md" || ext == "html" || ext == "htm" || ext == "pdf" ||
         ext == "docx";
}

bool is_directory(const std::string& path) {
  struct stat st {};
  return path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

Inputs collect_inputs(const std::vector<std::string>& operands) {
  Inputs out;
  for (const std::string& operand : operands) {
    struct stat st {};
    if (operand != "-" && ::stat(operand.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      std::set<DirId> open_dirs;
      walk(operand, {st.st_dev, st.st_ino}, &open_dirs, &out);
    } else {
      out.files.push_back({operand, ""});  // reading it tells what is wrong, if anything
    }
  }
  return out;
}

}  // namespace nianbao::cli
