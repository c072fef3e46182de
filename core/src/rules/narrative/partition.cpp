// The narrative's own arithmetic: 办结N件，其中予以公开a件、部分公开b件 … (all six result groups)
// add up to N (format.md §9 narrative partition, §11 E8).
#include "facts.hpp"
#include "rules/rule.hpp"

namespace nianbao::detail {

namespace {
void check(const RuleContext& ctx, Emitter& em);
}  // namespace

extern const RuleDef kNarrativePartition{
    "narrative-partition",
    {"正文办理结果分项之和不等于办结总数",
     "Narrative result groups do not add up to its own total"},
    Severity::warning,
    {"正文列出了全部六类办理结果（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）时"
     "，"
     "各项之和应等于正文自己给出的办结（答复）总数。",
     "When the narrative lists all six result groups, they must add up to the number of "
     "applications it says were concluded."},
    "format.md §9（narrative partition）、§11 E8",
    check,
    Applies::template_format,
};

namespace {

// The bit of a result group (granted and partly granted together cover two), 0 for others.
unsigned group_bit(Topic t) {
  switch (t) {
    case Topic::res_granted:
      return 0x01;
    case Topic::res_partial:
      return 0x02;
    case Topic::res_granted_partial:
      return 0x03;
    case Topic::res_withheld:
      return 0x04;
    case Topic::res_unavailable:
      return 0x08;
    case Topic::res_declined:
      return 0x10;
    case Topic::res_other:
      return 0x20;
    default:
      return 0;
  }
}

constexpr unsigned kAllGroups = 0x3F;

// A total the narrative gives (办结/办理N件) and the result groups listed after it.
struct Partition {
  const Fact* total = nullptr;
  double sum = 0;
  unsigned groups = 0;  // bit per result group

  // Checks the partition when every group was listed, and starts afresh.
  void close(Emitter& em) {
    if (total && groups == kAllGroups) {
      if (sum == total->value) {
        em.pass();
      } else {
        Finding& f =
            em.add(kNarrativePartition, FindingStatus::fail,
                   "正文“" + total->phrase + "”，但其后列出的六类办理结果之和为" + fmt_num(sum),
                   "the narrative's '" + total->phrase +
                       "', but the six result groups it lists add up to " + fmt_num(sum),
                   total->offset);
        f.expected = total->value;
        f.actual = sum;
      }
    }
    *this = Partition();
  }
};

void check(const RuleContext& ctx, Emitter& em) {
  Partition p;
  for (const auto& f : ctx.facts.facts) {
    if (p.total && f.section != p.total->section) p.close(em);
    if (f.topic == Topic::app_concluded || f.topic == Topic::app_handled) {
      p.close(em);
      p.total = &f;
      continue;
    }
    const unsigned bit = group_bit(f.topic);
    if (bit == 0 || !p.total || (p.groups & bit))
      continue;  // a group named twice: not one partition
    p.groups |= bit;
    p.sum += f.value;
  }
  p.close(em);
}

}  // namespace
}  // namespace nianbao::detail
