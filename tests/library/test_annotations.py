"""Highlights, notes and tags in a real library file."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.importer import import_file
from reader.library import Library
from reader.library.annotation_store import AnnotationError
from tests.conftest import DATA


@pytest.fixture
def doc(library: Library):
    import_file(library, DATA / "yulin_like.txt")
    return library.document(library.documents()[1].id)  # 河长制 notice


def test_add_note_colour_tags(library: Library, doc) -> None:
    ann = library.annotations
    start = doc.text.index("每月巡河")
    h = ann.add_highlight(doc.id, start, start + 4, "red", note="本局牵头", tags=["时限", " 河长制 "])
    assert (h.quote, h.color, h.note, h.tags) == ("每月巡河", "red", "本局牵头", ["时限", "河长制"])
    assert h.prefix.endswith(doc.text[start - 3 : start]) and len(h.prefix) == 32
    ann.set_note(h.uuid, "第一行\n- 列表项")
    ann.set_color(h.uuid, "green")
    got = ann.highlight(h.uuid)
    assert (got.note, got.color) == ("第一行\n- 列表项", "green")
    assert [x.uuid for x in ann.highlights(doc.id, color="green")] == [h.uuid]
    assert ann.highlights(doc.id, color="red") == []
    assert [x.uuid for x in ann.highlights(tag="时限")] == [h.uuid]
    assert [x.uuid for x in ann.highlights(query="列 表")] == [h.uuid]  # notes searched, spacing ignored


def test_bad_ranges_are_refused(library: Library, doc) -> None:
    with pytest.raises(AnnotationError):
        library.annotations.add_highlight(doc.id, 10, 10, "yellow")
    with pytest.raises(AnnotationError):
        library.annotations.add_highlight(doc.id, 0, len(doc.text) + 5, "yellow")
    with pytest.raises(AnnotationError):
        library.annotations.tag_document(doc.id, ["  #  "])


def test_delete_is_a_tombstone_until_purged(library: Library, doc) -> None:
    ann = library.annotations
    h = ann.add_highlight(doc.id, 0, 5, "yellow", note="n")
    ann.delete(h.uuid)
    assert ann.highlights(doc.id) == []
    assert ann.highlight(h.uuid).deleted
    restored = ann.restore(h.uuid)
    assert not restored.deleted and restored.note == "n" and restored.uuid == h.uuid
    ann.delete(h.uuid)
    assert ann.purge_deleted() == 1
    with pytest.raises(AnnotationError):
        ann.highlight(h.uuid)


def test_document_notes_and_tags(library: Library, doc) -> None:
    ann = library.annotations
    ann.set_document_note(doc.id, "整体要求：每月报送")
    assert ann.document_note(doc.id) == "整体要求：每月报送"
    assert ann.tag_document(doc.id, ["乡村振兴", "本局牵头", "乡村振兴"]) == ["乡村振兴", "本局牵头"]
    assert ann.document_tags(doc.id) == ["乡村振兴", "本局牵头"]
    assert [d.id for d in library.documents(tag="本局牵头")] == [doc.id]
    ann.untag_document(doc.id, ["本局牵头"])
    assert library.documents(tag="本局牵头") == []
    ann.set_document_note(doc.id, "")
    assert ann.document_note(doc.id) == ""


def test_tag_manager_rename_merge_delete_and_restore(library: Library, doc) -> None:
    ann = library.annotations
    other = library.documents()[0].id
    h = ann.add_highlight(doc.id, 0, 5, "yellow", tags=["乡村振兴"])
    ann.tag_document(doc.id, ["乡村振兴"])
    ann.tag_document(other, ["振兴乡村"])
    counts = {t.name: (t.documents, t.highlights) for t in ann.tag_counts()}
    assert counts == {"乡村振兴": (1, 1), "振兴乡村": (1, 0)}
    ann.rename_tag("振兴乡村", "乡村振兴")  # merge
    assert {t.name: (t.documents, t.highlights) for t in ann.tag_counts()} == {"乡村振兴": (2, 1)}
    ann.rename_tag("乡村振兴", "乡村振兴战略")
    assert ann.highlight(h.uuid).tags == ["乡村振兴战略"]
    links = ann.delete_tag("乡村振兴战略")
    assert ann.tag_counts() == [] and ann.document_tags(doc.id) == []
    ann.restore_tag(links)
    assert ann.document_tags(doc.id) == ["乡村振兴战略"] and ann.highlight(h.uuid).tags == ["乡村振兴战略"]


def test_each_edit_is_committed_when_made(library: Library, doc) -> None:
    """Another connection sees every edit at once: nothing waits for a save or for quitting."""
    ann = library.annotations
    h = ann.add_highlight(doc.id, 0, 5, "yellow")
    ann.set_note(h.uuid, "已保存")
    other = sqlite3.connect(library.db_path)
    assert other.execute("SELECT note FROM highlights WHERE uuid = ?", (h.uuid,)).fetchone() == ("已保存",)
    other.close()


def test_a_killed_process_keeps_every_committed_edit(tmp_path: Path) -> None:
    lib_dir = tmp_path / "lib"
    with Library(lib_dir) as lib:
        import_file(lib, DATA / "yulin_like.txt")
        doc_id = lib.documents()[1].id
    script = f"""
