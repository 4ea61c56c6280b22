"""Decoding: every encoding users have, and honest refusal of what is not text."""

from __future__ import annotations

import codecs

import pytest

from reader.errors import ImportRejected
from reader.sources.text import decode_bytes
from tests.conftest import BADINPUT, DATA

SAMPLE = (DATA / "yulin_like.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("gb18030", b""),
        ("gbk", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_round_trip(encoding: str, bom: bytes, newline: str) -> None:
    data = bom + SAMPLE.replace("\n", newline).encode(encoding)
    decoded = decode_bytes(data)
    assert decoded.text == SAMPLE
    assert decoded.warnings == []


def test_utf16_without_bom_is_found_statistically() -> None:
    decoded = decode_bytes(SAMPLE.encode("utf-16-le"))
    assert decoded.text == SAMPLE
    assert decoded.encoding == "utf-16-le"


def test_gb18030_only_characters() -> None:
    # EM SPACE and Ext-A/B characters: GBK cannot encode them, GB18030 can.
    text = "政府工作报告\u2003全文：" + SAMPLE[:400] + "地名用字㐀与𠀀。\n"
    assert decode_bytes(text.encode("gb18030")).text == text


@pytest.mark.parametrize(
    ("data", "category"),
    [
        (b"", "empty"),
        (b"   \r\n\r\n  ", "empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x00\x01\x02\x03PK\x03\x04" * 200, "binary"),
        ("锟斤拷锟斤拷烫烫烫政府".encode(), "encoding"),
    ],
    ids=["empty", "blank", "all-bytes", "zip-like", "mojibake"],
)
def test_refusals(data: bytes, category: str) -> None:
    with pytest.raises(ImportRejected) as exc:
        decode_bytes(data)
    assert exc.value.category == category
    assert exc.value.reason  # a message a user can read


def test_truncated_multibyte_tail_is_accepted_with_a_warning() -> None:
    data = SAMPLE.encode("gb18030")
    cut = data + "、".encode("gb18030")[:1]
    decoded = decode_bytes(cut)
    assert decoded.text == SAMPLE
    assert decoded.warnings


def test_forced_encoding_is_still_judged() -> None:
    assert decode_bytes(SAMPLE.encode("gb18030"), "gb18030").text == SAMPLE
    with pytest.raises(ImportRejected):
        decode_bytes(SAMPLE.encode("utf-8"), "utf-16-le")


def test_big5_hkscs_is_read_as_chinese_not_as_a_latin_code_page() -> None:
    """Hong Kong characters (𠄌, 鵮) are outside Big5: strict Big5 fails, and a Latin code page
    used to win with ąEą\\äsčŕćō."""
    text = "香港特別行政區政府憲報公告：關於𠄌鵮兩字的使用，各部門須遵照執行。\n"
    assert decode_bytes(text.encode("big5hkscs")).text == text
    plain = "政府憲報公告：各部門須遵照執行，並於本月內回覆。\n" * 3
    assert decode_bytes(plain.encode("big5")).encoding == "big5"  # the subset is named as such


def test_accented_latin_letters_without_han_are_mojibake_not_text() -> None:
    from reader.sources.text import judge

    assert not judge("ąEą\\äsčŕćō\nąfąbąß ąßą£\n").ok
    assert judge("Élève à l'école. Übergrößenträger müssen warten. Zhōngguó rénmín zhèngfǔ.").ok


EXPECTED = {
    # file: "ok" (decodes to the reference text) or a rejection category
    "cpython-cjkencodings/gb18030.txt": "ok",
    "cpython-cjkencodings/gbk.txt": "ok",
    "cpython-cjkencodings/gb2312.txt": "ok",
    "cpython-cjkencodings/big5.txt": "ok",
    "cpython-cjkencodings/big5hkscs.txt": "ok",
    "cpython-cjkencodings/hz.txt": "ok",
    "damaged/botwraith__gb18030_mojibake.txt": "encoding",
    "damaged/botwraith__gbk_mojibake.txt": "encoding",
    "uchardet/zh_euc-tw.txt": "encoding",
    "gov-work-report/2024_gov_work_report.gb18030.crlf.txt": "ok",
    "gov-work-report/2024_gov_work_report.utf16be-nobom.txt": "ok",
    "gov-work-report/2024_gov_work_report.utf16le-bom.crlf.txt": "ok",
    "gov-work-report/2024_gov_work_report.utf8-bom.crlf.txt": "ok",
    "gov-work-report/2024_npc_resolution.gbk.txt": "ok",
    "chardet/UTF-16LE__nobom-utf16le.txt": "ok",
}


@pytest.mark.skipif(not BADINPUT.is_dir(), reason="shared/badinput not found")
@pytest.mark.parametrize("rel", sorted(EXPECTED))
def test_shared_bad_text_inputs(rel: str) -> None:
    path = BADINPUT / "text" / rel
    expected = EXPECTED[rel]
    if expected != "ok":
        with pytest.raises(ImportRejected) as exc:
            decode_bytes(path.read_bytes())
        assert exc.value.category == expected
        return
    decoded = decode_bytes(path.read_bytes())
    reference = _reference(path)
    if reference is not None:
        assert decoded.text.replace("\r\n", "\n") == reference


def _reference(path):
    """The UTF-8 reference text shipped beside a sample, or the gazette report in UTF-8."""
    ref = path.with_name(path.stem + "-utf8.txt")
    if ref.exists():
        return ref.read_text(encoding="utf-8")
    if "gov_work_report" in path.name:
        return (path.parent / "2024_gov_work_report.utf8.txt").read_text(encoding="utf-8")
    if "npc_resolution" in path.name:
        return (path.parent / "2024_npc_resolution.utf8.txt").read_text(encoding="utf-8")
    return None
