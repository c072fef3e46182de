// Tables 2, 3 and 4: rows identified by their labels, never by position.
//
// A table's region (its section, or an anchor when the heading is missing) is cut into
// value tokens (numbers, placeholders, blanks between tab cells) and label matches (on
// the whitespace-free text, so labels broken by spaces or line breaks still match).
// Walking both in input order, each row label collects the values that follow it up to
// the next label. A row whose value count differs from its column count is ambiguous:
// its cells are marked so and nothing is guessed.
//
// Digits printed without separators are cut by the table's own arithmetic (a cut is taken
// only when it is the only one that fits); table 2 has none, and what its narrative states
// may settle such a row later (settle_tables, after the facts stage). The layout of the
// reader's files: tables_internal.hpp.
#include "tables/tables_internal.hpp"

namespace nianbao::detail {

void read_tables(Document& doc) {
  Tables& t = doc.tables;
  if (doc.outline.format == FormatVersion::pre2019) return;
  tables::read_t2(doc, t);
  tables::read_t3(doc, t);
  tables::read_t4(doc, t);
}

}  // namespace nianbao::detail
