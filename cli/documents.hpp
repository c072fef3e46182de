// Report files the core does not read itself (PDF, Word .docx): `nianbao check report.pdf` runs
// `node <source dir>/cli/nianbao-file.mjs check [options] FILE`, the JavaScript extraction that the
// page and the JS API use (web/pdf/), which pipes the recovered text back into this binary's
// `check -`. Output, options and exit codes are therefore those of `check` on the recovered text.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "args.hpp"

namespace nianbao::cli {

enum class DocumentKind { none, pdf, docx };

// PDF: "%PDF-" at the start, or in the first 1024 bytes of a file ending with "%%EOF" (readers
// accept junk before the header). Word: a ZIP archive ("PK\x03\x04"). Anything else: none.
DocumentKind sniff_document(std::string_view bytes);

// The helper's arguments after `node`: SCRIPT check [--format json] [--ignore IDS]
// [--min-severity S] [--lang en] FILE.
std::vector<std::string> document_command(const Args& args, const std::string& script);

// Where cli/nianbao-file.mjs is: $NIANBAO_SOURCE_DIR/cli/, else the source tree the binary was
// built from (compile definition NIANBAO_SOURCE_DIR), else "".
std::string document_script();

// "PDF" | "Word/ZIP", as the messages name them.
const char* document_kind_name(DocumentKind kind);
// The one-line reasons (without "nianbao: FILE: ") shared by the single-file path and the batch's
// extractor (extractor.hpp): a document on standard input, cli/nianbao-file.mjs missing, node
// that cannot be started.
std::string stdin_document_message(DocumentKind kind);
std::string missing_script_message(DocumentKind kind, const std::string& script);
std::string node_failed_message(DocumentKind kind, const std::string& node, int spawn_error,
                                const std::string& script);
// $NIANBAO_NODE, else "node".
std::string node_program();
// True when `script` is a regular file.
bool script_exists(const std::string& script);
// The helper's environment: ours, with NIANBAO_CLI naming this binary.
std::vector<std::string> helper_environment();

// Checks args.file (a PDF or .docx) through Node.js; the helper's stdout goes to `out`, its
// stderr to `err`. Returns its exit code, or 2 with a one-line message when node or the helper is
// missing, or when the document came on standard input.
int check_document(const Args& args, DocumentKind kind, std::ostream& out, std::ostream& err);

// The text of `file` (a PDF or .docx) as `node cli/nianbao-file.mjs extract FILE` recovers it
// (for --previous). False, with one line on `err`, when it cannot be extracted.
bool extract_document(const std::string& file, DocumentKind kind, std::string* text,
                      std::ostream& err);

}  // namespace nianbao::cli