import os, sys
sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
from reader.library import Library
lib = Library({str(lib_dir)!r})
ann = lib.annotations
for i in range(20):
    h = ann.add_highlight({doc_id}, i, i + 3, "yellow", note=f"第{{i}}条")
print(h.uuid, flush=True)
os._exit(9)  # no close, no checkpoint: as if the power went
"""
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert r.returncode == 9
    with Library(lib_dir) as lib:
        got = lib.annotations.highlights(doc_id)
        assert len(got) == 20 and got[-1].note == "第19条"
        assert lib.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_cli_annotate_annotations_tag(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "reader", *args, "--library", lib],
            capture_output=True,
            text=True,
            encoding="utf-8",
        )

    assert run("import", str(DATA / "yulin_like.txt")).returncode == 0
    r = run(
        "annotate",
        "2",
        "--quote",
        "河长",
        "--occurrence",
        "2",
        "--color",
        "时限",
        "--note",
        "巡河",
        "--tag",
        "水利",
        "--json",
    )
    assert r.returncode == 0, r.stderr
    h = json.loads(r.stdout)
    assert {"uuid", "document_id", "color", "start", "end", "quote", "note", "tags", "orphan"} <= set(h)
    assert (h["color"], h["quote"], h["tags"], h["meaning"]) == ("red", "河长", ["水利"], "时限")
    assert run("annotate", "2", "--quote", "河长", "--occurrence", "99").returncode == 1
    assert run("annotate", "2", "--quote", "河长", "--color", "nope").returncode == 2
    assert json.loads(run("tag", "2", "本局牵头", "--json").stdout) == {
        "document_id": 2,
        "tags": ["本局牵头"],
    }
    out = json.loads(run("annotations", "2", "--json").stdout)
    assert [x["uuid"] for x in out["highlights"]] == [h["uuid"]]
    assert out["document"]["tags"] == ["本局牵头"]
    assert len(json.loads(run("annotations", "--json", "--tag", "水利").stdout)["highlights"]) == 1


def test_tag_counts_leave_out_what_is_in_the_trash(library: Library, doc) -> None:
    ann = library.annotations
    ann.add_highlight(doc.id, 0, 5, "yellow", tags=["督办"])
    ann.tag_document(doc.id, ["督办"])
    assert [(t.name, t.documents, t.highlights) for t in ann.tag_counts()] == [("督办", 1, 1)]
    [entry] = library.trash.remove_documents([doc.id])
    assert [(t.name, t.documents, t.highlights) for t in ann.tag_counts()] == [("督办", 0, 0)]
    library.trash.restore([entry.id])
    assert [(t.name, t.documents, t.highlights) for t in ann.tag_counts()] == [("督办", 1, 1)]
