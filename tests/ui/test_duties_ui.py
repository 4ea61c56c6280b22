"""The 人事 and 待办 views on a real window and library (钦州 2019年第9期 imported by the window)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar
from PySide6.QtCore import Qt

from reader.models.duties import DONE, OVERDUE, bucket_name


def _loaded(qtbot, view) -> None:
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=30000)


def test_the_personnel_view_finds_people_and_opens_at_the_sentence(qtbot, issue_window) -> None:
    w, _lib = issue_window
    w.actions_by_name["personnel_view"].trigger()
    view = w.duties.personnel_view
    _loaded(qtbot, view)
    assert view.windowTitle() == "Appointments and Removals"
    people = {r.person for r in view.model.records}
    assert {"李知仲", "杨劲松", "张绪东"} <= people
    view.post.setText("投资促进局")
    qtbot.waitUntil(lambda: {r.person for r in view.model.records} == {"杨劲松", "张绪东"}, timeout=5000)
    row = next(i for i, r in enumerate(view.model.records) if r.person == "杨劲松")
    record = view.model.records[row]
    assert (
        record.action == "任命" and record.decided == "2019-12-16" and record.number == "钦政干〔2019〕24号"
    )
    view.table.selectRow(view.proxy.mapFromSource(view.model.index(row, 0)).row())
    view.show_history()  # one person across the library
    qtbot.waitUntil(lambda: {r.person for r in view.model.records} == {"杨劲松"}, timeout=5000)
    view.table.activated.emit(view.proxy.index(0, 1))
    assert w.pane.doc.id == record.document_id
    assert "杨劲松" in w.pane.doc.text[record.position : record.position + 40]


def test_the_to_do_view_buckets_marks_done_and_exports_a_calendar(
    qtbot, issue_window, tmp_path: Path
) -> None:
    w, lib = issue_window
    w.duties.today = date(2019, 12, 20)  # the week the issue came out
    w.actions_by_name["tasks_view"].trigger()
    view = w.duties.tasks_view
    _loaded(qtbot, view)
    model = view.model
    buckets = {b for b, _due in model.buckets}
    assert OVERDUE not in buckets or all(
        d and d < date(2019, 12, 20) for b, d in model.buckets if b == OVERDUE
    )
    assert DONE not in buckets  # done ones hidden by default
    col = {name: i for i, name in enumerate(model.COLUMNS)}
    first = model.tasks[0]
    assert model.data(model.index(0, col["bucket"])) in {bucket_name(b) for b in range(5)}
    # one bucket at a time
    later = next(b for b, _d in reversed(model.buckets))  # the last bucket the list shows
    view.when.setCurrentIndex(view.when.findData(later))
    qtbot.waitUntil(lambda: model.rowCount() > 0 and all(b == later for b, _d in model.buckets), timeout=5000)
    assert first.id not in {t.id for t in model.tasks} or model.buckets[0][0] == later
    view.when.setCurrentIndex(0)
    qtbot.waitUntil(lambda: model.tasks and model.tasks[0].id == first.id, timeout=5000)
    # mark it done with its box: written by the library, the row leaves the open list
    model.setData(model.index(0, col["done"]), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: first.id not in {t.id for t in model.tasks}, timeout=10000)
    assert [t.id for t in lib.extracts.tasks(state="done")] == [first.id]
    view.show_done.setChecked(True)
    qtbot.waitUntil(lambda: any(t.id == first.id and t.done for t in model.tasks), timeout=5000)
    # the user's own unit filters and is remembered
    unit = next(t.responsible for t in model.tasks if t.responsible)
    view.unit.setText(unit[:6])
    qtbot.waitUntil(
        lambda: all(unit[:6] in (t.responsible or "") + (t.recipient or "") for t in model.tasks),
        timeout=5000,
    )
    assert w.settings.extra["my_unit"] == unit[:6]
    view.unit.clear()
    view.show_done.setChecked(False)
    qtbot.waitUntil(
        lambda: first.id not in {t.id for t in model.tasks} and model.rowCount() > 1, timeout=5000
    )
    out = tmp_path / "todo.ics"
    w.duties.export_tasks("ics", out)
    qtbot.waitUntil(lambda: "Exported" in w.last_notice, timeout=10000)
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert events and all(not hasattr(e["DTSTART"].dt, "hour") for e in events)
    assert f"{first.id}@gongbao-reader" not in {str(e["UID"]) for e in events}  # done: not on the calendar
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(events[0]["SUMMARY"]))
    # a row opens its document at the sentence
    view.table.activated.emit(view.proxy.index(0, col["action"]))
    opened = model.tasks[view.proxy.mapToSource(view.proxy.index(0, 0)).row()]
    assert w.pane.doc.id == opened.document_id
