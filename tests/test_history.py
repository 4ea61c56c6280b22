"""Navigation history without Qt: the browser rules a reader expects from Alt+← and Alt+→."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.history import History


def test_back_and_forward_retrace_the_visits() -> None:
    h: History[str] = History()
    assert h.back("a") is None and not h.can_go_back  # nothing to go back to: here stays
    h.visit("a")  # a → b
    h.visit("b")  # b → c
    assert h.back("c") == "b"
    assert h.back("b") == "a"
    assert h.back("a") is None
    assert h.forward("a") == "b" and h.forward("b") == "c"
    assert not h.can_go_forward


def test_a_new_visit_after_going_back_drops_the_forward_places() -> None:
    h: History[str] = History()
    h.visit("a")
    h.visit("b")
    assert h.back("c") == "b"
    h.visit("b")  # from b to somewhere new: c is no longer ahead
    assert not h.can_go_forward and h.back("d") == "b"


def test_the_history_keeps_at_most_its_limit() -> None:
    h: History[int] = History(limit=3)
    for n in range(10):
        h.visit(n)
    assert [h.back(None) for _ in range(4)] == [9, 8, 7, None]


@given(st.lists(st.sampled_from(["visit", "back", "forward"]), max_size=40))
def test_back_then_forward_returns_to_the_same_place(steps: list[str]) -> None:
    """Whatever the reader did before, one step back and one forward lands where they were."""
    h: History[int] = History()
    here = 0
    for n, step in enumerate(steps, start=1):
        if step == "visit":
            h.visit(here)
            here = n
        else:
            dest = h.back(here) if step == "back" else h.forward(here)
            here = here if dest is None else dest
    if h.can_go_back:
        before = here
        there = h.back(here)
        assert there is not None and h.forward(there) == before
