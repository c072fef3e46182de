// Builds small but complete 2021-format reports for rule tests: every table cell can be
// set, the tables can be written tab-separated (as copied from a web page), space-aligned
// (pdftotext -layout) or as markdown, the narrative of sections 一, 五 and 六 replaced, and lines
// dropped or replaced. Edits (below) describe such changes as data, for the rule cases.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "document.hpp"

namespace nianbao::testing {

struct ReportBuilder {
  enum class Shape { tabs, spaces, markdown };
  Shape shape = Shape::tabs;
  std::string title1 = "某某市某某局";
  std::string title2 = "2024年政府信息公开工作年度报告";
  std::map<std::string, std::string> cells;  // id -> raw text (default "0")
  std::vector<std::string> drop_headings;    // official heading texts to leave out
  bool single_other_row = false;             // 2019-style （六）其他处理
  // The narrative of sections 一 (all five topics), 五 (a problem) and 六 (the fee).
  std::string overview =
      "2024年，我局认真贯彻《条例》，做好主动公开、依申请公开、政府信息管理、"
      "政府信息公开平台建设和监督保障工作。";
  std::string problems = "一是主动公开的及时性仍有不足。下一步将加强培训。";
  std::string other_matters = "本年度未发出收费通知，未收取信息处理费。";

  // A consistent report: 10 new + 2 carried in = 11 granted + 1 partial; nothing carried out.
  ReportBuilder() {
    set_t3("new", 0, "10");
    set_t3("new", 6, "10");
    set_t3("carried_in", 0, "2");
    set_t3("carried_in", 6, "2");
    set_t3("granted", 0, "11");
    set_t3("granted", 6, "11");
    set_t3("partial", 0, "1");
    set_t3("partial", 6, "1");
    set_t3("results_total", 0, "12");
    set_t3("results_total", 6, "12");
    cells["t2.licensing"] = "130";
    cells["t2.fees"] = "92.73";
    cells["t4.review.upheld"] = "5";
    cells["t4.review.corrected"] = "2";
    cells["t4.review.total"] = "7";
  }

  void set_t3(const std::string& row, int col, const std::string& v) {
    cells["t3." + row + "." + detail::kT3Columns[static_cast<std::size_t>(col)]] = v;
  }
  std::string get(const std::string& id) const {
    auto it = cells.find(id);
    return it == cells.end() ? "0" : it->second;
  }

  std::string row(const std::string& label, const std::vector<std::string>& vals) const {
    std::string out;
    switch (shape) {
      case Shape::tabs:
        out = label;
        for (const auto& v : vals) out += "\t" + v;
        break;
      case Shape::spaces:
        out = label + "      ";
        for (const auto& v : vals) out += v + "     ";
        break;
      case Shape::markdown:
        out = "| " + label + " |";
        for (const auto& v : vals) out += " " + v + " |";
        break;
    }
    return out + "\n";
  }

  bool keep(const std::string& heading) const {
    for (const auto& d : drop_headings) {
      if (d == heading) return false;
    }
    return true;
  }

