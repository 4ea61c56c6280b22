"""Relations resolved across a real library: in whichever order the documents come, and kept right
after a removal, a correction and a re-import (they commit with the change)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reader.importer import import_paths
from reader.library import Library

OLD = """钦州市人民政府关于公布新一轮征地统一年产值标准的通知
钦政发〔2016〕1号
各县、区人民政府，市直各委、办、局：
现将新一轮征地统一年产值标准公布如下，请遵照执行。
本通知自印发之日起施行，有效期5年。
钦州市人民政府
2016年1月8日
"""

NEW = """钦州市人民政府关于调整征地统一年产值标准的通知
钦政发〔2019〕1号
各县、区人民政府，市直各委、办、局：
根据《广西壮族自治区人民政府办公厅关于调整征地补偿标准的通知》（桂政办电〔2018〕370号），现将调整后的标准通知如下。
本通知自印发之日起执行，2016年公布的《钦州市人民政府关于公布新一轮征地统一年产值标准的通知》（钦政发[2016]1号）同时废止。
钦州市人民政府
2019年1月23日
"""

CITING = """钦州市自然资源局关于做好征地补偿工作的通知
钦自然资发〔2019〕9号
各县、区自然资源局：
为落实《关于调整征地统一年产值标准的通知》，做好征地补偿工作，通知如下。
请各地认真执行。
钦州市自然资源局
2019年3月2日
"""


def _import(lib: Library, tmp_path: Path, name: str, text: str) -> int:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    [outcome] = import_paths(lib, [path])
    [doc] = lib.documents(issue_id=outcome.issue_id)
    return doc.id


def test_a_repeal_is_found_whichever_document_comes_first_and_undone_by_removal(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    today = date(2026, 12, 1)
    new = _import(lib, tmp_path, "new", NEW)  # the repealing document first: its target is not here
    assert [x.id for x in lib.relations.of(new)["repeals"]] == [None]
    old = _import(lib, tmp_path, "old", OLD)
    repeals = lib.relations.of(new)["repeals"]
    assert [x.id for x in repeals] == [old]  # 钦政发[2016]1号 is 钦政发〔2016〕1号
    v = lib.relations.validity(old, today)
    assert v.status == "repealed" and v.by.id == new and "同时废止" in v.evidence and v.since == "2019-01-23"
    assert [x.id for x in lib.relations.of(old)["repealed_by"]] == [new]
    # the new one says when it took effect and nothing of an end: in force
    assert lib.relations.validity(new, today).status == "valid"
    # the repealing document goes to the 回收站: the old one is what it was (expired after 5 years)
    [entry] = lib.trash.remove_documents([new])
    v = lib.relations.validity(old, today)
    assert v.status == "expired" and v.until == "2021-01-07"
    lib.trash.restore([entry.id])
    assert lib.relations.validity(old, today).status == "repealed"
    assert old not in lib.relations.in_force(today) and new in lib.relations.in_force(today)
    lib.close()


def test_a_title_without_its_issuer_resolves_and_a_correction_moves_the_link(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    new = _import(lib, tmp_path, "new", NEW)
    citing = _import(lib, tmp_path, "citing", CITING)
    [cited] = lib.relations.of(citing)["cites"]
    assert cited.id == new  # 《关于调整…的通知》 is 钦州市人民政府关于调整…的通知
    assert [x.id for x in lib.relations.of(new)["cited_by"]] == [citing]
    lib.edits.edit(new, {"title": "钦州市人民政府关于另一件事的通知"})  # the title was wrong
    assert lib.relations.of(citing)["cites"][0].id is None
    lib.edits.edit(new, {"title": "钦州市人民政府关于调整征地统一年产值标准的通知"})
    assert lib.relations.of(citing)["cites"][0].id == new
    lib.close()


def test_an_ambiguous_title_links_nothing(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    _import(lib, tmp_path, "a", NEW)
    _import(
        lib,
        tmp_path,
        "b",
        NEW.replace("钦政发〔2019〕1号", "钦政发〔2019〕2号").replace("2019年1月23日", "2019年1月24日"),
    )
    citing = _import(lib, tmp_path, "citing", CITING)
    assert lib.relations.of(citing)["cites"][0].id is None  # two documents answer to the title
    lib.close()


def test_a_document_cites_only_what_existed_before_it(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    later = _import(lib, tmp_path, "later", NEW.replace("2019年1月23日", "2019年5月1日"))
    citing = _import(lib, tmp_path, "citing", CITING)  # dated 2019-03-02: cannot mean a May text
    assert lib.relations.of(citing)["cites"][0].id is None
    assert later
    lib.close()


def test_the_cli_says_relations_and_validity_and_filters_by_it(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    lib = Library(tmp_path / "lib")
    old = _import(lib, tmp_path, "old", OLD)
    new = _import(lib, tmp_path, "new", NEW)
    lib.close()

    def run(*args: str) -> dict | list:
        r = subprocess.run(
            [sys.executable, "-m", "reader", *args, "--library", str(tmp_path / "lib"), "--json"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)

    rel = run("relations", str(old))
    assert [x["id"] for x in rel["repealed_by"]] == [new] and rel["validity"]["status"] == "repealed"
    assert rel["validity"]["by"]["id"] == new and "同时废止" in rel["validity"]["evidence"]
    assert run("relations", str(new))["repeals"][0]["id"] == old
    assert run("show", str(old))["validity"]["label"] == "已废止"
    assert [d["id"] for d in run("list", "--valid")] == [new]
    assert [h["doc_id"] for h in run("search", "征地", "--valid")["hits"]] == [new]
    assert {h["doc_id"] for h in run("search", "征地")["hits"]} == {old, new}
    missing = subprocess.run(
        [sys.executable, "-m", "reader", "relations", "999", "--library", str(tmp_path / "lib"), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode == 1 and "error" in json.loads(missing.stdout)


def test_exports_name_the_validity_and_link_a_citation_to_its_document_in_the_export(tmp_path: Path) -> None:
    import zipfile

    from reader.export import Scope, export

    lib = Library(tmp_path / "lib")
    old = _import(lib, tmp_path, "old", OLD)
    new = _import(lib, tmp_path, "new", NEW)
    for doc_id in (old, new):
        text = lib.document(doc_id).text
        lib.annotations.add_highlight(doc_id, text.index("标准"), text.index("标准") + 2, "yellow", note="看")
    scope = Scope(doc_ids=[old, new])
    md = export(lib, scope, "md", tmp_path / "x.md").path
    page = Path(md).read_text(encoding="utf-8")
    assert "时效：已废止（2019-01-23 起，被《钦州市人民政府关于调整征地统一年产值标准的通知》" in page
    assert f'<a id="doc-{old}"></a>' in page and f"](#doc-{old})" in page
    html = Path(export(lib, scope, "html", tmp_path / "x.html").path).read_text(encoding="utf-8")
    assert f'<h3 id="doc-{old}">' in html and f'href="#doc-{old}"' in html and "时效：已废止" in html
    docx = export(lib, scope, "docx", tmp_path / "x.docx").path
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    assert f'w:name="doc-{old}"' in xml and f'w:anchor="doc-{old}"' in xml and "时效：已废止" in xml
    from docx import Document

    Document(str(docx))  # python-docx (as Word would) reads the file back
    lib.close()


def test_a_notice_repeals_last_years_notice_of_the_same_title(tmp_path: Path) -> None:
    """钦政发〔2019〕1号 repeals 钦政发〔2016〕1号, both titled 钦州市人民政府关于公布新一轮…的通知:
    the same title under another number is another document, not a copy of itself."""
    lib = Library(tmp_path / "lib")
    old = _import(lib, tmp_path, "old", OLD)
    same_title = NEW.replace("钦州市人民政府关于调整征地统一年产值标准的通知", OLD.splitlines()[0])
    new = _import(lib, tmp_path, "new", same_title)
    assert [x.id for x in lib.relations.of(new)["repeals"]] == [old]
    assert lib.relations.validity(old).status == "repealed"
    lib.close()
