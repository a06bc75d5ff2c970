"""文稿检查: the wording rules of `scripts/lint.py terms`, run on a unit's own report.

Two runners of one set of rules: `handbook.check.plain` runs the Python linter on plain text (the
CLI `scripts/check_report.py`), and the page `templates/check` runs a JavaScript port
(`handbook/check/js/engine.js`) in a Web Worker on the rules that `handbook.check.export` writes
out of `data/` at build time. `tests/test_check_parity.py` holds the two to the same findings.
"""
