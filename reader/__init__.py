"""Gongbao Reader (公报阅读器): an offline reader for Chinese government gazettes.

The top-level package is the Qt-free core: parsing, library, search and export. The CLI uses it
directly; the GUI lives in ``reader.ui`` (widgets) and ``reader.models`` (Qt models, undo).
"""

__version__ = "0.1.0"
