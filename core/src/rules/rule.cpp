// The Emitter and the number format shared by every rule unit (rule.hpp).
#include "rules/rule.hpp"

#include <cmath>
#include <cstdio>

namespace nianbao::detail {

Finding& Emitter::add(const RuleDef& rule, FindingStatus status, std::string message,
                      std::string message_en, std::size_t offset, std::vector<std::string> cells) {
  return add(rule, rule.severity, status, std::move(message), std::move(message_en), offset,
             std::move(cells));
}

Finding& Emitter::add(const RuleDef& rule, Severity severity, FindingStatus status,
                      std::string message, std::string message_en, std::size_t offset,
                      std::vector<std::string> cells) {
  Finding f;
  f.rule = rule.id;
  f.status = status;
  f.severity = severity;
  f.message = std::move(message);
  f.message_en = std::move(message_en);
  if (offset != kNoOffset) {
    const auto [line, column] = doc_.source.position(offset);
    f.line = line;
    f.column = column;
  }
  f.cells = std::move(cells);
  if (status == FindingStatus::uncertain) {
    ++summary_.uncertain;
  } else {
    ++summary_.fail;
  }
  findings_.push_back(std::move(f));
  return findings_.back();
}

Finding& Emitter::note(const RuleDef& rule, std::string message, std::string message_en,
                       std::size_t offset) {
  Finding& f = add(rule, FindingStatus::fail, std::move(message), std::move(message_en), offset);
  --summary_.fail;
  return f;
}

std::string fmt_num(double v) {
  char buf[64];
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(v)));
  } else {
    std::snprintf(buf, sizeof buf, "%.10g", v);
  }
  return buf;
}

std::vector<std::string> cell_names(const std::vector<CellId>& ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const CellId id : ids) out.push_back(cell_name(id));
  return out;
}

}  // namespace nianbao::detail
