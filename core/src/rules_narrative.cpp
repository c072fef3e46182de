// Narrative rules: what the text says against what the tables show (format.md §2.1, §8,
// §9). Filled in by the narrative work (issue 5); until then the family declares no rule.
#include "rules.hpp"

namespace nianbao::detail {

std::vector<RuleInfo> narrative_rule_infos() { return {}; }

void run_narrative_rules(const Document& /*doc*/, Emitter& /*em*/) {}

}  // namespace nianbao::detail
