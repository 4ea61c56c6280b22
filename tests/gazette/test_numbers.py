"""发文字号 recognition and its normalised key."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.gazette.numbers import find_numbers, number_key, number_line, parse_number

VARIANTS = [
    "钦政办〔2019〕5号",
    "钦政办〔2019〕5 号",
    "钦政办[2019]5号",
    "钦政办（2019）5号",
    "钦政办 2019 5号",
    "钦政办(2019)5号",
    "钦政办【2019】5号",
    "钦政办〔２０１９〕５号",
    " 钦政办 〔 2019 〕 5 号 ",
]


def test_all_spellings_share_one_key_and_display() -> None:
    keys = {number_key(v) for v in VARIANTS}
    assert keys == {"钦政办|2019|5"}
    assert {parse_number(v).display for v in VARIANTS} == {"钦政办〔2019〕5号"}


def test_different_numbers_differ() -> None:
    assert number_key("钦政办〔2019〕5号") != number_key("钦政办〔2019〕50号")
    assert number_key("钦政办〔2019〕5号") != number_key("钦政发〔2019〕5号")
    assert number_key("钦政办〔2019〕5号") != number_key("钦政办〔2018〕5号")


def test_number_line_accepts_only_standalone_numbers() -> None:
    assert number_line("钦政发〔2019〕1号").display == "钦政发〔2019〕1号"
    assert number_line("（钦政办〔2019〕7号）").display == "钦政办〔2019〕7号"
    assert number_line("桂政发〔2019〕2号  签发人：张三") is not None
    assert number_line("(钦政发〔2019〕1号) (3)") is None  # a 目录 entry with its page
    assert number_line("根据钦政发〔2019〕1号文件精神，现通知如下：") is None
    assert number_line("（钦政干〔2019〕1 号 2019 年 1 月 24 日）") is None


def test_numbers_in_prose_drop_the_lead_in_words() -> None:
    found = [n.display for _, _, n in find_numbers("依据国发〔2018〕35号和（桂政发〔2018〕50号）精神")]
    assert found == ["国发〔2018〕35号", "桂政发〔2018〕50号"]


ORG = st.text(alphabet="钦玉桂政办发规干市自然资建电", min_size=2, max_size=6)
OPEN_CLOSE = st.sampled_from([("〔", "〕"), ("[", "]"), ("（", "）"), ("(", ")"), ("【", "】")])


@given(
    org=ORG,
    year=st.integers(1990, 2099),
    seq=st.integers(1, 9999),
    brackets=OPEN_CLOSE,
    sp1=st.sampled_from(["", " "]),
    sp2=st.sampled_from(["", " "]),
)
def test_key_is_invariant_under_brackets_and_spaces(org, year, seq, brackets, sp1, sp2) -> None:
    o, c = brackets
    canonical = f"{org}〔{year}〕{seq}号"
    variant = f"{org}{sp1}{o}{year}{c}{sp2}{seq}{sp2}号"
    assert number_key(variant) == number_key(canonical) == f"{org}|{year}|{seq}"
