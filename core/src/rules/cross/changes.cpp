// The changes block (issue 13): the figures people write about, this year against last year,
// and two derived rates. Each is given only when every operand is an `ok` cell in both reports
// (a blank, a placeholder, an ambiguous or a missing cell leaves the line out).
#include <cmath>

#include "rules/cross/cross.hpp"
#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {

struct Figure {
  const char* id;
  const char* zh;
  const char* en;
  std::vector<CellId> cells;  // summed
  const char* unit;
};

std::vector<CellId> t3_total_rows(int first, int last) {
  std::vector<CellId> out;
  for (int r = first; r <= last; ++r) out.push_back(t3_cell(r, 6));
  return out;
}

const std::vector<Figure>& figures() {
  static const std::vector<Figure> kFigures = {
      {"t3.new.total", "本年新收申请", "new applications", {t3_cell(kRowNew, 6)}, "件"},
      {"t3.granted.total", "予以公开", "granted", {t3_cell(2, 6)}, "件"},
      {"t3.partial.total", "部分公开", "partly granted", {t3_cell(3, 6)}, "件"},
      {"t3.withheld.*.total", "不予公开", "withheld", t3_total_rows(4, 11), "件"},
      {"t3.unavailable.*.total", "无法提供", "unavailable", t3_total_rows(12, 14), "件"},
      {"t3.declined.*.total", "不予处理", "declined", t3_total_rows(15, 19), "件"},
      {"t4.review.total", "行政复议", "administrative reviews", {t4_cell(0, 4)}, "件"},
      {"t4.suit_direct.total",
       "未经复议直接起诉",
       "lawsuits without review",
       {t4_cell(1, 4)},
       "件"},
      {"t4.suit_after_review.total", "复议后起诉", "lawsuits after review", {t4_cell(2, 4)}, "件"},
      {"t4.review.corrected", "行政复议结果纠正", "reviews: corrected", {t4_cell(0, 1)}, "件"},
      {"t4.suit_direct.corrected",
       "直接起诉结果纠正",
       "lawsuits without review: corrected",
       {t4_cell(1, 1)},
       "件"},
      {"t4.suit_after_review.corrected",
       "复议后起诉结果纠正",
       "lawsuits after review: corrected",
       {t4_cell(2, 1)},
       "件"},
      {"t2.rules.made", "规章制发", "rules issued", {kT2RulesMade}, "件"},
      {"t2.normative.made",
       "行政规范性文件制发",
       "normative documents issued",
       {kT2NormativeMade},
       "件"},
      {"t2.licensing", "行政许可", "licensing decisions", {kT2Licensing}, "件"},
      {"t2.penalty", "行政处罚", "penalty decisions", {kT2Penalty}, "件"},
      {"t2.coercion", "行政强制", "coercion decisions", {kT2Coercion}, "件"},
      {"t2.fees", "行政事业性收费", "administrative fees", {kT2Fees}, "万元"},
  };
  return kFigures;
}

// The sum of the cells when every one is ok.
std::optional<double> ok_sum(const Document& doc, const std::vector<CellId>& ids) {
  double sum = 0;
  for (const CellId id : ids) {
    const CellRead* c = doc.tables.cell(id);
    if (c == nullptr || c->status != CellStatus::ok || !c->value) return std::nullopt;
    sum += *c->value;
  }
  return sum;
}

double round_to(double v, double scale) { return std::round(v * scale) / scale; }

Change make(const char* id, const char* zh, const char* en, const char* unit,
            const std::vector<CellId>& cells, double now, double before) {
  Change c;
  c.id = id;
  c.label = zh;
  c.label_en = en;
  c.unit = unit;
  c.cells = cell_names(cells);
  c.current = now;
  c.previous = before;
  c.change = round_to(now - before, 1e6);
  if (std::string(unit) != "%" && before != 0) {
    c.percent = round_to(100.0 * (now - before) / before, 10);
  }
  return c;
}

// part ÷ whole in percent (one decimal), when every cell is ok and whole > 0.
std::optional<double> rate(const Document& doc, const std::vector<CellId>& part,
                           const std::vector<CellId>& whole, const std::vector<CellId>& less) {
  const auto p = ok_sum(doc, part), w = ok_sum(doc, whole), l = ok_sum(doc, less);
  if (!p || !w || !l || *w - *l <= 0) return std::nullopt;
  return round_to(100.0 * *p / (*w - *l), 10);
}

void add_rates(const Document& doc, const Document& prev, std::vector<Change>& out) {
  const CellId granted = t3_cell(2, 6), partial = t3_cell(3, 6),
               total = t3_cell(kRowResultsTotal, 6);
  const auto d_now = rate(doc, {granted, partial}, {total}, {});
  const auto d_before = rate(prev, {granted, partial}, {total}, {});
  if (d_now && d_before) {
    out.push_back(make("rate.disclosure", "公开率（予以公开+部分公开）÷办理结果总计",
                       "disclosure rate (granted + partly granted) ÷ results total", "%",
                       {granted, partial, total}, *d_now, *d_before));
  }
  const CellId corrected = t4_cell(0, 1), pending = t4_cell(0, 3), review = t4_cell(0, 4);
  const auto c_now = rate(doc, {corrected}, {review}, {pending});
  const auto c_before = rate(prev, {corrected}, {review}, {pending});
  if (c_now && c_before) {
    out.push_back(make("rate.review_correction", "复议纠错率 纠正÷（复议总计−尚未审结）",
                       "review correction rate corrected ÷ (reviews − pending)", "%",
                       {corrected, review, pending}, *c_now, *c_before));
  }
}

}  // namespace

std::vector<Change> changes(const Document& doc, const Document& previous) {
  std::vector<Change> out;
  for (const Figure& f : figures()) {
    const auto now = ok_sum(doc, f.cells), before = ok_sum(previous, f.cells);
    if (now && before) out.push_back(make(f.id, f.zh, f.en, f.unit, f.cells, *now, *before));
  }
  add_rates(doc, previous, out);
  return out;
}

}  // namespace nianbao::detail