  std::string build() const {
    std::string s = title1 + "\n" + title2 + "\n\n";
    if (keep("一、总体情况")) s += "一、总体情况\n";
    s += overview + "\n\n";
    if (keep("二、主动公开政府信息情况")) s += "二、主动公开政府信息情况\n";
    s += "第二十条第（一）项\n";
    s += row("信息内容", {"本年制发件数", "本年废止件数", "现行有效件数"});
    s += row("规章", {get("t2.rules.made"), get("t2.rules.repealed"), get("t2.rules.in_force")});
    s += row("行政规范性文件", {get("t2.normative.made"), get("t2.normative.repealed"),
                                get("t2.normative.in_force")});
    s += "第二十条第（五）项\n" + row("信息内容", {"本年处理决定数量"});
    s += row("行政许可", {get("t2.licensing")});
    s += "第二十条第（六）项\n" + row("信息内容", {"本年处理决定数量"});
    s += row("行政处罚", {get("t2.penalty")});
    s += row("行政强制", {get("t2.coercion")});
    s += "第二十条第（八）项\n" + row("信息内容", {"本年收费金额（单位：万元）"});
    s += row("行政事业性收费", {get("t2.fees")});
    s += "\n";
    if (keep("三、收到和处理政府信息公开申请情况")) s += "三、收到和处理政府信息公开申请情况\n";
    s +=
        row("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", {"申请人情况"});
    s += row("自然人", {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"});
    static const char* const kLabels[] = {
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开 1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
        "（四）无法提供 1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
        "（五）不予处理 1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
        "（七）总计",
        "四、结转下年度继续办理"};
    for (int r = 0; r < 25; ++r) {
      if (single_other_row && (r == detail::kRowNoCorrection || r == detail::kRowUnpaidFee)) {
        continue;
      }
      std::vector<std::string> vals;
      for (int c = 0; c < 7; ++c) {
        vals.push_back(get(detail::t3_id(r, c)));
      }
      std::string label = kLabels[r];
      if (single_other_row && r == detail::kRowOtherOther) label = "（六）其他处理";
      s += row(label, vals);
    }
    s += "\n";
    if (keep("四、政府信息公开行政复议、行政诉讼情况")) {
      s += "四、政府信息公开行政复议、行政诉讼情况\n";
    }
    s += row("行政复议", {"行政诉讼"});
    s += row("结果维持",
             {"结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"});
    std::vector<std::string> t4;
    for (int g = 0; g < 3; ++g) {
      for (int c = 0; c < 5; ++c) t4.push_back(get(detail::t4_id(g, c)));
    }
    std::string data;
    for (std::size_t k = 0; k < t4.size(); ++k) {
      const char* sep = shape == Shape::tabs ? "\t" : shape == Shape::markdown ? " | " : "   ";
      data += (k ? sep : "") + t4[k];
    }
    s += (shape == Shape::markdown ? "| " + data + " |" : data) + "\n\n";
    if (keep("五、存在的主要问题及改进情况")) s += "五、存在的主要问题及改进情况\n";
    s += problems + "\n\n";
    if (keep("六、其他需要报告的事项")) s += "六、其他需要报告的事项\n";
    s += other_matters + "\n";
    return s;
  }
};

// One change to the builder's report: either to the builder (a cell, the title, a section's
// narrative ...) or to the built text (replace, erase a line, append; false when the text to
// change is not there). `what` names it in test output.
struct Edit {
  std::string what;
  std::function<void(ReportBuilder&)> on_builder;
  std::function<bool(std::string&)> on_text;
};

// The builder's report with the edits made: builder edits first, then text edits in order.
// Text edits that found nothing to change are added to *missed.
inline std::string edited_report(ReportBuilder b, const std::vector<Edit>& edits,
                                 std::vector<std::string>* missed = nullptr) {
  for (const auto& e : edits) {
    if (e.on_builder) e.on_builder(b);
  }
  std::string text = b.build();
  for (const auto& e : edits) {
    if (e.on_text && !e.on_text(text) && missed) missed->push_back(e.what);
  }
  return text;
}

inline std::string edited_report(const std::vector<Edit>& edits,
                                 std::vector<std::string>* missed = nullptr) {
  return edited_report(ReportBuilder(), edits, missed);
}

// Last year's report to the builder's (2023, for the cross-year rules): consistent on its own and
// continuous with the builder's report (2 applications carried over = this year's 2 carried in;
// no documents in force either year), with tables and a narrative of its own (no sentence in
// common with this year's).
inline ReportBuilder previous_year() {
  ReportBuilder b;
  b.title2 = "2023年政府信息公开工作年度报告";
  b.overview =
      "2023年，我局围绕主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障"
      "开展了各项工作。";
  b.problems = "一是政策解读的形式还比较单一，图解和视频解读偏少。下一步将丰富解读形式。";
  b.other_matters = "2023年我局没有发出收费通知，也没有收取任何信息处理费。";
  for (int c : {0, 6}) {
    b.set_t3("carried_in", c, "0");
    b.set_t3("granted", c, "8");
    b.set_t3("partial", c, "0");
    b.set_t3("results_total", c, "8");
    b.set_t3("carried_out", c, "2");
  }
  b.cells["t2.licensing"] = "120";
  b.cells["t2.fees"] = "80.5";
  b.cells["t4.review.upheld"] = "3";
  b.cells["t4.review.corrected"] = "0";
  b.cells["t4.review.total"] = "3";
  return b;
}

namespace edit {

inline Edit cell(const std::string& id, const std::string& raw) {
  return {"cell " + id + " = '" + raw + "'", [=](ReportBuilder& b) { b.cells[id] = raw; }, {}};
}
inline Edit title(const std::string& line1, const std::string& line2) {
  return {"title '" + line1 + "' / '" + line2 + "'",
          [=](ReportBuilder& b) {
            b.title1 = line1;
            b.title2 = line2;
          },
          {}};
}
inline Edit drop_heading(const std::string& heading) {
  return {
      "no heading " + heading, [=](ReportBuilder& b) { b.drop_headings.push_back(heading); }, {}};
}
inline Edit single_other_row() {
  return {"2019-style single （六）其他处理 row",
          [](ReportBuilder& b) { b.single_other_row = true; },
          {}};
}
inline Edit shape(ReportBuilder::Shape shape) {
  const char* names[] = {"tabs", "spaces", "markdown"};
  return {std::string("tables written with ") + names[static_cast<int>(shape)],
          [=](ReportBuilder& b) { b.shape = shape; },
          {}};
}
inline Edit overview(const std::string& text) {
  return {"section 1: " + text, [=](ReportBuilder& b) { b.overview = text; }, {}};
}
inline Edit problems(const std::string& text) {
  return {"section 5: " + text, [=](ReportBuilder& b) { b.problems = text; }, {}};
}
inline Edit other_matters(const std::string& text) {
  return {"section 6: " + text, [=](ReportBuilder& b) { b.other_matters = text; }, {}};
}
// Replaces the first occurrence of `from`.
inline Edit replace(const std::string& from, const std::string& to) {
  return {"replace '" + from + "' with '" + to + "'", {}, [=](std::string& s) {
            const std::size_t at = s.find(from);
            if (at == std::string::npos) return false;
            s.replace(at, from.size(), to);
            return true;
          }};
}
// Erases the first line containing `needle`, with its line break.
inline Edit erase_line(const std::string& needle) {
  return {"erase the line of '" + needle + "'", {}, [=](std::string& s) {
            const std::size_t at = s.find(needle);
            if (at == std::string::npos) return false;
            const std::size_t begin =
                s.rfind('\n', at) == std::string::npos ? 0 : s.rfind('\n', at) + 1;
            const std::size_t end = s.find('\n', at);
            s.erase(begin, end == std::string::npos ? std::string::npos : end - begin + 1);
            return true;
          }};
}
// Erases from the first `from` up to (not including) the next `to`.
inline Edit erase_between(const std::string& from, const std::string& to) {
  return {"erase from '" + from + "' to '" + to + "'", {}, [=](std::string& s) {
            const std::size_t b = s.find(from);
            const std::size_t e = b == std::string::npos ? b : s.find(to, b);
            if (e == std::string::npos) return false;
            s.erase(b, e - b);
            return true;
          }};
}
// The whole text replaced (e.g. a previous "report" that is none).
inline Edit whole_text(const std::string& text) {
  return {"the text is '" + text + "'", {}, [=](std::string& s) {
            s = text;
            return true;
          }};
}
// The cells whose ids start with `prefix` ("t3.") set as in this year's builder report (for a
// previous report whose table repeats this year's).
inline Edit table_as_this_year(const std::string& prefix) {
  return {"cells " + prefix + "* as this year's",
          [=](ReportBuilder& b) {
            const ReportBuilder now;
            for (auto it = b.cells.begin(); it != b.cells.end();) {
              it = it->first.rfind(prefix, 0) == 0 ? b.cells.erase(it) : std::next(it);
            }
            for (const auto& [id, v] : now.cells) {
              if (id.rfind(prefix, 0) == 0) b.cells[id] = v;
            }
          },
          {}};
}
// Keeps only the text from the first `from` up to (not including) the next `to` ("": to the
// end): part of the report, as pasted alone.
inline Edit keep_between(const std::string& from, const std::string& to) {
  return {"keep only from '" + from + "' to '" + to + "'", {}, [=](std::string& s) {
            const std::size_t b = s.find(from);
            if (b == std::string::npos) return false;
            const std::size_t e = to.empty() ? std::string::npos : s.find(to, b);
            if (!to.empty() && e == std::string::npos) return false;
            s = s.substr(b, e == std::string::npos ? std::string::npos : e - b);
            return true;
          }};
}
// The report, then the same report for the next year (a second title, its own sections and
// tables), as two reports pasted one after the other.
inline Edit then_next_year() {
  return {"then the same report for 2025", {}, [](std::string& s) {
            std::string next = s;
            const std::size_t at = next.find("2024年政府信息公开");
            if (at == std::string::npos) return false;
            next.replace(at, 4, "2025");
            s += "\n" + next;
            return true;
          }};
}
inline Edit append(const std::string& text) {
  return {"append '" + text + "'", {}, [=](std::string& s) {
            s += text;
            return true;
          }};
}

}  // namespace edit

}  // namespace nianbao::testing
