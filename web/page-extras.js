// The page's extras, on top of app.js: 「加载示例」 (the project's own sample reports, examples/),
// the share link (#r=…, web/share.mjs), the opt-in local draft, and F8 / Shift+F8 through the
// findings. Part of the page script (entry web/page.js, evaluated after app.js).
import {
  S, applyStatic, copyText, locateFinding, noticeWithUndo, onAction, onRender, render, replaceText, setNotice, state, ui, whenReady
} from './app.js';
import { STRINGS } from './i18n.js';
import { el } from './tables.js';
import { LINK_WARN_CHARS, ShareError, decodeShare, encodeShare, sharePayload } from './share.mjs';
import { EXAMPLES } from './examples.js';

var EXTRA_STRINGS = {
  zh: {
    loadExample: '加载示例',
    exampleLoaded: '已载入示例：虚构的“青禾市生态环境局”2025 年报告，其中有意放了几处错误（表三、表四的算术，正文与表三矛盾，缺少第五部分标题）。',
    example2024: '载入它的 2024 年报告',
    example2024Loaded: '已载入示例：同一虚构机关的 2024 年报告（没有错误）。',
    share: '分享链接',
    shareCopied: '链接已复制。报告全文压缩后放在链接的“#”之后：打开链接的人会看到同样的文字和核验结果；“#”之后的内容不会发送给任何服务器。',
    shareShown: '无法访问剪贴板，请手动复制下面的链接。链接中包含报告全文（压缩）。',
    shareTooLong: '这个链接有 {kb} KB，超过约 8 KB，部分聊天工具和邮件会把它截断。可以改为发送核验结果的 JSON 文件，或仍然复制链接。',
    shareAnyway: '仍然复制链接',
    shareJson: '下载 JSON',
    shareFailed: '无法生成链接：{msg}',
    shareLoaded: '已打开分享链接中的报告（{n} 字）。链接中的文字只在本机核验，没有发送到任何地方。',
    linkErrors: {
      'bad-encoding': '链接已损坏（“#r=”之后不是有效的编码），没有载入任何内容。',
      corrupt: '链接已损坏或不完整（无法解压），没有载入任何内容。请向发送者要完整的链接。',
      'too-large': '链接中的文字超过 16 MiB 的上限，没有载入。',
      'bad-text': '链接中的内容不是文本，没有载入。',
      empty: '链接中没有报告文字。'
    },
    draftLabel: '在本机保存草稿',
    draftTitle: '勾选后，输入框中的文字保存在这个浏览器里（不会发送到任何地方），重新打开页面时自动恢复。取消勾选即删除。',
    draftRestored: '已恢复本机保存的草稿。',
    draftOff: '已删除本机保存的草稿，之后不再保存。',
    draftOn: '之后输入框中的文字会保存在这个浏览器里，重新打开页面时恢复。',
    draftUnavailable: '这个浏览器不允许页面保存数据（例如隐私模式），无法保存草稿。',
    keysHint: '快捷键：F8 下一条问题，Shift+F8 上一条。',
    stepped: '第 {k} / {n} 条：{where}。'
  },
  en: {
    loadExample: 'Load an example',
    exampleLoaded: 'Example loaded: the 2025 report of a fictional agency (青禾市生态环境局) with deliberate errors (table 3 and 4 arithmetic, text contradicting table 3, the heading of part five missing).',
    example2024: 'Load its 2024 report',
    example2024Loaded: 'Example loaded: the same fictional agency’s 2024 report (no errors).',
    share: 'Share link',
    shareCopied: 'Link copied. The full report, compressed, is in the link after “#”: whoever opens it sees the same text and result; the part after “#” is never sent to any server.',
    shareShown: 'The clipboard is not available; copy the link below. It contains the full report (compressed).',
    shareTooLong: 'This link is {kb} KB, over about 8 KB; some chat tools and mail cut links that long. Send the JSON of the result instead, or copy the link anyway.',
    shareAnyway: 'Copy the link anyway',
    shareJson: 'Download JSON',
    shareFailed: 'The link could not be made: {msg}',
    shareLoaded: 'Opened the report in the share link ({n} characters). Its text is checked on this computer only and sent nowhere.',
    linkErrors: {
      'bad-encoding': 'The link is damaged (what follows “#r=” is not valid); nothing was loaded.',
      corrupt: 'The link is damaged or incomplete (it cannot be decompressed); nothing was loaded. Ask the sender for the whole link.',
      'too-large': 'The text in the link is over the 16 MiB limit; it was not loaded.',
      'bad-text': 'The link does not hold text; nothing was loaded.',
      empty: 'The link holds no report text.'
    },
    draftLabel: 'Keep a draft on this computer',
    draftTitle: 'When ticked, the text is kept in this browser (never sent anywhere) and restored when the page is opened again. Untick to delete it.',
    draftRestored: 'The draft kept on this computer was restored.',
    draftOff: 'The draft kept on this computer was deleted; no more drafts are kept.',
    draftOn: 'From now on the text is kept in this browser and restored when the page is opened again.',
    draftUnavailable: 'This browser does not let the page keep data (private mode?); no draft can be kept.',
    keysHint: 'Keys: F8 next problem, Shift+F8 previous.',
    stepped: '{k} of {n}: {where}.'
  }
};
(function mergeStrings() {
  for (var lang in EXTRA_STRINGS) {
    for (var k in EXTRA_STRINGS[lang]) STRINGS[lang][k] = EXTRA_STRINGS[lang][k];
  }
})();
applyStatic();

