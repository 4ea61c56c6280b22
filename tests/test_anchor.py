"""Anchoring: properties (Hypothesis) and the cases a corrected gazette produces."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.anchoring import make_anchor, nth_occurrence, reanchor

# Gazette-like text: common Han characters and punctuation, so random text is not repetitive.
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
TEXT = st.text(
    alphabet=st.one_of(HAN, st.sampled_from("，。；：、（）0123456789\n")), min_size=0, max_size=300
)
QUOTE = st.text(alphabet=HAN, min_size=8, max_size=40)


@given(before=TEXT, quote=QUOTE, after=TEXT, new_before=TEXT, new_after=TEXT)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_unchanged_quote_is_always_reattached_to_it(before, quote, after, new_before, new_after) -> None:
    """Edits around the quote (insertions, deletions, replacements) never lose it."""
    old = before + quote + after
    anchor = make_anchor(old, len(before), len(before) + len(quote))
    new = new_before + quote + new_after
    placed = reanchor(anchor, new)
    assert placed is not None
    assert new[placed.start : placed.end] == quote


@given(before=TEXT, quote=QUOTE, after=TEXT)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_deleted_quote_becomes_an_orphan(before, quote, after) -> None:
    old = before + quote + after
    new = before + after
    assume(quote not in new)
    # nothing close to the quote may remain either (random text could contain a near copy)
    assume(all(quote[i : i + 4] not in new for i in range(0, len(quote) - 3)))
    anchor = make_anchor(old, len(before), len(before) + len(quote))
    assert reanchor(anchor, new) is None


LONG_QUOTE = st.text(alphabet=HAN, min_size=20, max_size=40)  # drawn long, not filtered (health check)


@given(before=TEXT, quote=LONG_QUOTE, after=TEXT, at=st.integers(0, 39), ch=HAN)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_typo_fixed_inside_a_long_quote_is_found(before, quote, after, at, ch) -> None:
    at = at % len(quote)
    fixed = quote[:at] + ch + quote[at + 1 :]
    anchor = make_anchor(before + quote + after, len(before), len(before) + len(quote))
    new = before + fixed + after
    assume(quote not in new)  # if the exact quote is still there, re-attaching to it is right
    assume(new.count(fixed) == 1)  # a corrected passage repeated verbatim is ambiguous by nature
    placed = reanchor(anchor, new)
    assert placed is not None
    assert abs(placed.start - len(before)) <= 2 and abs(placed.end - (len(before) + len(fixed))) <= 2


@given(
    before=TEXT,
    ch=st.sampled_from("一二〇"),
    n=st.integers(20, 40),
    after=TEXT,
    at=st.integers(0, 39),
    typo=HAN,
)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_typo_in_a_quote_of_one_repeated_character_is_placed_by_context(before, ch, n, after, at, typo):
    """Every 4-gram of 一一一… is the same: votes cannot say where it stood; its context can.

    Found by Hypothesis on a fresh clone (20 × 一 with one typo came back as an orphan)."""
    quote = ch * n
    at %= n
    fixed = quote[:at] + typo + quote[at + 1 :]
    new = before + fixed + after
    assume(quote not in new and new.count(fixed) == 1)
    placed = reanchor(make_anchor(before + quote + after, len(before), len(before) + n), new)
    assert placed is not None
    assert abs(placed.start - len(before)) <= 2 and abs(placed.end - (len(before) + n)) <= 2


def test_edits_inside_a_quote_beyond_recognition_orphan_it() -> None:
    old = "第一段。各县区要在6月10日前报送消费扶贫数据。第二段。"
    anchor = make_anchor(old, old.index("各县区"), old.index("。第二段"))
    assert reanchor(anchor, "第一段。全新的内容完全不同，毫无关系。第二段。") is None


def test_duplicates_are_told_apart_by_context() -> None:
    old = "甲单位负责落实。乙单位负责落实。丙单位负责落实。"
    start = old.index("乙单位") + 3
    anchor = make_anchor(old, start, start + 4)  # the second 负责落实
    new = "前言插入一段。" + old
    placed = reanchor(anchor, new)
    assert placed.method == "quote" and new[placed.start - 3 : placed.start] == "乙单位"


def test_width_and_spacing_changes_are_normalised() -> None:
    old = "报送时间为2019年6月10日前"
    anchor = make_anchor(old, 5, len(old))
    new = "报送时间为２０１９年 ６ 月 １０ 日前"
    placed = reanchor(anchor, new)
    assert placed.method == "normalized" and new[placed.start : placed.end].endswith("日前")


def test_offsets_are_used_when_the_quote_did_not_move() -> None:
    text = "一二三四五六七八九十"
    assert reanchor(make_anchor(text, 2, 5), text).method == "offset"


def test_nth_occurrence() -> None:
    assert nth_occurrence("负责负责负责", "负责", 2) == (2, 4)
    assert nth_occurrence("负责", "负责", 2) is None
