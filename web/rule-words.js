// Reader words for the rules, kept by the page (the core's catalogue gives the title, the
// explanation and the basis): `meaning` is a plain 「这意味着什么」 for a reader who is not a
// specialist; `uncertain` is the title of a finding the rule could not settle ("uncertain" status),
// which must not claim the mismatch that was not found. [Chinese, English] each.
// Used by web/findings-view.js (page and widget). A rule missing here falls back to the catalogue.

export const RULE_WORDS = {
  'section-missing': {
    meaning: ['报告缺少法律规定必须写的一部分内容。读者无法从报告中了解这方面的情况；这是报告本身的缺陷，不是读取问题。',
      'A part the law requires is missing from the report. Readers cannot learn about that area from it; this is a defect of the report itself.']
  },
  'section-order': {
    meaning: ['六个部分没有按规定顺序排列。内容可能都在，但顺序错乱常常是复制粘贴或编辑时出了差错，值得核对其余内容。',
      'The six parts are not in the prescribed order. The content may all be there, but a wrong order often comes from copying or editing mistakes.']
  },
  'section-heading-variant': {
    meaning: ['章节标题的措辞或序号和统一格式不完全一样。通常不影响内容，只是不够规范。',
      'A heading is worded or numbered differently from the national format. Usually harmless; only less tidy.']
  },
  'title-year': {
    meaning: ['标题没有写清是哪个机关、哪一年的报告。引用时难以确定报告的主体和统计期间。',
      'The title does not say clearly which agency and which year the report is about, so it is hard to cite.']
  },
  'format-outdated': {
    meaning: ['报告还在用已被取代的旧表格格式，部分栏目与现行格式不同，数字无法与其他机关的报告直接比较。',
      'The report uses a superseded table layout; some columns differ from the current format, so its figures cannot be compared directly with other reports.']
  },
  'format-legacy': {
    meaning: ['这是一份按当年格式写的早年报告。按现行格式的检查对它不适用，因此没有进行。',
      'This is an older report written in the format of its time. Checks of the current format do not apply and were not made.']
  },
  'table-shape': {
    uncertain: ['表格有行无法对应到单元格', 'Table rows that could not be mapped to cells'],
    meaning: ['法定表格缺了表或行，或者某一行读到的数字个数和栏目数对不上。缺表缺行是报告的缺陷；个数对不上时，我们不猜测数字属于哪一栏，相关检查就无法进行。',
      'A required table or row is missing, or a row has more or fewer numbers than columns. A missing table or row is a defect of the report; when the count does not fit, we do not guess which number goes where, so the checks that need it are not made.']
  },
  'cell-value': {
    meaning: ['表格里的某个数不可能是正确的，例如件数为负数或带小数。',
      'A number in a table cannot be right, e.g. a negative or fractional count.']
  },
  'cell-placeholder': {
    meaning: ['单元格里填的是“/”“—”“无”或空着，而规定要求没有发生的填 0。算术检查把它当作 0。',
      'A cell holds “/”, “—”, “无” or nothing, where the format asks for 0. Arithmetic checks count it as 0.']
  },
  'cell-unit': {
    meaning: ['单元格里写了单位。若在以万元为单位的栏里写了“元”，数字可能差一万倍。',
      'A unit is written inside a cell. A “元” in the 万元 column may mean the figure is off by a factor of 10,000.']
  },
  't3-balance': {
    meaning: ['表三同一栏的数字加起来对不上：收到的申请（本年新收 + 上年结转）和处理掉的申请（办理结果 + 结转下年度）不相等。至少有一个数字填错，或有申请在统计中丢失或重复计算。',
      'A column of table 3 does not add up: requests in (new + carried in) do not equal requests dealt with (results + carried out). At least one figure is wrong, or requests were lost or counted twice.']
  },
  't3-results-total': {
    meaning: ['表三“总计”一行不等于各项办理结果之和，说明总数或某个分项填错了。',
      'The results total of table 3 is not the sum of the result rows: the total or one of the rows is wrong.']
  },
  't3-row-total': {
    meaning: ['表三某一行的“总计”不等于各类申请人之和，说明总计或某类申请人的数字填错了。',
      'A row total of table 3 is not the sum of its applicant columns: the total or one of the columns is wrong.']
  },
  't3-carry-over': {
    meaning: ['结转到下一年办理的申请比本年新收的还多。按法定期限，多数申请应在当年办结，这个比例值得追问。',
      'More requests were carried into next year than were received this year. Most requests are due within the year; the figure deserves a question.']
  },
  't4-group-total': {
    meaning: ['表四某一组（行政复议或行政诉讼）的“总计”不等于维持、纠正、其他结果、尚未审结四项之和，说明有数字填错。',
      'In table 4 a group total (review or lawsuits) is not the sum of upheld, corrected, other and pending: a figure is wrong.']
  },
  't2-in-force': {
    meaning: ['表二显示本年制发了文件，但现行有效的件数为 0。除非这些文件当年又全部废止，否则多半是填错了。',
      'Table 2 shows documents issued this year but none in force. Unless all were repealed in the same year, a figure is probably wrong.']
  },
  'narrative-applications': {
    uncertain: ['正文申请数字无法与表三核对', 'Narrative request figures that could not be compared with table 3'],
    meaning: ['正文里关于政府信息公开申请的数字和表三对不上。两者必有一处有误，引用时应先核实以哪个为准。',
      'A figure about information requests in the text does not match table 3. One of them is wrong; check which before citing either.']
  },
  'narrative-review-litigation': {
    uncertain: ['正文复议诉讼情况无法与表四核对', 'Narrative review and lawsuit figures that could not be compared with table 4'],
    meaning: ['正文里关于行政复议、行政诉讼的数字或说法（如“均维持”）和表四对不上。两者必有一处有误。',
      'What the text says about administrative reviews and lawsuits (figures, or words such as “all upheld”) does not match table 4. One of them is wrong.']
  },
  'narrative-zero-claim': {
    uncertain: ['正文“未发生”的说法无法与表格核对', 'A “none occurred” statement that could not be compared with the tables'],
    meaning: ['正文说某事没有发生（如未收到申请、未发生复议诉讼），表格却有数字。二者不可能同时正确。',
      'The text says something did not happen (no requests, no reviews or lawsuits) but the table shows numbers. Both cannot be right.']
  },
  'narrative-table2': {
    uncertain: ['正文主动公开数字无法与表二核对', 'Narrative figures that could not be compared with table 2'],
    meaning: ['正文里关于规章、规范性文件、行政许可处罚强制或收费的数字和表二对不上。',
      'A figure in the text about rules, normative documents, licences, penalties, coercive measures or fees does not match table 2.']
  },
  'narrative-fee': {
    uncertain: ['信息处理费情况无法核对', 'Information processing fee statements that could not be checked'],
    meaning: ['表三显示发出过收费通知，但正文没有报告收费情况，或者说没有发过收费通知。',
      'Table 3 shows fee notices were issued, but the text does not report them, or says none were issued.']
  },
  'narrative-partition': {
    uncertain: ['正文办理结果分项无法核对', 'Narrative result groups that could not be checked'],
    meaning: ['正文列出的各类办理结果加起来不等于正文自己说的办结总数，正文内部就有矛盾。',
      'The result groups listed in the text do not add up to the total the text itself gives: the text contradicts itself.']
  },
  'narrative-reading': {
    uncertain: ['正文数字按另一种口径与表格一致', 'Narrative figure matches the table under another reading'],
    meaning: ['正文的数字和表格的直接对应项不同，但换一种常见的统计口径（例如“受理”包含上年结转）就一致。这不是错误，只是提醒引用时说明口径。',
      'The text’s figure differs from the directly matching cell but agrees under another common reading (e.g. “accepted” including carried-in requests). Not an error; say which reading you use when citing.']
  },
  'year-consistency': {
    meaning: ['标题、统计期间和正文开头写的年份不一致，可能是改写上年报告时漏改了年份。',
      'The title, the statistical period and the opening of the text give different years, perhaps left over from last year’s report.']
  },
  'year-stale': {
    meaning: ['正文把上一年（或别的年份）当作本年来叙述，常见于照搬上年报告的段落。',
      'The text presents another year as the current one, typically a paragraph copied from an earlier report.']
  },
  'publication-late': {
    meaning: ['报告上写的日期晚于法定公布期限。至少从文本看，报告是逾期发布的。',
      'The date given in the report is after the legal deadline: as far as the text shows, it was published late.']
  },
  'section5-no-problem': {
    meaning: ['“存在的主要问题及改进情况”一节只写了计划，没有写任何问题，不符合要求。',
      'The section on main problems and improvements lists only plans and names no problem, which the format requires.']
  },
  'section6-no-fee': {
    meaning: ['“其他需要报告的事项”一节没有提到信息处理费，而 2021 年格式要求报告收费情况。',
      'The section on other matters says nothing about information processing fees, which the 2021 format asks to report.']
  },
  'section1-topics': {
    meaning: ['“总体情况”没有谈到规定的某些方面。这只是提示，供核对内容是否完整。',
      'The overview does not mention some of the required topics. A note only, to check that the content is complete.']
  }
};

// [zh, en] pair → the text in `lang`.
export function pick(pair, lang) {
  if (!pair) return '';
  return lang === 'en' ? pair[1] || pair[0] || '' : pair[0] || pair[1] || '';
}