// ---------------------------------------------------------------------------------------------
// 「加载示例」
function loadExample(year) {
  var ex = EXAMPLES[year];
  if (!ex) return;
  replaceText(ex.text, { file: null });
  var actions = state.undo ? [{ key: 'undo', action: 'undo' }] : [];
  if (year === 2025) actions.push({ key: 'example2024', action: 'example-2024' });
  setNotice(year === 2025 ? 'exampleLoaded' : 'example2024Loaded', null, { kind: 'info', actions: actions });
}
onAction('example', function () { loadExample(2025); });
onAction('example-2024', function () { loadExample(2024); });

// ---------------------------------------------------------------------------------------------
// Share link
var shareBtn = document.querySelector('[data-action="share"]');

function urlWithout() {
  return location.href.split('#')[0];
}

function showLink(url, key) {
  var box = el('input', { type: 'text', readonly: '', className: 'share-url', 'aria-label': S().share, value: url });
  box.value = url;
  setNotice(key, null, { kind: key === 'shareCopied' ? 'ok' : 'warn', extra: box });
  if (key !== 'shareCopied') { box.focus(); box.select(); }
}

function copyLink(url) {
  return copyText(url).then(function (ok) { showLink(url, ok ? 'shareCopied' : 'shareShown'); });
}

var pendingLink = null;
function share() {
  var text = ui.textarea.value;
  if (!text.trim()) return;
  encodeShare(text).then(function (payload) {
    var url = urlWithout() + '#r=' + payload;
    if (url.length > LINK_WARN_CHARS) {
      pendingLink = url;
      setNotice('shareTooLong', { kb: Math.ceil(url.length / 1024) }, {
        kind: 'warn', actions: [{ key: 'shareJson', action: 'share-json' }, { key: 'shareAnyway', action: 'share-anyway' }]
      });
      return;
    }
    return copyLink(url);
  }).catch(function (e) {
    setNotice('shareFailed', { msg: String((e && e.message) || e) }, { kind: 'warn' });
  });
}
onAction('share', share);
onAction('share-anyway', function () { if (pendingLink) copyLink(pendingLink); });
onAction('share-json', function () { ui.download.click(); });

// The share button follows the export buttons: only for a checked report.
onRender(function (shown) {
  if (shareBtn) shareBtn.disabled = !shown;
});

// Opens the report of a `#r=` link; a link that cannot be read shows why and nothing else.
function openLink() {
  var payload = sharePayload(location.hash);
  if (payload === null) return false;
  decodeShare(payload).then(function (text) {
    replaceText(text, { file: null });
    state.fromLink = true;
    noticeWithUndo('shareLoaded', { n: text.length }, 'info');
    document.body.setAttribute('data-link', 'loaded');
  }, function (e) {
    var code = e instanceof ShareError ? e.code : 'corrupt';
    replaceText('', { keepInputError: true });
    state.inputError = { key: 'verdictLinkError', kind: 'link-error', vars: {}, error: linkError(code), code: code };
    if (state.undo) noticeWithUndo('undoFile'); else setNotice(null);
    render();
    document.body.setAttribute('data-link', 'error');
    document.body.setAttribute('data-link-error', code);
  });
  return true;
}

function linkError(code) {
  return { message: STRINGS.zh.linkErrors[code] || STRINGS.zh.linkErrors.corrupt, message_en: STRINGS.en.linkErrors[code] || STRINGS.en.linkErrors.corrupt };
}

