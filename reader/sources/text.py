"""Decoding text files: UTF-8 (with or without BOM), GB18030/GBK, UTF-16, and honest failure.

Order: BOM, strict UTF-8, strict GB18030, then a statistical detector. "Decoded without error" is
not proof: GB18030 accepts most byte pairs, UTF-8 accepts NUL-riddled UTF-16, and damaged files
are valid UTF-8 full of ``锟斤拷``. So every candidate is judged for plausibility, and a file whose
best decoding is still implausible is refused with a reason instead of imported as garbage.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field

from reader.errors import ImportRejected

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_MOJIBAKE = ("锟斤拷", "烫烫烫", "屯屯屯", "\ufffd")
_ALLOWED_CONTROLS = set("\t\n\r\f\v")


@dataclass(slots=True)
class Decoded:
    """A decoded text and how it was decoded."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Quality:
    """Why a decoding looks right or wrong."""

    ok: bool
    reason: str = ""
    score: float = 0.0


def _is_common_han(ch: str) -> bool:
    """In GB2312 or in Big5's frequent-character level: what real Chinese text is made of."""
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return 0xA440 <= int.from_bytes(b, "big") <= 0xC67E


def _latin_mojibake(sample: str) -> bool:
    """Most letters accented Latin (ąEą\\äsčŕćō): CJK bytes read as a Latin code page. Real
    French, German or Pinyin text has a few accented letters among many plain ones."""
    accented = sum(1 for c in sample if "\u00c0" <= c <= "\u024f" and c.isalpha())
    plain = sum(1 for c in sample if c.isascii() and c.isalpha())
    return accented >= 4 and accented > 0.3 * (accented + plain)


