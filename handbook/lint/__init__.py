"""Linters of the handbook: links, wording, metadata and sensitive data.

One scanner (markdown_scan) reads each page once; every linter works on its result. Rules, with
their rationale and examples, are defined in rules.py; the CLI lives in cli.py.
"""
