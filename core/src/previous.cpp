// The previous year's report (previous.hpp).
#include "previous.hpp"

#include "rules/registry.hpp"

namespace nianbao::detail {

PreviousReport::PreviousReport(std::string_view utf8, const Options& options)
    : bytes_(options.previous_input_bytes.value_or(utf8.size())) {
  if (bytes_ > kMaxInputBytes || utf8.size() > kMaxInputBytes * 2) {
    const std::string mb = std::to_string(kMaxInputBytes / (1024 * 1024));
    ctx_.error = "输入过大：超过" + mb + " MB上限 (input too large: over the " + mb + " MB limit)";
    return;
  }
  if (looks_like_html(utf8)) html_ = html_to_text(utf8);
  if (html_) {
    doc_.emplace(utf8, html_->text, html_->origin);
  } else {
    doc_.emplace(utf8);
  }
  lines_ = utf8.empty() ? 0 : doc_->source.line_count();
  read_outline(*doc_, html_ ? &html_->meta : nullptr);
  read_tables(*doc_);
  ctx_.error = not_a_report(utf8, *doc_);
  if (!ctx_.error.empty()) return;
  facts_ = extract_facts(*doc_);
  settle_tables(*doc_, *facts_);
  ctx_.doc = &*doc_;
  ctx_.facts = &*facts_;
}

void PreviousReport::settle(Document& doc) {
  if (ctx_.doc == nullptr) return;
  ctx_.comparable = pairing(doc, *ctx_.doc).comparable();
  if (ctx_.comparable) ctx_.settled = settle_by_previous(doc, *ctx_.doc);
}

namespace {

Summary operator-(const Summary& a, const Summary& b) {
  Summary d;
  d.pass = a.pass - b.pass;
  d.fail = a.fail - b.fail;
  d.uncertain = a.uncertain - b.uncertain;
  d.not_assessable = a.not_assessable - b.not_assessable;
  return d;
}

}  // namespace

void PreviousReport::compare(const Document& doc, const Facts& facts, Emitter& em, Result& r) {
  PreviousInfo info;
  info.input_bytes = bytes_;
  info.input_lines = lines_;
  info.error = ctx_.error;
  if (ctx_.doc != nullptr) {
    info.agency = ctx_.doc->outline.agency;
    info.year = ctx_.doc->outline.year;
    info.format = format_name(ctx_.doc->outline.format);
  }
  if (ctx_.comparable) ctx_.reuse = measure_reuse(doc, *ctx_.doc);
  const Summary before = em.summary();
  run_cross_rules(doc, facts, ctx_, em);
  info.checks = em.summary() - before;
  info.compared = ctx_.comparable;
  if (ctx_.reuse) info.text_reuse = ctx_.reuse->reuse;
  if (ctx_.comparable) r.changes = changes(doc, *ctx_.doc);
  r.previous = std::move(info);
}

}  // namespace nianbao::detail
