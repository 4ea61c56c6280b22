"""The background runner without a window: lanes, delivery on the GUI thread, newest wins, and
what a failure becomes (a message for known errors, a logged traceback for bugs)."""

from __future__ import annotations

import errno
import threading

import pytest
from PySide6.QtCore import QThread

from reader.errors import LibraryError
from reader.logfile import log_path
from reader.models.runner import Runner


@pytest.fixture
def runner(qapp):
    r = Runner()
    yield r
    r.shutdown(wait=10)


def _collect(qtbot, runner: Runner, submit, n: int = 1, timeout: int = 10000) -> list:
    got: list = []
    for _ in range(n):
        submit(got)
    qtbot.waitUntil(lambda: len(got) == n, timeout=timeout)
    return got


def test_results_arrive_on_the_gui_thread(qtbot, runner: Runner) -> None:
    gui = QThread.currentThread()
    seen: dict = {}

    def work(_task):
        seen["worker"] = threading.current_thread().name
        return 42

    def done(value):
        seen["done_on_gui"] = QThread.currentThread() is gui
        seen["value"] = value

    runner.read("answer", work, done=done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen == {"worker": seen["worker"], "done_on_gui": True, "value": 42}
    assert seen["worker"].startswith("read")


def test_the_write_lane_runs_one_call_at_a_time_in_order(qtbot, runner: Runner) -> None:
    inside, overlaps = [0], []
    lock = threading.Lock()

    def work_for(n):
        def work(_task):
            with lock:
                inside[0] += 1
                overlaps.append(inside[0])
            threading.Event().wait(0.01)  # long enough for a second thread to overlap, if any ran
            with lock:
                inside[0] -= 1
            return n

        return work

    got = []
    for n in range(8):
        runner.write(f"write {n}", work_for(n), done=got.append)
    qtbot.waitUntil(lambda: len(got) == 8, timeout=10000)
    assert got == list(range(8)) and max(overlaps) == 1


def test_only_the_newest_request_of_a_kind_is_answered(qtbot, runner: Runner) -> None:
    gate = threading.Event()
    ran: list[int] = []
    answered: list[int] = []

    def work_for(n):
        def work(_task):
            if n == 0:
                gate.wait(5)  # the first one is running while the others queue up
            ran.append(n)
            return n

        return work

    for n in range(5):
        runner.lane("search", f"q{n}", work_for(n), done=answered.append, newest="query")
    gate.set()
    qtbot.waitUntil(lambda: 4 in ran, timeout=5000)
    qtbot.waitUntil(lambda: answered == [4], timeout=5000)
    assert ran == [0, 4]  # 1–3 were moot before they started; 0 ran but its answer was dropped


def test_progress_and_cancel(qtbot, runner: Runner) -> None:
    steps: list[tuple] = []
    started = threading.Event()

    def work(task):
        n = 0
        started.set()
        while not task.cancelled() and n < 10_000:
            n += 1
            task.progress(n, 10_000, f"file {n}")
            threading.Event().wait(0.001)
        return n

    result: list[int] = []
    task = runner.write("import", work, done=result.append, progress=lambda *a: steps.append(a))
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(steps) >= 3, timeout=5000)
    task.cancel()
    qtbot.waitUntil(lambda: bool(result), timeout=5000)
    assert result[0] < 10_000 and steps[0] == (1, 10_000, "file 1")
    assert not task.running()


def test_a_known_error_is_shown_as_it_stands(qtbot, runner: Runner) -> None:
    """The core's words, after what failed in the interface's language (here English)."""

    def work(_task):
        raise LibraryError("资料库被另一程序锁定")

    [message] = _collect(qtbot, runner, lambda got: runner.write("w", work, failed=got.append))
    assert message == "The library cannot be used (资料库被另一程序锁定)"


def test_an_environment_error_is_said_in_words(qtbot, runner: Runner) -> None:
    def work(_task):
        raise OSError(errno.ENOSPC, "No space left on device")

    [message] = _collect(qtbot, runner, lambda got: runner.read("r", work, failed=got.append, doing="导出"))
    assert message == "导出失败：磁盘已满"


def test_a_bug_is_logged_with_its_traceback_and_shown_as_an_internal_error(
    qtbot, runner: Runner, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("GONGBAO_CACHE_DIR", str(tmp_path / "cache"))

    def buggy_helper(_task):
        return len(None)  # type: ignore[arg-type]

    [message] = _collect(
        qtbot, runner, lambda got: runner.read("r", buggy_helper, failed=got.append, doing="导出")
    )
    assert "TypeError" in message and "内部错误" in message and str(log_path()) in message
    assert "object of type 'NoneType' has no len()" not in message  # the user is not shown the bug
    log = log_path().read_text(encoding="utf-8")
    assert "Traceback" in log and "buggy_helper" in log and "TypeError" in log


def test_shutdown_lets_a_running_call_finish_and_delivers_nothing_after(qtbot, qapp) -> None:
    runner = Runner()
    started, finished = threading.Event(), threading.Event()
    delivered: list = []

    def work(_task):
        started.set()
        threading.Event().wait(0.2)
        finished.set()
        return "written"

    runner.read("export", work, done=delivered.append)
    assert started.wait(5)
    runner.shutdown(wait=10)
    assert finished.is_set()  # an export is finished, never cut short
    qapp.processEvents()
    assert delivered == []  # the window is gone: nobody to tell
    late = runner.write("late", lambda _t: 1, done=delivered.append)
    assert not late.running() and delivered == []


def test_a_result_for_a_closed_dialog_is_dropped(qtbot, runner: Runner) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    gate = threading.Event()
    runner.read("backup", lambda _t: gate.wait(5) and "done", done=label.setText)
    label.deleteLater()
    qtbot.waitUntil(lambda: not _alive(label), timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)  # delivered to nobody, no crash


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
