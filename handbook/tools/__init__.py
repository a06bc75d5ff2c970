"""Tools for maintainers: scaffolding, translations status, the audit and a static host."""
