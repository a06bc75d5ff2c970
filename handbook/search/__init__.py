"""Search: the index pack, the worker, its query-quality measure and the per-language split."""
