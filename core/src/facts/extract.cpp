// The facts stage from top to bottom (see facts.hpp for what it finds, facts_internal.hpp for
// the pieces): the narrative, its keywords, its quantities, then each pass in turn.
#include "facts_internal.hpp"

namespace nianbao::detail {

namespace fi = facts_internal;

Facts extract_facts(const Document& doc) {
  Facts out;
  const fi::Narrative n = fi::build_narrative(doc);
  const std::vector<fi::Hit> hits = fi::find_hits(n.text);
  fi::Ctx cx{doc, n, hits, out};
  const std::vector<fi::Quantity> qs = fi::find_quantities(n.text, hits);
  fi::numeric_facts(cx, qs);
  fi::percentages(cx, qs);
  fi::zero_claims(cx);
  fi::outcome_claims(cx);
  fi::year_leads(cx);
  fi::periods(doc, out);
  fi::doc_dates(doc, out);
  return out;
}

}  // namespace nianbao::detail
