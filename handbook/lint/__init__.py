"""Linters of the handbook: links, wording, metadata and sensitive data.

One scanner (markdown_scan) reads each page once; every linter works on its result. Rules, with
their rationale and examples, are defined in rules.py; the CLI lives in cli.py.

A page is scanned once per run, also when other pages link to its anchors or it is the source
of an English twin (links.PageIds keeps what they need); a page is rendered with the Markdown
extensions only when a link asks it for an anchor that is not an explicit ID, and then once.
A large run scans in one worker process per core (cli.run); `lint.py terms|meta|privacy` never
imports MkDocs, and the links linter loads the configuration with MkDocs' loader but does not
execute the hook modules (links._hooks_not_imported).
"""
