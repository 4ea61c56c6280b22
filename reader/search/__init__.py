"""Offline full-text search: analyzers, index, query language, queue-driven indexing."""
