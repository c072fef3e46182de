// The formulas a narrative figure is compared with (claims.hpp).
#include "rules/narrative/claims.hpp"

#include "rules/tables/sums.hpp"

namespace nianbao::detail {

namespace {

CellId t3(int row, int col = 6) { return t3_cell(row, col); }

// Rows from..to of table 3 in column col; the 2019 layout lacks two of the （六） rows.
std::vector<CellId> t3_rows(const Document& doc, int from, int to, int col = 6) {
  std::vector<CellId> ids;
  for (int r = from; r <= to; ++r) {
    if (doc.tables.t3_single_other_row && (r == kRowNoCorrection || r == kRowUnpaidFee)) continue;
    ids.push_back(t3_cell(r, col));
  }
  return ids;
}

struct Groups {
  bool rv = false, ld = false, lr = false;
  std::string zh, en;
};

Groups groups_of(Topic t) {
  switch (t) {
    case Topic::rv:
      return {true, false, false, "行政复议", "administrative review"};
    case Topic::lit:
      return {false, true, true, "行政诉讼（直接起诉+复议后起诉）",
              "lawsuits (direct + after review)"};
    case Topic::ld:
      return {false, true, false, "未经复议直接起诉", "lawsuits without review"};
    case Topic::lr:
      return {false, false, true, "复议后起诉", "lawsuits after review"};
    default:
      return {true, true, true, "行政复议与行政诉讼合计", "reviews and lawsuits together"};
  }
}

// Builds a claim formula by formula.
struct ClaimBuilder {
  Claim c;
  ClaimBuilder& add(std::string zh, std::string en, std::vector<CellId> ids) {
    c.formulas.push_back({std::move(zh), std::move(en), std::move(ids)});
    return *this;
  }
};

// Table 3: applications received, handled, concluded, carried over, by applicant type.
bool application_claim(const Fact& f, ClaimBuilder& b) {
  const Formula fresh{"本年新收", "new this year", {t3(kRowNew)}};
  const Formula both{"本年新收+上年结转", "new + carried over", {t3(kRowNew), t3(kRowCarriedIn)}};
  const Formula results{"办理结果总计", "results total", {t3(kRowResultsTotal)}};
  std::vector<CellId> org_new, org_both;
  for (int col = 1; col <= 5; ++col) {
    org_new.push_back(t3(kRowNew, col));
    org_both.push_back(t3(kRowNew, col));
    org_both.push_back(t3(kRowCarriedIn, col));
  }
  auto& fs = b.c.formulas;
  switch (f.topic) {
    case Topic::app_new:
      fs =
          f.with_carried_in ? std::vector<Formula>{both, fresh} : std::vector<Formula>{fresh, both};
      return true;
    case Topic::app_handled:
      fs = {results, fresh, both};
      return true;
    case Topic::app_concluded:
      fs = {results};
      return true;
    case Topic::app_carried_in:
      b.add("上年结转", "carried over from last year", {t3(kRowCarriedIn)});
      return true;
    case Topic::app_carried_out:
      b.add("结转下年度继续办理", "carried over to next year", {t3(kRowCarriedOut)});
      return true;
    case Topic::app_natural:
      b.add("自然人本年新收", "natural persons, new", {t3(kRowNew, 0)})
          .add("自然人新收+上年结转", "natural persons, new + carried over",
               {t3(kRowNew, 0), t3(kRowCarriedIn, 0)});
      return true;
    case Topic::app_org:
      b.add("法人或其他组织（五栏）本年新收", "organisations, new", org_new)
          .add("法人或其他组织新收+上年结转", "organisations, new + carried over", org_both);
      return true;
    default:
      return false;
  }
}

// Table 3: the result groups (予以公开 … 其他处理).
bool result_claim(const Document& doc, const Fact& f, ClaimBuilder& b) {
  switch (f.topic) {
    case Topic::res_granted:
      b.add("予以公开", "granted", {t3(2)});
      return true;
    case Topic::res_partial:
      b.add("部分公开", "partly granted", {t3(3)});
      return true;
    case Topic::res_granted_partial:
      b.add("予以公开+部分公开", "granted + partly granted", {t3(2), t3(3)});
      return true;
    case Topic::res_withheld:
      b.add("不予公开（8项之和）", "withheld (8 rows)", t3_rows(doc, 4, 11));
      return true;
    case Topic::res_unavailable:
      b.add("无法提供（3项之和）", "unavailable (3 rows)", t3_rows(doc, 12, 14));
      return true;
    case Topic::res_declined:
      b.add("不予处理（5项之和）", "declined (5 rows)", t3_rows(doc, 15, 19));
      return true;
    case Topic::res_other:
      b.add("其他处理（之和）", "other handling", t3_rows(doc, 20, 22));
      return true;
    default:
      return false;
  }
}

// Table 4: review and lawsuit counts, and their outcomes.
bool review_claim(const Fact& f, ClaimBuilder& b) {
  switch (f.topic) {
    case Topic::rv:
    case Topic::lit:
    case Topic::ld:
    case Topic::lr:
    case Topic::rv_lit: {
      const Groups g = groups_of(f.topic);
      b.add(g.zh + "总计", g.en + " total", t4_column(g.rv, g.ld, g.lr, 4));
      return true;
    }
    case Topic::t4_upheld:
    case Topic::t4_corrected:
    case Topic::t4_other:
    case Topic::t4_pending: {
      const Groups g = groups_of(f.parent);
      const int col = f.topic == Topic::t4_upheld      ? 0
                      : f.topic == Topic::t4_corrected ? 1
                      : f.topic == Topic::t4_other     ? 2
                                                       : 3;
      const std::string zh = kT4ColumnLabels[static_cast<std::size_t>(col)];
      const std::string en = kT4Columns[static_cast<std::size_t>(col)];
      b.add(g.zh + zh, g.en + " " + en, t4_column(g.rv, g.ld, g.lr, col));
      return true;
    }
    default:
      return false;
  }
}

// Table 2: documents by verb (made, repealed, in force; 公开/发布 alone: made or in force).
void document_claim(const Fact& f, ClaimBuilder& b) {
  const bool norm = f.topic == Topic::normative;
  const std::string name = norm ? "行政规范性文件" : "规章";
  const std::string name_en = norm ? "normative documents" : "rules";
  const CellId made = norm ? kT2NormativeMade : kT2RulesMade;
  const CellId repealed = norm ? kT2NormativeRepealed : kT2RulesRepealed;
  const CellId in_force = norm ? kT2NormativeInForce : kT2RulesInForce;
  switch (f.verb) {
    case DocVerb::made:
      b.add(name + "本年制发件数", name_en + " issued", {made});
      break;
    case DocVerb::repealed:
      b.add(name + "本年废止件数", name_en + " repealed", {repealed});
      break;
    case DocVerb::in_force:
      b.add(name + "现行有效件数", name_en + " in force", {in_force});
      break;
    case DocVerb::unknown:
      b.add(name + "本年制发件数", name_en + " issued", {made})
          .add(name + "现行有效件数", name_en + " in force", {in_force});
      b.c.severity = Severity::info;
      break;
  }
}

// Table 2: documents, decisions (licensing, penalty, coercion) and administrative fees.
bool table2_claim(const Fact& f, ClaimBuilder& b) {
  switch (f.topic) {
    case Topic::normative:
    case Topic::rules:
      document_claim(f, b);
      return true;
    case Topic::licensing:
    case Topic::penalty:
    case Topic::coercion: {
      const bool lic = f.topic == Topic::licensing, pen = f.topic == Topic::penalty;
      const CellId id = lic ? kT2Licensing : pen ? kT2Penalty : kT2Coercion;
      const std::string zh = lic ? "行政许可" : pen ? "行政处罚" : "行政强制";
      b.c.severity = Severity::info;
      b.add(zh + "本年处理决定数量", cell_name(id), {id});
      return true;
    }
    case Topic::admin_fee:
      b.add("行政事业性收费本年收费金额（万元）", "administrative fees (10,000 yuan)", {kT2Fees});
      b.c.scale = f.unit == "元" ? 1.0 / 10000 : 1.0;
      b.c.tolerance = 0.0051;
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<CellId> t4_column(bool rv, bool ld, bool lr, int col) {
  std::vector<CellId> ids;
  if (rv) ids.push_back(t4_cell(0, col));
  if (ld) ids.push_back(t4_cell(1, col));
  if (lr) ids.push_back(t4_cell(2, col));
  return ids;
}

std::optional<Claim> claim_for(const Document& doc, const Fact& f) {
  ClaimBuilder b;
  if (application_claim(f, b) || result_claim(doc, f, b)) return b.c;
  b.c.table = ClaimTable::t4;
  if (review_claim(f, b)) return b.c;
  b.c.table = ClaimTable::t2;
  if (table2_claim(f, b)) return b.c;
  return std::nullopt;
}

}  // namespace nianbao::detail
