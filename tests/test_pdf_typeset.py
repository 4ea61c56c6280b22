"""Issues typeset as gazettes are (red masthead, titles centred in 2号 over a 3号 body, numbers
centred, signatures and dates set right, running headers and page numbers) split as their text
does: typography is evidence added to the text cues, never a different answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.gazette import parse_gazette
from reader.importer import parse_pdf
from reader.sources.pdf import extract_now
from tests.conftest import SHARED
from tests.helpers.corpus import compose_issue, issue_groups, load_realdocs
from tests.helpers.pdfgen import roles_from_gold, typeset_gazette

FIELDS = ("title", "number", "date", "kind")
GROUPS = issue_groups(load_realdocs())[:6]


def _cases() -> list[tuple[str, str, list[str]]]:
    out = []
    for g, group in enumerate(GROUPS):
        text, gold = compose_issue(group, seed=100 + g, wrapped=False, toc="dots" if g % 2 else None)
        out.append((f"composed-{g}", text, [d["title"] for d in gold]))
    import json

    for k in (1, 2):
        base = SHARED / "corpus-web" / "issues" / f"issue-{k}"
        if base.with_suffix(".txt").exists():
            gold = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
            out.append(
                (
                    f"web-{k}",
                    base.with_suffix(".txt").read_text(encoding="utf-8"),
                    [d["title"] for d in gold["documents"]],
                )
            )
    return out


@pytest.mark.parametrize(
    ("name", "text", "titles"), _cases(), ids=lambda v: v if isinstance(v, str) and len(v) < 20 else ""
)
def test_a_typeset_issue_splits_as_its_text(name: str, text: str, titles: list[str], tmp_path: Path) -> None:
    # the text as a PDF would give it: the running headers the typesetter adds are not in it
    head, *rest = text.split("\n")
    plain = "\n".join([head] + [ln for ln in rest if not re.fullmatch(r"\d+|.{2,20}公报", ln.strip())])
    expected = [{f: getattr(d, f) for f in FIELDS} for d in parse_gazette(plain, name).documents]
    pdf_path = tmp_path / f"{name}.pdf"
    typeset_gazette(roles_from_gold(plain, titles, []), pdf_path, header="示例市人民政府公报")
    status, pdf = extract_now(str(pdf_path), None)
    assert status == "ok"
    parsed, pages = parse_pdf(pdf, pdf_path.name)
    assert [{f: getattr(d, f) for f in FIELDS} for d in parsed.documents] == expected
    starts = [p[0] for p in pages]
    assert starts == sorted(starts) and all(pm for *_, pm in pages)
    # the typography was seen: titles larger and centred, the masthead red, headers repeated
    styles = [st for page in pdf.styles for st in page if st is not None]
    assert any(st.red for st in styles) and any(st.centred and st.size > 20 for st in styles)
    assert sum(st.repeated for st in styles) >= min(3, len(pdf.pages))


def test_a_typeset_title_without_a_number_is_found_by_its_typography(tmp_path: Path) -> None:
    """A speech title with no 文种 after a document with no 成文日期: the text alone does not see
    a title there, the page does."""
    items = [
        ("masthead", "示例市人民政府公报"),
        ("period", "2020年第1期"),
        ("title", "示例市人民政府关于加强安全生产工作的通知"),
        ("number", "示政发〔2020〕3号"),
        ("body", "各县区人民政府："),
        ("body", "现将有关事项通知如下，请认真贯彻执行。"),
        ("title", "加快建设现代化产业体系"),
        ("body", "同志们："),
        ("body", "今天召开会议，部署全年工作，大家要认真落实。"),
    ]
    path = tmp_path / "t.pdf"
    typeset_gazette(items, path, header="示例市人民政府公报")
    status, pdf = extract_now(str(path), None)
    assert status == "ok"
    parsed, _ = parse_pdf(pdf, path.name)
    assert [d.title for d in parsed.documents] == [
        "示例市人民政府关于加强安全生产工作的通知",
        "加快建设现代化产业体系",
    ]
