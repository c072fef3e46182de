// Scope: whole report or excerpt (scope.hpp).
#include "scope.hpp"

#include <algorithm>
#include <set>

namespace nianbao {

const char* scope_mode_name(ScopeMode m) {
  switch (m) {
    case ScopeMode::full:
      return "full";
    case ScopeMode::excerpt:
      return "excerpt";
    case ScopeMode::automatic:
      break;
  }
  return "auto";
}

std::optional<ScopeMode> parse_scope_mode(std::string_view name) {
  if (name == "auto") return ScopeMode::automatic;
  if (name == "full") return ScopeMode::full;
  if (name == "excerpt") return ScopeMode::excerpt;
  return std::nullopt;
}

}  // namespace nianbao

namespace nianbao::detail {

bool Scope::has(Part::Kind kind, int n) const {
  return std::any_of(parts.begin(), parts.end(),
                     [&](const Part& p) { return p.kind == kind && p.number == n; });
}

std::size_t Scope::count(Part::Kind kind) const {
  return static_cast<std::size_t>(
      std::count_if(parts.begin(), parts.end(), [&](const Part& p) { return p.kind == kind; }));
}

std::vector<std::string> Scope::part_names() const {
  std::vector<std::string> out;
  for (const Part& p : parts) {
    out.push_back((p.kind == Part::Kind::section ? "section-" : "t") + std::to_string(p.number));
  }
  return out;
}

namespace {

bool& found_flag(Tables& t, int table) {
  return table == 2 ? t.t2_found : table == 3 ? t.t3_found : t.t4_found;
}

// Where the reader placed values of `table`: the cells it read (a value, a blank, a placeholder,
// or ambiguous numbers) and the numbers of rows it could not map. A sentence naming a table's
// words holds one number at most; a table holds a row of them.
std::set<std::size_t> value_offsets(const Tables& t, int table) {
  std::set<std::size_t> at;
  for (std::size_t k = 0; k < kCellCount; ++k) {
    const CellRead* c = t.cell(CellId(k));
    if (c && table_of(CellId(k)) == table && c->located() && c->status != CellStatus::unreadable) {
      at.insert(c->offset);
    }
  }
  for (const ShapeIssue& is : t.issues) {
    if (is.table != table) continue;
    for (const CellRead& n : is.numbers) {
      if (n.located()) at.insert(n.offset);
    }
  }
  return at;
}

// The values a table needs before an excerpt counts it as found without its section heading:
// one table-3 row (7), one table-4 group (5), three of table 2's ten cells.
std::size_t values_needed(int table) { return table == 3 ? 7 : table == 4 ? 5 : 3; }

// Forgets a table the reader found in prose only.
void drop_table(Tables& t, int table) {
  found_flag(t, table) = false;
  for (std::size_t k = 0; k < kCellCount; ++k) {
    if (table_of(CellId(k)) == table) t.cells.erase(CellId(k));
  }
  t.issues.erase(std::remove_if(t.issues.begin(), t.issues.end(),
                                [&](const ShapeIssue& is) { return is.table == table; }),
                 t.issues.end());
  if (table == 2) t.t2_pending.clear();
  if (table == 3) t.t3_single_other_row = false;
}

// Where a table starts: its first located value, else its section's heading.
std::size_t table_offset(const Document& doc, int table, const std::set<std::size_t>& values) {
  if (!values.empty()) return *values.begin();
  const SectionInfo* s = doc.outline.section(table);
  return s ? s->begin : 0;
}

}  // namespace

Scope decide_scope(Document& doc, ScopeMode mode) {
  Scope scope;
  const Outline& o = doc.outline;
  scope.forced = mode != ScopeMode::automatic;
  scope.excerpt = mode == ScopeMode::excerpt || (mode == ScopeMode::automatic && !o.title_found &&
                                                 o.sections.size() <= kExcerptMaxSections);
  for (const SectionInfo& s : o.sections)
    scope.parts.push_back({Part::Kind::section, s.number, s.begin});
  for (int table = 2; table <= 4; ++table) {
    if (!found_flag(doc.tables, table)) continue;
    const std::set<std::size_t> values = value_offsets(doc.tables, table);
    if (scope.excerpt && !o.section(table) && values.size() < values_needed(table)) {
      drop_table(doc.tables, table);
      continue;
    }
    scope.parts.push_back({Part::Kind::table, table, table_offset(doc, table, values)});
  }
  std::stable_sort(scope.parts.begin(), scope.parts.end(),
                   [](const Part& a, const Part& b) { return a.offset < b.offset; });
  return scope;
}

void describe_scope(const Scope& scope, Result& r) {
  r.scope = scope.excerpt ? "excerpt" : "full";
  r.parts = scope.part_names();
}

}  // namespace nianbao::detail
