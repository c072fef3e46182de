// The registration table of every rule (registry.cpp) and the rules stage of check().
#pragma once

#include <vector>

#include "rules/rule.hpp"

namespace nianbao::detail {

// Every rule's declaration, in catalogue order (the order of `nianbao rules`).
const std::vector<const RuleDef*>& registry();

// Runs every registered check over the document, in catalogue order; on an excerpt, not those
// that need the whole report.
void run_rules(const Document& doc, const Facts& facts, const Scope& scope, Emitter& em);

// Runs the cross-year checks (Applies::previous_*) against the previous report.
void run_cross_rules(const Document& doc, const Facts& facts, const Previous& previous,
                     Emitter& em);

}  // namespace nianbao::detail
