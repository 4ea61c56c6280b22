"""Text lines of a page image, by RapidOCR (PP-OCR models run by onnxruntime), entirely offline.

The OCR add-on is optional: ``rapidocr`` and ``onnxruntime`` are installed with the ``[ocr]``
extra, and nothing here imports them before it is asked to recognise a page, so the rest of the
app (and :func:`available`) never pays for them. The engine is meant to run in the child process
of :class:`reader.ocr.child.OcrChild`, which builds it once and feeds it page after page.

RapidOCR 3.x would download a model it cannot find (``DownloadFile`` in
``rapidocr/inference_engine/onnxruntime/main.py``, whenever ``model_path`` is left unset); the app
promises never to go on line, so the engine is given the paths of the models its wheel ships
(``rapidocr/models/``) and the download code is never reached.
"""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# onnxruntime threads per session: the reference machine has 2 cores, and more threads than
# cores only add context switches. Sessions run one after another (det → cls → rec), so one
# inter-op thread each.
INTRA_OP_THREADS = 2
INTER_OP_THREADS = 1
# Which shipped file is which model: rapidocr 3.10 ships PP-OCRv6_det_small.onnx,
# PP-OCRv6_rec_small.onnx and ch_ppocr_mobile_v2.0_cls_mobile.onnx; earlier 3.x wheels other
# PP-OCR versions under the same det/rec/cls naming.
_MODEL_PATTERNS = {"Det": "*det*.onnx", "Cls": "*cls*.onnx", "Rec": "*rec*.onnx"}

_engine: Any = None  # rapidocr.RapidOCR, built on first use
_engine_lock = threading.Lock()


def available() -> bool:
    """Whether the OCR add-on is installed: finds the packages without importing them (importing
    onnxruntime takes a second and a hundred MB, too much for deciding whether to show a menu)."""
    return all(importlib.util.find_spec(name) is not None for name in ("rapidocr", "onnxruntime"))


@dataclass(slots=True)
class OcrLine:
    """One recognised line: its text, its box in image pixels and the recogniser's confidence.

    ``box`` is ``(x0, y0, x1, y1)``, the axis-aligned bounds of the (possibly slanted) quadrangle
    the detector found: a reader highlights and maps text by rectangles, and a scan is tilted
    by a degree or so at most.
    """

    text: str
    box: tuple[float, float, float, float]
    confidence: float


class OcrUnavailable(RuntimeError):
    """The add-on is missing or its wheel ships no usable model (a bug or a broken install)."""


def model_paths() -> dict[str, Path]:
    """The det, cls and rec models inside the installed rapidocr wheel (never downloaded)."""
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        raise OcrUnavailable("未安装文字识别组件 rapidocr")
    folder = Path(next(iter(spec.submodule_search_locations))) / "models"
    paths: dict[str, Path] = {}
    for section, pattern in _MODEL_PATTERNS.items():
        found = sorted(folder.glob(pattern))
        if len(found) != 1:
            raise OcrUnavailable(f"文字识别模型缺失或不唯一：{folder / pattern}（找到 {len(found)} 个）")
        paths[section] = found[0]
    return paths


def engine_params() -> dict[str, object]:
    """RapidOCR parameters: shipped models by path (so nothing is fetched), threads for 2 cores,
    quiet logging (its INFO lines would fill the app's log with one line per model)."""
    params: dict[str, object] = {
        "Global.log_level": "warning",
        "EngineConfig.onnxruntime.intra_op_num_threads": INTRA_OP_THREADS,
        "EngineConfig.onnxruntime.inter_op_num_threads": INTER_OP_THREADS,
    }
    paths = model_paths()
    params["Global.model_root_dir"] = str(paths["Det"].parent)
    for section, path in paths.items():
        params[f"{section}.model_path"] = str(path)
    return params


def _get_engine() -> Any:
    """The process's one engine: loading the three models takes seconds and ~500 MB, so it is
    built once and kept (rapidocr itself loads each model on its first use, see :func:`warm_up`)."""
    global _engine
    with _engine_lock:
        if _engine is None:
            if not available():
                raise OcrUnavailable("未安装文字识别组件（rapidocr、onnxruntime）")
            import cv2
            from rapidocr import RapidOCR

            # OpenCV (resizing, cropping the lines) starts a thread per core: as few as
            # onnxruntime's, so the child's threads (and the address space each one's malloc
            # arena reserves, see reader.ocr.child) do not grow with the machine's core count
            cv2.setNumThreads(INTRA_OP_THREADS)
            _engine = RapidOCR(params=engine_params())
        return _engine


def warm_up() -> None:
    """Load all three models now, by recognising a small image with a word on it: rapidocr 3.x
    loads a model on its first call, and a child should fail (or run out of memory) while it
    starts, not on the user's first page."""
    import cv2
    import numpy as np

    # square: the detector scales the shorter side up to 736 px, a strip would become a banner
    img = np.full((320, 320, 3), 255, np.uint8)
    cv2.putText(img, "Gongbao", (20, 120), cv2.FONT_HERSHEY_SIMPLEX, 1.4, (0, 0, 0), 3)
    _get_engine()(img)


def recognise_png(png: bytes) -> list[OcrLine]:
    """The text lines of one page image (PNG, or any format Pillow reads) in reading order.

    Raises ``ValueError`` for bytes that are no image. Lines come top to bottom, and lines that
    share a row (a table's cells, a date set right of a signature) left to right.
    """
    if not isinstance(png, bytes | bytearray) or not png:
        raise ValueError("不是图像数据")  # rapidocr would take a str for a path or a URL
    from PIL import UnidentifiedImageError
    from rapidocr.utils.load_image import LoadImageError

    try:
        result = _get_engine()(bytes(png))
    except (LoadImageError, UnidentifiedImageError) as exc:
        raise ValueError(f"无法解码图像：{exc}") from exc
    if result is None or getattr(result, "txts", None) is None or getattr(result, "boxes", None) is None:
        return []  # rapidocr returns an empty output for a blank page
    lines = []
    for quad, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
        xs = [float(p[0]) for p in quad]
        ys = [float(p[1]) for p in quad]
        lines.append(OcrLine(str(text), (min(xs), min(ys), max(xs), max(ys)), float(score)))
    return reading_order(lines)


def reading_order(lines: list[OcrLine]) -> list[OcrLine]:
    """Lines sorted top to bottom, then left to right within a row.

    Two lines share a row when their vertical centres are closer than half the lower of their
    heights: the detector's boxes of one printed line differ by a few pixels (a tilted scan, a
    larger font), the next printed line is a whole line height away.
    """
    rows: list[list[OcrLine]] = []
    row_centre = row_height = 0.0
    for line in sorted(lines, key=lambda ln: (ln.box[1] + ln.box[3]) / 2):
        centre, height = (line.box[1] + line.box[3]) / 2, line.box[3] - line.box[1]
        if rows and abs(centre - row_centre) < 0.5 * min(height, row_height):
            rows[-1].append(line)
        else:
            rows.append([line])
            row_centre, row_height = centre, height
    return [line for row in rows for line in sorted(row, key=lambda ln: ln.box[0])]
