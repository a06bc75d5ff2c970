/* 文稿检查: the page's main thread. It keeps the text box, the file button and the list of findings;
 * the checking and the reading of Word files happen in a Web Worker (assets/check/worker.js), so
 * the page stays responsive with a 200,000-character report.
 *
 * Nothing here sends the text anywhere: no fetch, no form, no request carries it (the browser
 * tests record every request). The worker is built from a Blob of its source, which a file://
 * page (the offline edition) may do where it may not start a worker from a file URL.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-check-tool]");
  if (!root) return;
  var EN = root.getAttribute("data-lang") === "en";
  var T = EN ? {
    ready: "Paste a report or open a Word file; the check runs as you type.",
    checking: "Checking…",
    reading: "Reading the Word file…",
    none: "No problems found by the rules.",
    found: function (n, ms) { return n + " finding" + (n === 1 ? "" : "s") + " (checked in " + ms + " ms)."; },
    partial: "Loading the dictionary: misspelled words are checked in a moment…",
    paragraph: function (n) { return "Paragraph " + n; },
    suggestion: "Suggestion: ",
    remove: "delete",
    apply: "Apply suggestion",
    select: "Select in text",
    applied: "Applied. Checking again…",
    appliedAll: function (n) { return n + " suggestions applied. Checking again…"; },
    copied: "The corrected text is copied; paste it into Word or WPS.",
    copyFailed: "Copying was refused by the browser: select the text box (Ctrl+A) and copy it (Ctrl+C).",
    empty: "There is no text to copy yet.",
    more: function (n) { return "Show the other " + n + " findings"; },
    summary: "Findings by rule",
    source: "Source: ",
    loaded: function (name, n) { return "“" + name + "” opened: " + n + " paragraphs."; },
    errors: {
      doc: "This is an old-format Word file (.doc). Open it in Word or WPS and save it as .docx (File > Save As), then open that file here.",
      encrypted: "This Word file is password-protected. Remove the password in Word or WPS (File > Info > Protect Document), save, and open it again.",
      "not-docx": "This is not a Word .docx file. Open a .docx file, or paste the text.",
      corrupt: "The Word file is damaged and cannot be read. Open it in Word or WPS, save it again as .docx, or paste the text.",
      "too-large": "The Word file is too large to read here. Paste the text instead.",
      timeout: "Reading the file took too long and was stopped. Paste the text instead.",
      worker: "This browser cannot run the checker (Web Workers are off)."
    }
  } : {
    ready: "粘贴文稿或打开Word文件，输入时自动检查。",
    checking: "正在检查……",
    reading: "正在读取Word文件……",
    none: "按现有规则未发现问题。",
    found: function (n, ms) { return "发现 " + n + " 处问题（用时 " + ms + " 毫秒）。"; },
    partial: "正在载入词典，错别字稍后检查……",
    paragraph: function (n) { return "第" + n + "段"; },
    suggestion: "建议：",
    remove: "删去",
    apply: "采用建议",
    select: "在原文中选中",
    applied: "已采用建议，正在重新检查……",
    appliedAll: function (n) { return "已采用 " + n + " 条建议，正在重新检查……"; },
    copied: "已复制修改后的文本，可粘贴到Word或WPS。",
    copyFailed: "浏览器不允许复制：请在文本框中全选（Ctrl+A）后复制（Ctrl+C）。",
    empty: "还没有可复制的文字。",
    more: function (n) { return "显示其余 " + n + " 条"; },
    summary: "按规则汇总",
    source: "依据：",
    loaded: function (name, n) { return "已打开“" + name + "”，共 " + n + " 段。"; },
    errors: {
      doc: "这是旧版Word文件（.doc）。请在Word或WPS中打开，“另存为”.docx格式后再在这里打开。",
      encrypted: "这个Word文件设置了密码。请在Word或WPS中取消密码（文件—信息—保护文档）并保存后再打开。",
      "not-docx": "这不是Word的.docx文件。请打开.docx文件，或直接粘贴文字。",
      corrupt: "Word文件已损坏，无法读取。请在Word或WPS中打开后重新保存为.docx，或直接粘贴文字。",
      "too-large": "Word文件太大，无法在此读取。请直接粘贴文字。",
      timeout: "读取文件时间过长，已停止。请直接粘贴文字。",
      worker: "此浏览器无法运行检查程序（Web Worker 不可用）。"
    }
  };
  var PAGE = 200;  // findings rendered at once; the rest behind a button
  var DOCX_TIMEOUT = 20000;
  var MAX_FILE = 50 * 1024 * 1024;

  var rules = self.HANDBOOK_CHECK_RULES;
  var textBox = root.querySelector("#check-text");
  var fileInput = root.querySelector("#check-file");
  var status = root.querySelector("#check-status");
  var summary = root.querySelector("[data-check-summary]");
  var list = root.querySelector("[data-check-findings]");
  var more = root.querySelector(".check-tool__more");
  var moreButton = root.querySelector("[data-check-more]");
  var applyAll = root.querySelector("[data-check-apply-all]");

  var worker = null;
  var lexicon = null;  // loaded on the first use of the page (about 2 MB compressed)
  var lexiconState = "none";  // none | loading | ready
  var lastId = 0;
  var checked = { text: null, findings: [] };
  var shown = 0;
  var timer = 0;
  var docxTimer = 0;
  var pending = "";  // said before the next result (the file just opened)
  var fileName = "";
  var textOf = {};  // the text of each check in flight, by id

  function startWorker() {
    try {
      var blob = new Blob([self.HANDBOOK_CHECK_WORKER], { type: "text/javascript" });
      var url = URL.createObjectURL(blob);
      var NativeWorker = self.HandbookNativeWorker || self.Worker;
      worker = new NativeWorker(url);
      URL.revokeObjectURL(url);
    } catch (error) {
      worker = null;
      say(T.errors.worker);
      return;
    }
    worker.onmessage = onMessage;
    worker.postMessage({ type: "rules", rules: rules });
    if (lexicon) worker.postMessage({ type: "lexicon", lexicon: lexicon });
  }

  /* The dictionary is a classic script (fetch() is refused from file://), added on first use so
   * that opening the page costs nothing more. */
  function loadLexicon() {
    if (lexiconState !== "none") return;
    lexiconState = "loading";
    var rulesScript = document.querySelector("script[src$='assets/check/rules.js']");
    var script = document.createElement("script");
    script.src = rulesScript.getAttribute("src").replace(/rules\.js$/, "lexicon.js");
    script.onload = function () {
      lexicon = self.HANDBOOK_CHECK_LEXICON;
      self.HANDBOOK_CHECK_LEXICON = null;
      if (worker) worker.postMessage({ type: "lexicon", lexicon: lexicon });
    };
    script.onerror = function () { lexiconState = "none"; };
    document.body.appendChild(script);
  }

  function say(message) {
    status.textContent = message;
  }

  function onMessage(event) {
    var message = event.data;
    if (message.type === "lexicon") {
      lexiconState = "ready";
      root.setAttribute("data-lexicon", "ready");
      if (textBox.value) check(true);
      return;
    }
    if (message.type === "result") {
      if (message.id !== lastId) return;  // an older text: a newer check is on its way
      checked = { text: textOf[message.id], findings: message.findings };
      textOf = {};
      render(message.ms, message.partial);
    } else if (message.type === "docx") {
      clearTimeout(docxTimer);
      if (message.error) {
        say(T.errors[message.error] || T.errors.corrupt);
        return;
      }
      textBox.value = message.text;
      check(true);
      pending = T.loaded(fileName, message.text.split("\n").length);
    }
  }

  function check(now) {
    clearTimeout(timer);
    if (!worker) return;
    loadLexicon();
    var run = function () {
      lastId += 1;
      var text = textBox.value;
      say(T.checking);
      worker.postMessage({ type: "check", id: lastId, text: text });
      textOf[lastId] = text;
    };
    if (now) run(); else timer = setTimeout(run, textBox.value.length > 20000 ? 600 : 250);
  }

  /* Paragraph numbers: lines with text, counted from 1 (a blank line is no paragraph). */
  function paragraphIndex(text) {
    var starts = [];
    var numbers = [];
    var count = 0;
    var position = 0;
    while (position <= text.length) {
      var end = text.indexOf("\n", position);
      if (end === -1) end = text.length;
      if (text.slice(position, end).trim()) count += 1;
      starts.push(position);
      numbers.push(Math.max(count, 1));
      position = end + 1;
    }
    return function (offset) {
      var low = 0, high = starts.length - 1;
      while (low < high) {
        var mid = (low + high + 1) >> 1;
        if (starts[mid] <= offset) low = mid; else high = mid - 1;
      }
      return { number: numbers[low], lineStart: starts[low] };
    };
  }

  function ruleText(id) {
    var rule = rules.rules[id];
    if (!rule) return id;
    return EN ? rule.en : rule.zh;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(ms, partial) {
    var text = checked.text;
    var findings = checked.findings;
    root.setAttribute("data-state", partial ? "partial" : "complete");
    list.textContent = "";
    summary.textContent = "";
    shown = 0;
    applyAll.disabled = !findings.some(function (f) { return f.fix; });
    var message = !text.trim() ? T.ready : findings.length ? T.found(findings.length, Math.round(ms)) : T.none;
    if (pending) message = pending + " " + message;
    if (partial && text.trim()) message += " " + T.partial;
    if (!partial) pending = "";
    say(message);
    summary.hidden = !findings.length;
    more.hidden = true;
    if (!findings.length) return;
    renderSummary(findings);
    showMore();
  }

  function renderSummary(findings) {
    var counts = {};
    findings.forEach(function (f) { counts[f.rule] = (counts[f.rule] || 0) + 1; });
    var ids = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); });
    summary.appendChild(el("h2", "check-tool__summary-title", T.summary)).id = "check-summary";
    var table = el("ul", "check-tool__summary-list");
    ids.forEach(function (id) {
      var item = el("li");
      item.appendChild(el("span", "check-tool__count", String(counts[id])));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("code", "", id));
      item.appendChild(document.createTextNode(" " + ruleText(id)));
      table.appendChild(item);
    });
    summary.appendChild(table);
  }

  function showMore() {
    var findings = checked.findings;
    var text = checked.text;
    var where = paragraphIndex(text);
    var end = Math.min(findings.length, shown + PAGE);
    var fragment = document.createDocumentFragment();
    for (var i = shown; i < end; i++) fragment.appendChild(item(findings[i], i, text, where));
    list.appendChild(fragment);
    shown = end;
    more.hidden = shown >= findings.length;
    moreButton.textContent = T.more(findings.length - shown);
  }

  function item(finding, index, text, where) {
    var li = el("li", "check-finding");
    var place = where(finding.start);
    var head = el("p", "check-finding__where");
    head.appendChild(el("strong", "", T.paragraph(place.number)));
    head.appendChild(document.createTextNode(" · "));
    head.appendChild(el("code", "", finding.rule));
    li.appendChild(head);

    var lineEnd = text.indexOf("\n", finding.start);
    if (lineEnd === -1) lineEnd = text.length;
    var from = Math.max(place.lineStart, finding.start - 24);
    var to = Math.min(lineEnd, Math.max(finding.end, finding.start + 1) + 24);
    var context = el("p", "check-finding__context");
    context.appendChild(document.createTextNode((from > place.lineStart ? "…" : "") + text.slice(from, finding.start)));
    context.appendChild(el("mark", "", text.slice(finding.start, Math.max(finding.end, finding.start + 1))));
    context.appendChild(document.createTextNode(text.slice(Math.max(finding.end, finding.start + 1), to) + (to < lineEnd ? "…" : "")));
    li.appendChild(context);

    li.appendChild(el("p", "check-finding__message", finding.message));
    li.appendChild(el("p", "check-finding__rule", ruleText(finding.rule)));

    var actions = el("p", "check-finding__actions");
    if (finding.suggestion !== null) {
      actions.appendChild(document.createTextNode(T.suggestion));
      actions.appendChild(el("strong", "check-finding__suggestion", finding.suggestion || T.remove));
      actions.appendChild(document.createTextNode(" "));
    }
    if (finding.fix) {
      var apply = el("button", "md-button md-button--primary check-finding__apply", T.apply);
      apply.type = "button";
      apply.setAttribute("data-check-apply", String(index));
      actions.appendChild(apply);
    }
    var select = el("button", "md-button check-finding__select", T.select);
    select.type = "button";
    select.setAttribute("data-check-select", String(index));
    actions.appendChild(select);
    li.appendChild(actions);
    return li;
  }

  /* A fix applies only to the text it was found in (the user may have typed since). */
  function current() {
    return checked.text !== null && checked.text === textBox.value;
  }

  function applyFix(fixes) {
    var text = textBox.value;
    fixes.sort(function (a, b) { return b[0] - a[0]; });
    var last = Infinity;
    var count = 0;
    fixes.forEach(function (fix) {
      if (fix[1] > last) return;  // overlaps a later fix: left for the next check
      text = text.slice(0, fix[0]) + fix[2] + text.slice(fix[1]);
      last = fix[0];
      count += 1;
    });
    textBox.value = text;
    return count;
  }

  list.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    var index = button.getAttribute("data-check-apply");
    if (index !== null) {
      if (!current()) return check(true);
      var finding = checked.findings[Number(index)];
      applyFix([finding.fix]);
      check(true);
      say(T.applied);
      textBox.focus();
      textBox.setSelectionRange(finding.fix[0], finding.fix[0] + finding.fix[2].length);
      return;
    }
    index = button.getAttribute("data-check-select");
    if (index !== null) {
      var f = checked.findings[Number(index)];
      textBox.focus();
      if (current()) textBox.setSelectionRange(f.start, Math.max(f.end, f.start + 1));
    }
  });

  applyAll.addEventListener("click", function () {
    if (!current()) return check(true);
    var fixes = checked.findings.filter(function (f) { return f.fix; }).map(function (f) { return f.fix; });
    var count = applyFix(fixes);
    check(true);
    say(T.appliedAll(count));
  });

  root.querySelector("[data-check-copy]").addEventListener("click", function () {
    var text = textBox.value;
    if (!text) return say(T.empty);
    var fallback = function () {
      textBox.focus();
      textBox.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      say(ok ? T.copied : T.copyFailed);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { say(T.copied); }, fallback);
    } else {
      fallback();
    }
  });

  moreButton.addEventListener("click", showMore);

  root.querySelector("[data-check-open]").addEventListener("click", function () {
    loadLexicon();
    fileInput.value = "";
    fileInput.click();
  });

  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file || !worker) return;
    if (file.size > MAX_FILE) return say(T.errors["too-large"]);
    say(T.reading);
    file.arrayBuffer().then(function (buffer) {
      lastId += 1;
      worker.postMessage({ type: "docx", id: lastId, buffer: buffer }, [buffer]);
      clearTimeout(docxTimer);
      docxTimer = setTimeout(function () {
        // A file that never finishes (a zip bomb, say) must not hold the page: start afresh.
        worker.terminate();
        startWorker();
        say(T.errors.timeout);
      }, DOCX_TIMEOUT);
      fileName = file.name;
    }, function () { say(T.errors.corrupt); });
  });

  textBox.addEventListener("input", function () { check(false); });
  textBox.addEventListener("focus", loadLexicon);

  startWorker();
  if (worker) {
    say(T.ready);
    if (textBox.value) check(true);
  }
})();
