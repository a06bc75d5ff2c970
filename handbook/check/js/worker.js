/* The worker of 文稿检查: checks text and reads Word files off the page's main thread, so that a
 * 200,000-character report or a large .docx never freezes the page. Built into
 * assets/check/worker.js together with JSZip, docx.js and engine.js (handbook/check/bundle.py).
 *
 * Messages in:  {type: "rules", rules} once; {type: "lexicon", lexicon} once, later;
 *               {type: "check", id, text}; {type: "docx", id, buffer}.
 * Messages out: {type: "result", id, findings, partial, ms}; {type: "lexicon", ms};
 *               {type: "docx", id, text} or {…, error, detail}.
 * Nothing here makes a request: the text stays in this browser.
 */
(function () {
  "use strict";
  var engine = null;
  self.onmessage = function (event) {
    var message = event.data;
    var started = Date.now();
    if (message.type === "rules") {
      engine = new self.HandbookCheck.Engine(message.rules);
    } else if (message.type === "lexicon") {
      engine.setLexicon(new self.HandbookCheck.Lexicon(message.lexicon));
      self.postMessage({ type: "lexicon", ms: Date.now() - started });
    } else if (message.type === "check") {
      var findings = engine.run(message.text);
      self.postMessage({ type: "result", id: message.id, findings: findings, partial: !!findings.partial,
                         ms: Date.now() - started });
    } else if (message.type === "docx") {
      self.HandbookDocx.readDocx(message.buffer).then(function (text) {
        self.postMessage({ type: "docx", id: message.id, text: text });
      }, function (error) {
        self.postMessage({ type: "docx", id: message.id, error: error.code || "corrupt",
                           detail: String(error && error.message || error) });
      });
    }
  };
})();