def judge(text: str, self_evident: bool = False) -> Quality:
    """Plausibility of a decoded text as human-written (Chinese or other) text.

    Args:
        self_evident: the encoding is near-certain (a BOM, or strict UTF-8 with non-ASCII bytes,
            which other encodings almost never produce by accident), so rare characters are
            taken as meant; binary content and mojibake are still refused.
    """
    if not text.strip():
        return Quality(False, "空文档：文件没有文字内容", 0.0)
    sample = text[:200_000]
    n = len(sample)
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS)
    if "\x00" in sample or controls > max(2, n // 200):
        return Quality(False, "不是文本文件：含有二进制控制字符", 0.0)
    mojibake = sum(sample.count(m) for m in _MOJIBAKE)
    if mojibake >= 3 or (mojibake and mojibake * 50 > n):
        return Quality(False, "编码可疑：文件含乱码（如“锟斤拷”），可能在转换编码时已损坏", 0.1)
    if self_evident:
        return Quality(True, score=2.0)
    han = [c for c in sample if "\u3400" <= c <= "\u9fff" or "\U00020000" <= c <= "\U0003134f"]
    private = sum(1 for c in sample if unicodedata.category(c) in ("Co", "Cn"))
    if private > max(2, n // 100) or (private and private * 200 > n):
        return Quality(False, "编码可疑：大量无法识别的字符", 0.1)
    if len(han) >= 8:
        common = sum(1 for c in han if _is_common_han(c))
        ratio = common / len(han)
        if ratio < 0.85:
            return Quality(False, "编码可疑：大部分汉字是罕用字，可能是错误的编码", ratio)
        return Quality(True, score=1.0 + ratio)
    # Little Han text: plausible if mostly printable letters, digits, punctuation and spaces.
    if not han and _latin_mojibake(sample):
        return Quality(False, "编码可疑：文字像是按西文编码误读的中文", 0.3)
    printable = sum(1 for c in sample if c.isprintable() or c in _ALLOWED_CONTROLS)
    odd = sum(1 for c in sample if unicodedata.category(c).startswith(("Lo", "So")) and ord(c) > 0x2FFF)
    odd -= len(han)  # the few Han characters are not what makes a short text odd
    if printable / n < 0.98 or odd > n // 5:
        return Quality(False, "编码可疑：无法确定文本编码", 0.2)
    # of two short readings, the one with Chinese in it: a Chinese reader's file is Chinese, and
    # CJK bytes read as a code page give symbols and accented letters, never Han
    return Quality(True, score=0.95 if han else 0.9)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _truncated_tail(data: bytes, encoding: str) -> str | None:
    """Decode a file cut off mid-character: only the last few bytes may be bad."""
    for cut in (1, 2, 3):
        if len(data) > cut:
            text = _strict(data[:-cut], encoding)
            if text is not None:
                return text
    return None


def _statistical(data: bytes) -> list[tuple[str, str]]:
    """Candidates from a statistical detector plus the encodings it tends to miss."""
    out: list[tuple[str, str]] = []
    try:
        from charset_normalizer import from_bytes

        for match in from_bytes(data).__iter__():
            enc = match.encoding
            text = _strict(data, enc)
            if text is not None:
                out.append((enc, text))
    except Exception:  # the detector is a heuristic; its failure is not ours to surface
        pass
    # Big5 before Big5-HKSCS (its superset): a plain Big5 file is reported as Big5
    for enc in ("utf-16-le", "utf-16-be", "big5", "big5hkscs", "hz"):
        if len(data) % 2 and enc.startswith("utf-16"):
            continue
        text = _strict(data, enc)
        if text is not None:
            out.append((enc, text))
    return out


def _canonical(encoding: str) -> str:
    """``utf_16_le`` and ``UTF-16LE`` are one encoding: report Python's canonical name."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode raw bytes as described in the module docstring.

    Args:
        data: the file's bytes.
        encoding: force this encoding (the user knows better); still judged, never silently.

    Raises:
        ImportRejected: empty, binary, or no plausible decoding.
    """
    if not data or not data.strip(b" \t\r\n\x00"):
        raise ImportRejected("empty", "空文档：文件没有内容")
    if encoding:
        text = _strict(data, encoding)
        if text is None:
            raise ImportRejected("encoding", f"编码可疑：文件不能按 {encoding} 解码")
        q = judge(text)
        if not q.ok:
            raise ImportRejected("encoding", q.reason)
        return Decoded(_newlines(text), encoding)

    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], enc)
            if text is None:
                raise ImportRejected("encoding", f"编码可疑：文件标明 {enc} 但内容无法解码")
            q = judge(text, self_evident=True)
            if not q.ok:
                raise ImportRejected("encoding", q.reason)
            return Decoded(_newlines(text), enc)

    first_reason = ""
    for enc in ("utf-8", "gb18030"):
        text = _strict(data, enc)
        if text is None:
            continue
        q = judge(text, self_evident=enc == "utf-8" and not data.isascii())
        if q.ok:
            if enc == "utf-8" and "~{" in text and "~}" in text:
                hz = _strict(data, "hz")
                if hz is not None and judge(hz).ok and hz != text:
                    return Decoded(_newlines(hz), "hz")
            return Decoded(_newlines(text), enc)
        first_reason = first_reason or q.reason
        if q.reason.startswith("编码可疑：文件含乱码"):
            raise ImportRejected("encoding", q.reason)

    best: tuple[float, str, str] | None = None
    for enc, text in _statistical(data):
        q = judge(text)
        if q.ok and (best is None or q.score > best[0]):
            best = (q.score, enc, text)
    if best is not None:
        return Decoded(_newlines(best[2]), _canonical(best[1]))

    for enc in ("utf-8", "gb18030"):
        text = _truncated_tail(data, enc)
        if text is not None and judge(text).ok:
            return Decoded(_newlines(text), enc, ["文件末尾不完整（可能是复制中断），已忽略最后几个字节"])

    if first_reason.startswith("不是文本文件") or _looks_binary(data):
        raise ImportRejected("binary", "不是文本文件：内容是二进制数据")
    raise ImportRejected("encoding", first_reason or "编码可疑：无法识别文件编码")


_CONTROL_BYTES = frozenset(set(range(0, 9)) | set(range(14, 32)) - {0x1B})


def _looks_binary(data: bytes) -> bool:
    """Control bytes that no text encoding we accept would produce in bulk."""
    head = data[:65536]
    return sum(b in _CONTROL_BYTES for b in head) > len(head) // 50
