// libFuzzer target: the outline and the table reader (core/src/outline*.cpp, core/src/tables/)
// on a Document read from arbitrary bytes as check() reads it (HTML pages through
// html_to_text). The input is mostly a table region of a report (the seeds are the table
// sections of ../shared/corpus).
//
// Invariants (fuzz_common.hpp): the Document's views map back into the input; sections are
// 1..6, each once, in the order of the text read, inside the input; every cell read is a cell of
// the layout, with a value when ok and a place inside the input; every shape issue belongs to table
// 2, 3 or 4 with cells of that table, and each way of cutting run-together digits has one part per
// cell; a pending table-2 row has at least two cuts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  nianbao::fuzz::ReadText read = nianbao::fuzz::read_text(input);
  nianbao::detail::Document& doc = *read.doc;
  nianbao::fuzz::require_text_layer(doc, input);
  nianbao::detail::read_outline(doc, read.html ? &read.html->meta : nullptr);
  nianbao::fuzz::require_outline(doc, input);
  nianbao::detail::read_tables(doc);
  nianbao::fuzz::require_tables(doc, input);
  return 0;
}
