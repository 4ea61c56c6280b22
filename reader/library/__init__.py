"""The library: one folder with ``library.sqlite`` (the source of truth) and the imported files."""

from reader.library.library import Library, default_library_dir

__all__ = ["Library", "default_library_dir"]
