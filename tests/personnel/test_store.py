"""人事任免 records and tasks in a real library: read after import, asked, marked done, kept over
re-parse, re-import and corrections, exported to CSV and iCalendar (read back strictly)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import icalendar
import pytest

from reader.export.tasks import personnel_csv, tasks_csv, tasks_ics
from reader.extracts.store import catch_up, pending
from reader.importer import import_paths
from reader.library import Library
from reader.reparse import reparse_issue

NOTICE = """钦州市人民政府办公室关于报送2019年统计资料的通知
钦政办〔2019〕9号
各县、区人民政府，市直各委、办、局：
一、各县区于每月5日前报送上月情况。
二、请于6月10日前将年度总结报送市发展改革委。
三、本通知自2019年3月1日起施行。
钦州市人民政府办公室
2019年2月20日
"""

APPOINTMENTS = """钦州市人民政府人事任免
经研究决定：
张三同志任钦州市财政局局长（试用期一年）；
免去李四同志的钦州市审计局副局长职务，退休。
（钦政干〔2019〕7号 2019年3月5日）
"""


@pytest.fixture
def lib(tmp_path: Path):
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "people.txt").write_text(APPOINTMENTS, encoding="utf-8")
    library = Library(tmp_path / "lib")
    import_paths(library, [tmp_path / "notice.txt", tmp_path / "people.txt"])
    yield library
    library.close()


def test_the_import_queues_and_catch_up_reads(lib: Library) -> None:
    assert pending(lib.db.conn) > 0  # the import does not wait for the reading
    assert catch_up(lib.db) > 0
    assert pending(lib.db.conn) == 0
    people = lib.extracts.personnel()
    assert [(r.person, r.action, r.post, r.conditions) for r in people] == [
        ("张三", "任命", "钦州市财政局局长", "试用期一年"),
        ("李四", "免去", "钦州市审计局副局长", None),
    ]
    assert {r.decided for r in people} == {"2019-03-05"}
    assert {r.number for r in people} == {"钦政干〔2019〕7号"}
    assert people[0].organ == "钦州市财政局"
    assert [r.person for r in lib.extracts.personnel(organ="审计局")] == ["李四"]
    tasks = lib.extracts.tasks()
    by_text = {t.due_text: t for t in tasks}
    assert by_text["6月10日前"].due == "2019-06-10"  # the year is the document's
    assert by_text["6月10日前"].recipient == "市发展改革委"
    assert by_text["于每月5日前"].due_kind == "recurring" and by_text["于每月5日前"].recurrence == "monthly:5"
    assert by_text["于每月5日前"].responsible == "各县区"
    assert not any("3月1日" in t.due_text for t in tasks)  # 自…起施行 is no task
    assert [t.due_text for t in lib.extracts.tasks(due_before="2019-07-01")] == ["6月10日前"]
    assert [t.due_text for t in lib.extracts.tasks(unit="发展改革委")] == ["6月10日前"]
    doc = lib.document(tasks[0].document_id)
    assert doc.text[tasks[0].position :].startswith(tasks[0].sentence[:4])  # opens at the sentence


def test_a_done_mark_survives_reparse_reimport_and_a_changed_date(lib: Library, tmp_path: Path) -> None:
    catch_up(lib.db)
    task = next(t for t in lib.extracts.tasks() if t.due_text == "6月10日前")
    assert lib.extracts.set_done(task.id).done
    assert [t.id for t in lib.extracts.tasks(state="done")] == [task.id]
    reparse_issue(lib, task.issue_id)
    import_paths(lib, [tmp_path / "notice.txt"])
    catch_up(lib.db)
    assert [t.id for t in lib.extracts.tasks(state="done")] == [task.id]
    # a correction re-reads the document: the date the limit's year comes from changed
    lib.edits.edit(task.document_id, {"date": "2020-02-20"})
    catch_up(lib.db)
    moved = next(t for t in lib.extracts.tasks() if t.due_text == "6月10日前")
    assert moved.due == "2020-06-10" and moved.done  # the same task, still done
    assert lib.extracts.unplaced() == []


def test_a_mark_whose_task_is_gone_is_kept_and_listed(lib: Library) -> None:
    catch_up(lib.db)
    task = next(t for t in lib.extracts.tasks() if t.due_text == "6月10日前")
    lib.extracts.set_done(task.id)
    with lib.db.conn:  # the text changes under the mark (as a corrected re-import would)
        lib.db.conn.execute(
            "UPDATE documents SET text = replace(text, '6月10日前', '6月20日前') WHERE id = ?",
            (task.document_id,),
        )
    catch_up(lib.db)
    assert [m["key"] for m in lib.extracts.unplaced()] == [task.id]
    assert lib.extracts.marks()[0]["action"] == task.action  # what it said is kept with it
    assert lib.extracts.set_done("t00000000000") is None


def test_csv_opens_in_excel_and_ics_reads_back(lib: Library, tmp_path: Path) -> None:
    catch_up(lib.db)
    tasks = lib.extracts.tasks()
    out = tmp_path / "tasks.csv"
    assert tasks_csv(tasks, out) == len(tasks)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["任务编号", "期限", "期限类型"] and len(rows) == len(tasks) + 1
    people = tmp_path / "people.csv"
    personnel_csv(lib.extracts.personnel(), people)
    assert "张三" in people.read_text("utf-8-sig")

    ics = tmp_path / "tasks.ics"
    written, skipped = tasks_ics(tasks, ics, today=date(2019, 3, 1))
    assert (written, skipped) == (2, 0)
    data = ics.read_bytes()
    assert b"\r\n" in data and all(len(line) <= 75 for line in data.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(data)
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    once = next(e for s, e in events.items() if "年度总结" in s)
    assert once["DTSTART"].dt == date(2019, 6, 10) and not hasattr(once["DTSTART"].dt, "hour")  # all day
    assert once["DTEND"].dt == date(2019, 6, 11)
    assert "钦政办〔2019〕9号" in str(once["DESCRIPTION"])
    monthly = next(e for s, e in events.items() if "上月情况" in s)
    assert monthly["RRULE"]["FREQ"] == ["MONTHLY"] and monthly["RRULE"]["BYMONTHDAY"] == [5]
    assert monthly["DTSTART"].dt == date(2019, 3, 5)  # the first one after the document's date


def test_a_formula_in_a_document_stays_text_in_the_csv(tmp_path: Path) -> None:
    (tmp_path / "n.txt").write_text(
        '关于报送材料的通知\n各单位：\n请于6月10日前将=HYPERLINK("x")报送市政府。\n市政府\n2019年2月20日\n',
        encoding="utf-8",
    )
    with Library(tmp_path / "lib") as lib:
        import_paths(lib, [tmp_path / "n.txt"])
        catch_up(lib.db)
        out = tmp_path / "t.csv"
        tasks_csv(lib.extracts.tasks(), out)
        cells = [c for row in csv.reader(out.read_text("utf-8-sig").splitlines()) for c in row]
        assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_the_json_export_carries_done_marks_and_restores_them(lib: Library, tmp_path: Path) -> None:
    from reader.export import Scope, export
    from reader.export.envelope import import_annotations

    catch_up(lib.db)
    task = lib.extracts.tasks()[0]
    lib.extracts.set_done(task.id)
    out = tmp_path / "notes.json"
    export(lib, Scope(everything=True), "json", out)
    assert [m["key"] for m in json.loads(out.read_text("utf-8"))["task_marks"]] == [task.id]
    with Library(tmp_path / "other") as other:
        import_paths(other, [tmp_path / "notice.txt"])
        report = import_annotations(other, out)
        assert report.task_marks == 1
        catch_up(other.db)
        assert [t.id for t in other.extracts.tasks(state="done")] == [task.id]


def test_a_split_and_a_merge_read_the_documents_again_and_keep_the_marks(lib: Library) -> None:
    catch_up(lib.db)
    task = next(t for t in lib.extracts.tasks() if t.due_text == "6月10日前")
    lib.extracts.set_done(task.id)
    split = lib.edits.split_at_quote(task.document_id, "二、请于")
    catch_up(lib.db)
    moved = next(t for t in lib.extracts.tasks() if t.id == task.id)
    assert moved.document_id == split.new_document_id and moved.done  # it went with its text
    assert moved.due == "2019-06-10"  # the new document keeps the limit's year
    lib.edits.merge(split.new_document_id)
    catch_up(lib.db)
    back = next(t for t in lib.extracts.tasks() if t.id == task.id)
    assert back.document_id == task.document_id and back.done


def test_reindex_rebuilds_the_records_and_keeps_the_marks(lib: Library) -> None:
    from reader.search.indexer import reindex

    catch_up(lib.db)
    before = [(t.id, t.due, t.action) for t in lib.extracts.tasks()]
    lib.extracts.set_done(before[0][0])
    with lib.db.conn:  # the derived rows lost (a damaged table emptied by hand)
        lib.db.conn.execute("DELETE FROM tasks")
        lib.db.conn.execute("DELETE FROM personnel")
    reindex(lib, procs=1)
    assert [(t.id, t.due, t.action) for t in lib.extracts.tasks()] == before
    assert len(lib.extracts.personnel()) == 2
    assert [t.id for t in lib.extracts.tasks(state="done")] == [before[0][0]]
