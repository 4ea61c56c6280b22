"""Offline OCR of scanned pages (the optional ``[ocr]`` add-on: rapidocr + onnxruntime).

Importing this package imports neither: :func:`available` only looks for them, and the engine is
built on first use, in the child process :class:`OcrChild` runs.
"""

from __future__ import annotations

from reader.ocr.child import OcrChild, OcrFailed, ocr_memory_limit_mb
from reader.ocr.engine import OcrLine, OcrUnavailable, available, reading_order, recognise_png

__all__ = [
    "OcrChild",
    "OcrFailed",
    "OcrLine",
    "OcrUnavailable",
    "available",
    "ocr_memory_limit_mb",
    "reading_order",
    "recognise_png",
]
