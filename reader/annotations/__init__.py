"""Highlights, notes and tags: anchoring that survives changed text."""
