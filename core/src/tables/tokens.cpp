// Value tokens: a table region cut into numbers, placeholders and the blanks between tab
// cells, each with its normalised byte range. Lines of prose (a '。') and page numbers are
// skipped; in lines without tabs or pipes every space-separated word is a cell.
#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "tables/tables_internal.hpp"

namespace nianbao::detail::tables {

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space_byte(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space_byte(s.back())) s.remove_suffix(1);
  return s;
}

bool parse_number(std::string_view s, Token* tok) {
  std::size_t i = 0;
  bool neg = false;
  if (i < s.size() && s[i] == '-') {
    neg = true;
    ++i;
  }
  const std::size_t start = i;
  std::string digits;
  while (i < s.size() && is_digit(s[i])) digits.push_back(s[i++]);
  if (digits.empty() || digits.size() > 15) return false;
  // "0000000" or "05" is not one count: it is run-together digits (read elsewhere).
  if (digits.size() > 1 && digits[0] == '0') return false;
  // Thousands separators: 13,612
  while (i + 3 < s.size() + 0 && s[i] == ',' && i + 4 <= s.size() && is_digit(s[i + 1]) &&
         is_digit(s[i + 2]) && is_digit(s[i + 3]) && (i + 4 == s.size() || !is_digit(s[i + 4]))) {
    if (i - start > 3 && digits.size() <= 3) return false;
    digits.append(s.substr(i + 1, 3));
    i += 4;
  }
  bool decimal = false;
  if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
    decimal = true;
    digits.push_back('.');
    ++i;
    while (i < s.size() && is_digit(s[i])) digits.push_back(s[i++]);
  }
  std::string_view unit = trim(s.substr(i));
  if (!unit.empty()) {
    static const char* const kUnits[] = {"万元", "元", "件", "个", "项", "次", "条"};
    bool known = false;
    for (const char* u : kUnits) known = known || unit == u;
    if (!known) return false;
  }
  if (digits.size() > 18) return false;
  tok->kind = TokKind::number;
  tok->value = std::strtod(digits.c_str(), nullptr) * (neg ? -1 : 1);
  tok->decimal = decimal;
  tok->negative = neg;
  tok->unit = std::string(unit);
  return true;
}

bool skip_line(std::string_view line) {
  std::string c;
  for (char ch : line) {
    if (!is_space_byte(ch)) c.push_back(ch);
  }
  if (c.empty()) return true;
  if (c.find_first_not_of("|-:") == std::string::npos) return true;  // |---|---|
  auto dash = [&](std::size_t& k) {
    if (c.compare(k, 1, "-") == 0) {
      k += 1;
      return true;
    }
    if (c.compare(k, 3, "—") == 0) {
      k += 3;
      return true;
    }
    return false;
  };
  std::size_t k = 0;
  if (dash(k)) {
    const std::size_t d0 = k;
    while (k < c.size() && is_digit(c[k])) ++k;
    if (k > d0 && k < c.size() && dash(k) && k == c.size()) return true;
  }
  std::size_t i = 0;
  if (c.compare(0, 3, "第") == 0) i = 3;
  const std::size_t d0 = i;
  while (i < c.size() && is_digit(c[i])) ++i;
  return i > d0 && c.compare(i, 3, "页") == 0;
}

namespace {

bool is_placeholder(std::string_view s) {
  static const char* const kPh[] = {"/", "-", "--", "—", "——", "\\", "无", "--", "---", "×", "*"};
  for (const char* p : kPh) {
    if (s == p) return true;
  }
  return false;
}

// Measure words that make "2023 年" or "21 件" prose rather than a table cell.
bool starts_with_measure_word(std::string_view s) {
  static const char* const kWords[] = {"年", "月", "日", "件", "个", "项", "次", "条",
                                       "元", "万", "人", "家", "份", "余", "多", "%"};
  for (const char* w : kWords) {
    if (s.substr(0, std::strlen(w)) == w) return true;
  }
  return false;
}

struct LineCell {
  std::size_t nb, ne;  // normalised range of the trimmed cell (an empty cell: where it is)
  std::string_view s;
};

// The cells of one line starting at normalised offset `pos`: tab- or pipe-separated cells,
// else space-separated words (`split` says which).
std::vector<LineCell> line_cells(const std::string& t, std::size_t pos, std::string_view line,
                                 bool* split) {
  const std::string_view tl = trim(line);
  const bool tabbed = line.find('\t') != std::string_view::npos;
  const bool piped = !tabbed && !tl.empty() && tl.front() == '|';
  *split = tabbed || piped;
  const char sep = tabbed ? '\t' : '|';
  std::vector<LineCell> cells;
  std::size_t k = 0;
  while (k <= line.size()) {
    std::size_t e;
    if (*split) {
      e = line.find(sep, k);
      if (e == std::string_view::npos) e = line.size();
    } else {
      while (k < line.size() && is_space_byte(line[k])) ++k;
      if (k >= line.size()) break;
      e = k;
      while (e < line.size() && !is_space_byte(line[e])) ++e;
    }
    const std::string_view s = trim(line.substr(k, e - k));
    const std::size_t off = static_cast<std::size_t>(s.data() - t.data());
    cells.push_back({s.empty() ? pos + k : off, s.empty() ? pos + k : off + s.size(), s});
    k = e + 1;
    if (!*split && e >= line.size()) break;
  }
  if (piped && !cells.empty() && cells.front().s.empty()) cells.erase(cells.begin());
  if (piped && !cells.empty() && cells.back().s.empty()) cells.pop_back();
  return cells;
}

// Appends the values of one line's cells: numbers and placeholders, and blanks only
// between two values.
void line_values(const std::vector<LineCell>& cells, bool split, std::vector<Token>& out) {
  enum Kind { text, value, empty };
  std::vector<Kind> kind(cells.size(), text);
  std::vector<Token> parsed(cells.size());
  for (std::size_t c = 0; c < cells.size(); ++c) {
    Token tok;
    tok.nb = cells[c].nb;
    tok.ne = cells[c].ne;
    if (cells[c].s.empty()) {
      kind[c] = empty;
      tok.kind = TokKind::blank;
    } else if (parse_number(cells[c].s, &tok)) {
      // "2023 年": a number followed by a measure word is prose.
      const bool prose = !split && tok.unit.empty() && c + 1 < cells.size() &&
                         starts_with_measure_word(cells[c + 1].s);
      kind[c] = prose ? text : value;
    } else if (is_placeholder(cells[c].s)) {
      tok.kind = TokKind::placeholder;
      kind[c] = value;
    }
    parsed[c] = tok;
  }
  std::size_t first_value = cells.size(), last_value = 0;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (kind[c] != value) continue;
    first_value = std::min(first_value, c);
    last_value = c;
  }
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (kind[c] == value || (kind[c] == empty && c > first_value && c < last_value)) {
      out.push_back(parsed[c]);
    }
  }
}

}  // namespace

std::vector<Token> tokenize(const Document& doc, std::size_t begin, std::size_t end) {
  const std::string& t = doc.norm.text;
  std::vector<Token> out;
  std::size_t pos = begin;
  while (pos < end) {
    std::size_t eol = t.find('\n', pos);
    if (eol == std::string::npos || eol > end) eol = end;
    const std::string_view line(t.data() + pos, eol - pos);
    if (!skip_line(line) && !contains_text(line, "。")) {
      bool split = false;
      const auto cells = line_cells(t, pos, line, &split);
      line_values(cells, split, out);
    }
    pos = eol + 1;
  }
  return out;
}

}  // namespace nianbao::detail::tables
