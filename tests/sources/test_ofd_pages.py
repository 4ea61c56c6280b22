"""An OFD's pages drawn as PDF: glyphs where DeltaX puts them, the OFD's own font where it has
the glyph, the red 版头 red, the seal from the signature on its page; the corpus-web 公文 as OFD
split with their gold metadata and a page map; hostile packages refused or drawn safely."""

from __future__ import annotations

import io
import itertools
import json
import re
import zipfile
from pathlib import Path

import pymupdf
import pytest

from reader.errors import ImportRejected
from reader.importer import import_paths
from reader.library import Library
from reader.sources.ofd_pages import MAX_IMAGE_PIXELS, build_pdf, image_size, seal_picture
from tests.conftest import SHARED, requires_shared
from tests.helpers.ofdgen import NS, Line, gongwen_lines, seal_png, write_ofd

WEB = SHARED / "corpus-web"


def _gold() -> list[dict]:
    if not (WEB / "gold.json").exists():
        return []
    return json.loads((WEB / "gold.json").read_text("utf-8"))["documents"]


def _chars(page) -> list[tuple[str, float, float, tuple]]:
    """Every character of a page with its origin and colour."""
    return [
        (c["c"], c["origin"][0], c["origin"][1], sp["color"])
        for b in page.get_text("rawdict")["blocks"]
        for ln in b.get("lines", [])
        for sp in ln["spans"]
        for c in sp["chars"]
    ]


def test_a_gongwen_is_drawn_with_its_layout_and_seal(tmp_path: Path) -> None:
    lines = [
        Line("钦州市人民政府文件", 36, "centre", red=True),
        Line("钦政发〔2019〕1号", 16, "centre"),
        Line("钦州市人民政府关于印发某某办法的通知", 22, "centre"),
        Line("各县（区）人民政府，市直各单位：" + "现将办法印发给你们，请认真贯彻执行。" * 6),
        Line("钦州市人民政府", 16, "right"),
        Line("2019年1月8日", 16, "right"),
    ]
    pages = build_pdf(write_ofd(lines, tmp_path / "a.ofd").read_bytes())
    assert pages.warnings == []
    with pymupdf.open(stream=pages.pdf) as pdf:
        assert pdf.page_count == 1
        page = pdf[0]
        assert page.rect.width == pytest.approx(210 * 72 / 25.4, abs=0.1)
        chars = _chars(page)
        flat = "".join(c for c, *_ in chars)
        assert "钦州市人民政府关于印发某某办法的通知" in flat and "钦政发〔2019〕1号" in flat
        head = [c for c in chars if c[0] in "钦州市人民政府文件"][:9]
        assert all(colour == 0xFF0000 for *_, colour in head)  # the 版头 in red
        # glyphs advance by DeltaX: 36 pt Han characters sit 36 pt apart
        xs = [x for _, x, _, _ in head]
        assert all(b - a == pytest.approx(36, abs=0.2) for a, b in itertools.pairwise(xs))
        # the title centred on the page, the date against the right margin
        title = [x for c, x, _, _ in chars if c == "钦"][2]
        assert abs(title + 18 * 22 / 2 - page.rect.width / 2) < 3
        assert page.get_drawings()  # the red rule under the 版头
        [image] = page.get_image_info()
        assert image["bbox"][0] == pytest.approx(130 * 72 / 25.4, abs=0.5)  # the seal at its box


def test_the_ofds_own_font_draws_what_it_has(tmp_path: Path) -> None:
    font = pymupdf.Font("cjk").buffer
    pages = build_pdf(
        write_ofd([Line("中华人民共和国")], tmp_path / "f.ofd", seal=False, font=font).read_bytes()
    )
    with pymupdf.open(stream=pages.pdf) as pdf:
        names = [f[3] for f in pdf.get_page_fonts(0)]
        assert any("Droid" in n for n in names)
        assert "中华人民共和国" in pdf[0].get_text()
        assert len(pages.pdf) < len(font) / 20  # the embedded font is subset


def test_a_broken_font_file_falls_back_to_the_cjk_font(tmp_path: Path) -> None:
    pages = build_pdf(
        write_ofd([Line("公告")], tmp_path / "b.ofd", seal=False, font=b"not a font").read_bytes()
    )
    assert any("字体" in w for w in pages.warnings)
    with pymupdf.open(stream=pages.pdf) as pdf:
        assert "公告" in pdf[0].get_text()


def test_seal_pictures_are_found_in_signed_values() -> None:
    png = seal_png()
    assert seal_picture(b"\x30\x82junk" + png + b"trailing signature") == png
    jpeg = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 8, 8), False).tobytes("jpg")
    assert seal_picture(b"\x04\x10" + jpeg).startswith(b"\xff\xd8\xff")
    assert seal_picture(b"no picture here") is None
    assert image_size(png) == (pymupdf.Pixmap(png).width, pymupdf.Pixmap(png).height)


@requires_shared
@pytest.mark.parametrize("gold", _gold(), ids=lambda g: g["file"])
def test_an_ofd_version_reads_like_the_text(gold: dict, tmp_path: Path) -> None:
    text = (WEB / "docs" / gold["file"]).read_text("utf-8")
    ofd = write_ofd(gongwen_lines(text, gold["title"], gold["number"]), tmp_path / "公文.ofd")
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [ofd])
        assert outcome.ok and outcome.format == "ofd", outcome.reason
        [summary] = lib.documents(issue_id=outcome.issue_id)
        doc = lib.document(summary.id)
        assert re.sub(r"\s+", "", doc.title) == re.sub(r"\s+", "", gold["title"])
        assert (doc.number, doc.date, doc.kind) == (gold["number"], gold["date"], gold["kind"])
        assert doc.is_pdf and doc.page_map and doc.page_end == outcome.pages - 1
        assert "— 1 —" not in doc.text  # page numbers are page furniture, not text


