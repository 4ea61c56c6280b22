"""Text offsets ↔ PDF positions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.pagemap import build_page_map, join_pages, offset_at, page_at, page_of_line, position_at


def test_join_pages_records_where_each_page_starts() -> None:
    text, first = join_pages(["a\nb", "c\n", "", "d"])
    assert text == "a\nb\nc\n\nd\n"
    assert first == [1, 3, 4, 5]
    assert [page_of_line(first, n) for n in (1, 2, 3, 4, 5)] == [0, 0, 1, 2, 3]


def test_build_page_map_compresses_runs() -> None:
    assert build_page_map([(0, 1), (10, 2), (20, 3), (30, 5)], [1, 3, 5]) == [[0, 0], [20, 1], [30, 2]]


@given(
    pages=st.lists(st.integers(1, 400), min_size=1, max_size=30),
    data=st.data(),
)
def test_positions_round_trip_to_the_same_page(pages: list[int], data) -> None:
    page_map, offset = [], 0
    for p, length in enumerate(pages):
        page_map.append([offset, p])
        offset += length
    total = offset
    off = data.draw(st.integers(0, total - 1))
    pos = position_at(page_map, off, total)
    assert int(pos) == page_at(page_map, off)
    back = offset_at(page_map, pos, total)
    assert page_at(page_map, back) == page_at(page_map, off)
    assert abs(back - off) <= 1
