/* Templates and phrase-bank entries: copy buttons and the fill-in form.
 *
 * Progressive enhancement of the HTML that handbook/fences.py writes:
 *   <div class="tpl tpl-template" data-template><pre class="tpl-text">… <mark class="ph">【单位名称】</mark> …</pre></div>
 *   <div class="tpl tpl-phrase" data-phrase><pre class="tpl-text">…</pre></div>
 * Without this script the text, the marked placeholders and the download links are all there.
 * Everything happens in the page: what the reader types is stored nowhere and sent nowhere.
 */
(function () {
  "use strict";

  var PLACEHOLDER = /【[^【】\n]*】/g;
  var TEXT = {
    zh: {
      copyAll: "复制全文",
      copy: "复制",
      copied: "已复制，可粘贴到Word或WPS",
      failed: "未能自动复制，请选中文字后按Ctrl+C",
      form: "填写占位内容",
      formHint: "填写的内容替换页面上和复制文本中的占位符，只在本页使用，不保存、不上传；下载的文件是空白模板。",
      clear: "清空",
      fields: function (n) { return "（共" + n + "项）"; }
    },
    en: {
      copyAll: "Copy all",
      copy: "Copy",
      copied: "Copied: paste it into Word or WPS",
      failed: "Could not copy automatically: select the text and press Ctrl+C",
      form: "Fill in the placeholders",
      formHint: "What you type replaces the placeholders on this page and in the copied text. It stays in this page: nothing is saved or sent. The downloads are the blank template.",
      clear: "Clear",
      fields: function (n) { return " (" + n + ")"; }
    }
  };

  function texts() {
    var lang = (document.documentElement.getAttribute("lang") || "zh").toLowerCase();
    return lang.indexOf("en") === 0 ? TEXT.en : TEXT.zh;
  }

  /* execCommand fallback: file:// pages and http intranet pages are not secure contexts, so
     navigator.clipboard is missing there. */
  function copyWithTextarea(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.left = "0";
    area.style.opacity = "0";
    document.body.appendChild(area);
    var active = document.activeElement;
    area.select();
    area.setSelectionRange(0, text.length);
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (error) {
      ok = false;
    }
    document.body.removeChild(area);
    if (active && active.focus) active.focus();
    return ok;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyWithTextarea(text); }
      );
    }
    return Promise.resolve(copyWithTextarea(text));
  }

  function button(label, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "md-button tpl-button " + className;
    element.textContent = label;
    return element;
  }

  function toolbar(block, label, getText) {
    var t = texts();
    var bar = document.createElement("div");
    bar.className = "tpl-toolbar";
    var copy = button(label, "tpl-copy");
    var status = document.createElement("span");
    status.className = "tpl-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    copy.addEventListener("click", function () {
      copyText(getText()).then(function (ok) {
        status.textContent = ok ? t.copied : t.failed;
        block.classList.toggle("tpl-copy-failed", !ok);
      });
    });
    bar.appendChild(copy);
    bar.appendChild(status);
    return bar;
  }

  var counter = 0;

  function setupTemplate(block) {
    var index = counter++;
    var t = texts();
    var pre = block.querySelector("pre.tpl-text");
    if (!pre) return;
    var original = pre.textContent;
    var marks = Array.prototype.slice.call(pre.querySelectorAll("mark.ph"));
    var values = {};
    var order = [];
    marks.forEach(function (mark) {
      var key = mark.textContent;
      mark.setAttribute("data-ph", key);
      if (!(key in values)) {
        values[key] = "";
        order.push(key);
      }
    });

    function filled() {
      return original.replace(PLACEHOLDER, function (key) { return values[key] || key; });
    }

    block.insertBefore(toolbar(block, t.copyAll, filled), pre);
    if (!order.length) return;

    var details = document.createElement("details");
    details.className = "tpl-form";
    var summary = document.createElement("summary");
    summary.textContent = t.form + t.fields(order.length);
    details.appendChild(summary);
    var hint = document.createElement("p");
    hint.className = "tpl-form-hint";
    hint.textContent = t.formHint;
    details.appendChild(hint);
    var form = document.createElement("form");
    form.setAttribute("autocomplete", "off");
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function update(key, value) {
      values[key] = value;
      marks.forEach(function (mark) {
        if (mark.getAttribute("data-ph") !== key) return;
        mark.textContent = value || key;
        mark.classList.toggle("filled", Boolean(value));
      });
    }

    order.forEach(function (key, position) {
      var id = "tpl-" + index + "-field-" + position;
      var row = document.createElement("div");
      row.className = "tpl-field";
      var label = document.createElement("label");
      label.setAttribute("for", id);
      label.textContent = key.slice(1, -1);
      var input;
      if (key.length > 14) {
        input = document.createElement("textarea");
        input.rows = 2;
      } else {
        input = document.createElement("input");
        input.type = "text";
      }
      input.id = id;
      input.name = "ph-" + position;
      input.setAttribute("data-ph", key);
      input.placeholder = key;
      input.addEventListener("input", function () { update(key, input.value); });
      row.appendChild(label);
      row.appendChild(input);
      form.appendChild(row);
    });

    var clear = button(t.clear, "tpl-clear");
    clear.addEventListener("click", function () {
      Array.prototype.forEach.call(form.querySelectorAll("[data-ph]"), function (input) {
        input.value = "";
        update(input.getAttribute("data-ph"), "");
      });
    });
    form.appendChild(clear);
    details.appendChild(form);
    block.insertBefore(details, pre);
  }

  function setupPhrase(block) {
    var pre = block.querySelector("pre.tpl-text");
    if (!pre) return;
    var text = pre.textContent;
    block.insertBefore(toolbar(block, texts().copy, function () { return text; }), pre);
  }

  function init(root) {
    root = root || document;
    var blocks = root.querySelectorAll(".tpl[data-template], .tpl[data-phrase]");
    Array.prototype.forEach.call(blocks, function (block) {
      if (block.hasAttribute("data-ready")) return;
      block.setAttribute("data-ready", "");
      if (block.hasAttribute("data-template")) setupTemplate(block);
      else setupPhrase(block);
    });
  }

  window.handbookTemplates = { init: init };
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(function () { init(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
})();