def test_an_ofd_issue_resplits_and_redraws_its_pages(tmp_path: Path) -> None:
    from reader.reparse import reparse_issue

    text = "钦州市人民政府公告\n" + "为做好某项工作，现公告如下。" * 30
    ofd = write_ofd(gongwen_lines(text, "钦州市人民政府公告", None), tmp_path / "g.ofd")
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [ofd])
        doc = lib.document(lib.documents(issue_id=outcome.issue_id)[0].id)
        cache = lib.folder / doc.issue.pages_path
        cache.unlink()  # the page cache is derived: a re-split draws it again
        result = reparse_issue(lib, outcome.issue_id)
        assert result.reason is None and cache.is_file()


def _package(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def _one_page(content: str, res: str = "", extra: dict[str, bytes] | None = None) -> bytes:
    """An OFD of one page whose layer holds ``content`` (and resources ``res``)."""
    return _package(
        {
            "OFD.xml": f"<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
            "</ofd:DocBody></ofd:OFD>".encode(),
            "Doc_0/Document.xml": f"<ofd:Document {NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
            "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>Res.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>"
            '<ofd:Page ID="1" BaseLoc="P/Content.xml"/></ofd:Pages></ofd:Document>'.encode(),
            "Doc_0/Res.xml": f'<ofd:Res {NS} BaseLoc="Res">{res}</ofd:Res>'.encode(),
            "Doc_0/P/Content.xml": f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="2">{content}</ofd:Layer>'
            "</ofd:Content></ofd:Page>".encode(),
            **(extra or {}),
        }
    )


TEXT = '<ofd:TextObject ID="9" Boundary="20 20 100 10" Font="1" Size="5"><ofd:TextCode X="0" Y="5">正文</ofd:TextCode></ofd:TextObject>'


def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    bomb = _one_page(TEXT, extra={"Doc_0/Res/huge.bin": b"\0" * (250 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    with pytest.raises(ImportRejected) as exc:
        build_pdf(bomb)
    assert exc.value.category == "too_large"


def test_paths_out_of_the_package_lead_nowhere(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(seal_png())
    image = '<ofd:ImageObject ID="5" CTM="50 0 0 50 0 0" Boundary="10 10 50 50" ResourceID="7"/>'
    res = f'<ofd:MultiMedias><ofd:MultiMedia ID="7" Type="Image"><ofd:MediaFile>../../../../{outside}</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias>'
    data = _one_page(image + TEXT, res, extra={"../../escaped.txt": b"x"})
    pages = build_pdf(data)
    with pymupdf.open(stream=pages.pdf) as pdf:
        assert not pdf[0].get_images() and "正文" in pdf[0].get_text()
    assert any("找不到" in w for w in pages.warnings)
    assert not (tmp_path.parent.parent / "escaped.txt").exists()


def test_an_image_claiming_a_huge_size_is_not_decoded() -> None:
    png = bytearray(seal_png())
    png[16:24] = (60_000).to_bytes(4, "big") * 2  # the header says 60,000 × 60,000 pixels
    assert image_size(bytes(png))[0] * image_size(bytes(png))[1] > MAX_IMAGE_PIXELS
    image = '<ofd:ImageObject ID="5" CTM="50 0 0 50 0 0" Boundary="10 10 50 50" ResourceID="7"/>'
    res = '<ofd:MultiMedias><ofd:MultiMedia ID="7" Type="Image"><ofd:MediaFile>big.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias>'
    pages = build_pdf(_one_page(image + TEXT, res, extra={"Doc_0/Res/big.png": bytes(png)}))
    assert any("过大" in w for w in pages.warnings)


def test_self_nesting_composites_and_floods_of_objects_stop_at_their_limits() -> None:
    unit = (
        '<ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="3"><ofd:Content>'
        + '<ofd:CompositeObject ID="4" Boundary="0 0 10 10" ResourceID="3"/>' * 4
        + "</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits>"
    )
    pages = build_pdf(
        _one_page(TEXT + '<ofd:CompositeObject ID="6" Boundary="0 0 10 10" ResourceID="3"/>', unit)
    )
    assert any("过多" in w for w in pages.warnings)  # 4^16 branches: cut at the object budget
    with pymupdf.open(stream=pages.pdf) as pdf:
        assert "正文" in pdf[0].get_text()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("<ofd:Page><unclosed>", True),  # malformed XML
        ('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;</x>', True),  # entities refused, not expanded
        ("<a>" * 5000 + "</a>" * 5000, False),  # deep nesting of nothing to draw
    ],
)
def test_a_page_that_cannot_be_read_is_drawn_empty(content: str, said: bool) -> None:
    data = bytearray(_one_page(TEXT))
    entries = {}
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    entries["Doc_0/P/Content.xml"] = content.encode()
    pages = build_pdf(_package(entries))
    assert pages.pages == 1 and bool(pages.warnings) == said


def test_an_ofd_without_pages_or_root_is_refused() -> None:
    with pytest.raises(ImportRejected) as exc:
        build_pdf(_package({"README.txt": b"x"}))
    assert exc.value.category == "corrupt"
    no_pages = _package(
        {
            "OFD.xml": f"<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>D.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>".encode(),
            "D.xml": f"<ofd:Document {NS}><ofd:Pages/></ofd:Document>".encode(),
        }
    )
    with pytest.raises(ImportRejected) as exc:
        build_pdf(no_pages)
    assert exc.value.category == "empty"
