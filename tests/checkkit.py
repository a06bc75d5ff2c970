"""Helpers of the 文稿检查 browser tests: the page driven as a reader drives it, and its engine run
directly (the same worker source, rules and lexicon the page ships) for the parity test."""

from __future__ import annotations

PAGE = "templates/check/"
LEXICON_READY = "() => document.querySelector('[data-check-tool]').getAttribute('data-lexicon') === 'ready'"


def open_checker(page, base: str, path: str = PAGE) -> None:
    page.goto(base + path)
    page.wait_for_function("() => !!self.HANDBOOK_CHECK_WORKER && !!self.HANDBOOK_CHECK_RULES")


def type_text(page, text: str) -> None:
    """Put `text` into the box as a paste does (one input event), and wait for the full result."""
    page.locator("#check-text").fill(text)
    wait_complete(page, text)


def wait_complete(page, text: str | None = None, timeout: float = 60_000) -> None:
    """Until the result shown is the full one (lexicon loaded) for the text now in the box."""
    page.wait_for_function(LEXICON_READY, timeout=timeout)
    page.wait_for_function(
        "() => { const root = document.querySelector('[data-check-tool]');"
        " return root.getAttribute('data-state') === 'complete'"
        " && !/……|…$/.test(document.querySelector('#check-status').textContent) }", timeout=timeout)


RUN_ENGINE = """async (texts) => {
  if (!self.HANDBOOK_CHECK_LEXICON) {
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      const rules = document.querySelector("script[src$='assets/check/rules.js']");
      script.src = rules.src.replace(/rules\\.js$/, 'lexicon.js');
      script.onload = resolve; script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  const url = URL.createObjectURL(new Blob([self.HANDBOOK_CHECK_WORKER], {type: 'text/javascript'}));
  const worker = new Worker(url);
  const results = [];
  await new Promise((resolve) => {
    let id = 0;
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === 'lexicon') { worker.postMessage({type: 'check', id: 0, text: texts[0]}); return; }
      results.push(message.findings.map(f => [f.rule, f.start, f.suggestion, f.fix]));
      id += 1;
      if (id < texts.length) worker.postMessage({type: 'check', id, text: texts[id]}); else resolve();
    };
    worker.postMessage({type: 'rules', rules: self.HANDBOOK_CHECK_RULES});
    worker.postMessage({type: 'lexicon', lexicon: self.HANDBOOK_CHECK_LEXICON});
  });
  worker.terminate();
  return results;
}"""


def run_engine(page, texts: list[str]) -> list[list[list]]:
    """Findings of the page's engine (in its worker, in this page) for each text:
    [rule, start, suggestion, fix] with UTF-16 offsets."""
    return page.evaluate(RUN_ENGINE, texts)


def utf16(text: str, offset: int) -> int:
    """A code-point offset of Python as a UTF-16 offset of JavaScript."""
    return len(text[:offset].encode("utf-16-le")) // 2