window.addEventListener('hashchange', openLink);
// Once the text is edited, the link in the address bar no longer describes it: drop it, so a
// reload does not bring the old text back over the edit.
ui.textarea.addEventListener('input', function () {
  if (sharePayload(location.hash) !== null) {
    try { history.replaceState(null, '', urlWithout()); } catch { /* some file:// contexts refuse: harmless */ }
  }
});

// ---------------------------------------------------------------------------------------------
// Opt-in local draft (localStorage; never sent anywhere)
var DRAFT_KEY = 'nianbao.draft';
var DRAFT_ON = 'nianbao.draft.on';
var draftBox = document.getElementById('draft-toggle');
var savedDraft = null;

function storage() {
  try {
    var s = window.localStorage;
    var probe = 'nianbao.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

function saveDraft() {
  if (!draftBox || !draftBox.checked) return;
  var text = ui.textarea.value;
  if (text === savedDraft) return;
  var s = storage();
  if (!s) return;
  try {
    if (text) s.setItem(DRAFT_KEY, text); else s.removeItem(DRAFT_KEY);
    savedDraft = text;
  } catch {
    setNotice('draftUnavailable', null, { kind: 'warn' });
  }
}

if (draftBox) {
  var st = storage();
  if (!st) {
    draftBox.disabled = true;
  } else {
    draftBox.checked = st.getItem(DRAFT_ON) === '1';
  }
  draftBox.addEventListener('change', function () {
    var s = storage();
    if (!s) { draftBox.checked = false; setNotice('draftUnavailable', null, { kind: 'warn' }); return; }
    if (draftBox.checked) {
      s.setItem(DRAFT_ON, '1');
      savedDraft = null;
      saveDraft();
      setNotice('draftOn', null, { kind: 'info' });
    } else {
      s.removeItem(DRAFT_ON);
      s.removeItem(DRAFT_KEY);
      savedDraft = null;
      setNotice('draftOff', null, { kind: 'info' });
    }
  });
  var draftTimer = 0;
  ui.textarea.addEventListener('input', function () {
    clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraft, 500);
  });
  onRender(saveDraft);
  window.addEventListener('pagehide', saveDraft);
}

function restoreDraft() {
  if (!draftBox || !draftBox.checked) return false;
  var s = storage();
  var text = s && s.getItem(DRAFT_KEY);
  if (!text || ui.textarea.value.trim()) return false;
  savedDraft = text;
  replaceText(text, { file: null });
  state.reveal = false;
  setNotice('draftRestored', null, { kind: 'info' });
  return true;
}

// ---------------------------------------------------------------------------------------------
// F8 / Shift+F8: the next / previous finding in the order shown, located in the text.
function shownOrder() {
  var list = ui.findings.querySelectorAll('.finding[data-index]');
  return Array.prototype.map.call(list, function (li) { return parseInt(li.getAttribute('data-index'), 10); });
}

function step(dir) {
  var order = shownOrder();
  if (!order.length) return;
  var k = order.indexOf(state.activeIndex);
  k = k < 0 ? (dir > 0 ? 0 : order.length - 1) : (k + dir + order.length) % order.length;
  var index = order[k];
  var inList = document.activeElement && ui.findings.contains(document.activeElement);
  locateFinding(index);
  var li = ui.findings.querySelector('.finding[data-index="' + index + '"]');
  if (!li) return;
  li.scrollIntoView({ block: 'nearest' });
  if (inList) { var b = li.querySelector('.f-loc'); if (b && !b.disabled) b.focus({ preventScroll: true }); }
  var where = li.querySelector('.f-where');
  setNotice('stepped', { k: k + 1, n: order.length, where: where ? where.textContent : '' }, { kind: 'info' });
}

document.addEventListener('keydown', function (ev) {
  if (ev.key !== 'F8' || ev.ctrlKey || ev.altKey || ev.metaKey) return;
  ev.preventDefault();
  step(ev.shiftKey ? -1 : 1);
});

// ---------------------------------------------------------------------------------------------
// Start: a share link wins over a kept draft.
window.nianbao.share = function () {
  return encodeShare(ui.textarea.value).then(function (p) { return urlWithout() + '#r=' + p; });
};
window.nianbao.decodeShare = function (payload) { return decodeShare(payload); };
if (!openLink()) restoreDraft();
whenReady().then(function () { if (shareBtn) shareBtn.disabled = !(state.last && state.last.view); }, function () {});
