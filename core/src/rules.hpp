// Rules read the Document and emit findings; every check they make is counted.
#pragma once

#include <string>
#include <vector>

#include "document.hpp"

namespace nianbao::detail {

class Emitter {
 public:
  explicit Emitter(const Document& doc) : doc_(doc) {}
  void pass(int n = 1) { summary_.pass += n; }
  void not_assessable(int n = 1) { summary_.not_assessable += n; }
  // Adds a finding; counts one failed (or uncertain) check.
  Finding& add(const std::string& rule, const std::string& status, std::string message,
               std::string message_en, std::size_t offset, std::vector<std::string> cells = {});
  // Same, with the severity given explicitly (e.g. a warning-level variant of a rule).
  Finding& add(const std::string& rule, Severity severity, const std::string& status,
               std::string message, std::string message_en, std::size_t offset,
               std::vector<std::string> cells = {});
  std::vector<Finding>& findings() { return findings_; }
  Summary& summary() { return summary_; }
  const Document& doc() const { return doc_; }

 private:
  const Document& doc_;
  std::vector<Finding> findings_;
  Summary summary_;
};

inline constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);

// Rule families (one file each).
void run_structure_rules(const Document& doc, Emitter& em);  // rules_structure.cpp
void run_table_rules(const Document& doc, Emitter& em);      // rules_tables.cpp
void run_narrative_rules(const Document& doc, Emitter& em);  // rules_narrative.cpp
// Catalogue entries of the narrative family, appended to rules().
std::vector<RuleInfo> narrative_rule_infos();

// Declarations, in catalogue order (rules_catalogue.cpp).
const RuleInfo* find_rule(const std::string& id);

std::string fmt_num(double v);

}  // namespace nianbao::detail
