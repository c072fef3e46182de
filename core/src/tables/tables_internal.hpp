// The table reader's own interface, shared by the files of core/src/tables/ and by nothing
// else. The approach is described at the top of read.cpp.
//
//   tokens.cpp        value tokens of a region (numbers, placeholders, blanks between cells)
//   labels.cpp        a table's region, its row labels, and the values each label collects
//   rows.cpp          values into cells; shape issues (missing rows, wrong counts)
//   run_together.cpp  digits printed without separators: finding them, cutting them
//   t2.cpp, t3.cpp, t4.cpp   the three tables
//   t3_solver.cpp     table 3 settled by its arithmetic (pending cuts, template order)
//   settle.cpp        table 2 settled by what the narrative states (settle_tables)
//   read.cpp          read_tables
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document.hpp"

namespace nianbao::detail::tables {

inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
std::string_view trim(std::string_view s);

// ----- tokens.cpp ------------------------------------------------------------------------
enum class TokKind { number, placeholder, blank };

struct Token {
  TokKind kind = TokKind::number;
  std::size_t nb = 0, ne = 0;  // normalised byte range
  double value = 0;
  bool decimal = false;
  bool negative = false;
  std::string unit;
};

// A whole cell that is a number: -?digits(,ddd)*(.digits)?unit?
bool parse_number(std::string_view s, Token* tok);
// Page numbers ("-3-", "— 3 —", "第3页") and markdown rule lines.
bool skip_line(std::string_view line);
// Value tokens of the normalised range [begin, end), in input order.
std::vector<Token> tokenize(const Document& doc, std::size_t begin, std::size_t end);

// ----- labels.cpp ------------------------------------------------------------------------
// Where a table lives, as a normalised range.
struct Region {
  std::size_t nb = kNone, ne = kNone;
  bool found() const { return nb != kNone; }
};
// The table's section, else from the first anchor after `after` to the next section or the
// line of the first of `stops` (the next table's header words: tables pasted without their
// section headings).
Region region_for(const Document& doc, int section, std::initializer_list<const char*> anchors,
                  std::size_t after, std::initializer_list<const char*> stops = {});

// What a label stands for: a row of the table (>= 0), or one of these.
inline constexpr int kGroupLabel = -1;  // a group heading: carries no numbers, ends nothing
inline constexpr int kDelimiter = -2;   // a header or block title: ends the current row
inline constexpr int kOtherGroup = -3;  // table 3's （六）其他处理: a data row in the 2019 layout

struct LabelDef {
  int row;
  std::vector<const char*> keys;  // alternative spellings, matched on whitespace-free text
};

struct Match {
  int row;
  std::size_t nb, ne;  // normalised range
};

// The region's text without whitespace and without its value tokens (labels broken by
// line breaks or by numbers printed inside them still read as one).
Compact label_text(const Document& doc, Region region, const std::vector<Token>& toks);
// All matches of every key of `defs`, in input order.
std::vector<Match> find_labels(const Compact& f, const std::vector<LabelDef>& defs);
void sort_labels(std::vector<Match>& labels);

struct RowValues {
  std::vector<Token> after;   // values following the label, up to the next label
  std::vector<Token> before;  // values right before it, not claimed by any label
  std::size_t nb = kNone;     // where the label is
  std::size_t ne = kNone;     // where the label's key ends
  std::size_t next = kNone;   // where the next label (or the region) ends it
  bool next_is_row = false;   // the next label is a table row
};

// Walks labels and values in order; per label, the values it collected.
std::vector<RowValues> collect(const std::vector<Match>& labels, const std::vector<Token>& toks,
                               std::size_t region_end);

// A table's region read: its tokens, its labels, and what each label collected.
struct Scan {
  Region region;
  std::vector<Token> toks;
  std::vector<Match> labels;
  std::vector<RowValues> vals;  // vals[k] belongs to labels[k]
  bool any_row() const;         // a label of a data row was found
};
// Tokens and labels of `region` (collect() is left to the caller, who may edit the labels).
Scan scan_region(const Document& doc, Region region, const std::vector<LabelDef>& defs,
                 Compact* text = nullptr);

// Among several matches of one row, the one whose values fit best (`want` values).
const RowValues* best_match(const Scan& s, int row, std::size_t want);

// ----- rows.cpp --------------------------------------------------------------------------
// A row of a table's layout: where its numbers go and how findings name it.
struct RowSpec {
  int table = 0;  // 2, 3 or 4
  const char* label = "";
  const char* label_en = "";
  std::vector<CellId> cells;  // in column order
  bool decimal_last = false;  // the last cell holds a decimal (table 2's fees, 万元)
};
RowSpec t2_row(std::size_t row);  // kT2Rows index
RowSpec t3_row(int row);          // kT3Rows index
RowSpec t4_row();                 // the one data row of 15 cells

CellRead cell_from(const Document& doc, const Token& tk, bool decimal_cell);
ShapeIssue issue_for(ShapeKind kind, const RowSpec& spec);
void missing_row(Tables& t, const RowSpec& spec);
// Assigns `vals` to the row's cells; on a count mismatch marks them ambiguous (unreadable
// when no value was found) and records the issue.
void assign_row(const Document& doc, Tables& t, const RowSpec& spec, const std::vector<Token>& vals,
                std::size_t label_nb);

// ----- run_together.cpp ------------------------------------------------------------------
// A group of digits of a run (digits, possibly one '.'), as normalised.
struct Segment {
  std::string digits;
  std::size_t nb = 0;  // normalised offset of its first character
};
using Split = Cut;  // one part per cell
using SplitTest = bool (*)(const Split&);

extern const char* const kRunNote;

// The one run of digits between a label and the next one, when it shows that its numbers
// ran together; else empty.
std::vector<Segment> gap_digits(const Document& doc, const RowValues& rv);

// A row whose numbers ran together, and the ways found to cut them.
struct RunRow {
  RunRow(RowSpec row, std::vector<Segment> digits)
      : spec(std::move(row)), segs(std::move(digits)) {}
  RowSpec spec;
  std::vector<Segment> segs;
  std::vector<Split> cands;
  bool complete = true;    // the search finished (else cands holds only some cuts)
  bool exhaustive = true;  // and found no more than the cap: cands holds every fitting cut
};
// Cuts the run into exactly one number per cell, keeping cuts accepted by `fits` (at most
// cap + 1 of them). Returns false when the search was too large to finish.
bool cut_run(const Document& doc, RunRow& run, SplitTest fits, std::size_t cap);
// The cells of the row from one cut, each with `note`.
void fill_cut(const Document& doc, Tables& t, const RowSpec& spec, const Split& cut,
              const std::string& note);
// Records a run that could not be cut in exactly one way and marks its cells; `why` says
// what the table's arithmetic lacked.
void run_issue(const Document& doc, Tables& t, const RunRow& run, const std::string& why);
// The hint of a run issue, from its run and cuts (`complete`: the search finished), and the
// marks of the row's cells.
void explain_run(Tables& t, const RowSpec& spec, bool complete, const std::string& why,
                 ShapeIssue& is);
// Cells on which every cut of a finished search agrees are known even when the row is not.
void settle_agreeing(const Document& doc, Tables& t, const RowSpec& spec,
                     const std::vector<Split>& cuts);

// ----- the tables ------------------------------------------------------------------------
// Why table 2's run-together digits stay open.
extern const char* const kT2NoArithmetic;
void read_t2(const Document& doc, Tables& t);
void read_t3(const Document& doc, Tables& t);
void read_t4(const Document& doc, Tables& t);

// t3_solver.cpp
// A table-3 row whose run-together digits fit the row total in several ways.
struct PendingRow {
  int row;
  RunRow run;
};
// Settles pending rows with the column identities (T3-1 balance, T3-2 results total); rows
// left open are recorded as issues.
void resolve_pending(const Document& doc, Tables& t, std::vector<PendingRow>& pending);
// Reads table 3 from its values alone, in template order (labels away from their numbers).
// `rows`: the rows of the layout, in order. Returns false when the arithmetic does not
// single out one reading.
bool solve_t3_sequence(const std::vector<Token>& seq, const std::vector<int>& rows,
                       std::vector<const Token*>* out);

}  // namespace nianbao::detail::tables
