"""The 目录 as a map: its entries, their 发文字号 and sections, and how they confirm the split."""

from __future__ import annotations

from reader.gazette import parse_gazette
from reader.gazette.lines import clean_lines
from reader.gazette.toc import find_toc, parse_toc, title_similarity, toc_end

TOC = """示例市人民政府公报
2020年第3期
目  录
市政府文件
示例市人民政府关于加强安全生产工作的通知 ……示政发〔2020〕3号(2)
示例市人民政府办公室关于印发示例市数字政府建设
实施方案的通知（示政办〔2020〕5号）……………………（3）
内部情况通报
坚定信心 真抓实干 奋力开创高质量发展新局面……………（4）
人事任免
示例市人民政府人事任免 ……………………（5）
"""

BODY = """示例市人民政府关于进一步加强安全生产工作的通知
示政发〔2020〕3号
各县区人民政府，市直各部门：
现就加强安全生产工作通知如下。
示例市人民政府
2020年3月2日
示例市人民政府办公室关于印发示例市数字政府建设实施方案的通知
示政办〔2020〕5号
各县区人民政府：
现将《示例市数字政府建设实施方案》印发给你们，请认真贯彻执行。
示例市人民政府办公室
2020年3月5日
坚定信心 真抓实干
奋力开创高质量发展新局面
——在市政府第一次全体会议上的讲话
市长 张三
（2020年3月10日）
同志们：
今天召开全体会议，部署全年工作。
示例市人民政府人事任免
经研究决定：
李四同志任示例市发展和改革委员会主任；
免去王五同志的示例市统计局局长职务。
（示政干〔2020〕1号 2020年3月12日）
"""


def _entries(text: str):
    lines, _ = clean_lines(text)
    head, first = find_toc(lines)
    return parse_toc(lines, first, toc_end(lines, head))


def test_entries_keep_their_number_page_and_section() -> None:
    entries = _entries(TOC)
    assert [(e.title, e.number, e.page, e.section) for e in entries] == [
        ("示例市人民政府关于加强安全生产工作的通知", "示政发〔2020〕3号", 2, "市政府文件"),
        (
            "示例市人民政府办公室关于印发示例市数字政府建设实施方案的通知",
            "示政办〔2020〕5号",
            3,
            "市政府文件",
        ),
        ("坚定信心真抓实干奋力开创高质量发展新局面", None, 4, "内部情况通报"),
        ("示例市人民政府人事任免", None, 5, "人事任免"),
    ]


def test_a_toc_without_a_heading_is_found_by_its_leaders() -> None:
    text = TOC.replace("目  录\n", "")
    assert len(_entries(text)) == 4


def test_the_toc_maps_the_split_and_titles_that_differ_by_a_word_still_match() -> None:
    parsed = parse_gazette(TOC + BODY)
    assert [d.title for d in parsed.documents] == [
        "示例市人民政府关于进一步加强安全生产工作的通知",
        "示例市人民政府办公室关于印发示例市数字政府建设实施方案的通知",
        "坚定信心真抓实干奋力开创高质量发展新局面——在市政府第一次全体会议上的讲话",
        "示例市人民政府人事任免",
    ]
    assert all(d.in_toc for d in parsed.documents)
    assert parsed.warnings == []
    speech = parsed.documents[2]
    assert speech.kind == "speech" and speech.date == "2020-03-10"
    assert "今天召开全体会议" in speech.text and "李四" not in speech.text  # the 人事任免 is not swallowed
    assert parsed.documents[3].date is None  # its decision's date is the decision's, below


def test_an_entry_found_nowhere_is_reported() -> None:
    text = TOC.replace("（5）\n", "（5）\n示例市人民政府关于表彰先进集体的决定……………………（6）\n") + BODY
    parsed = parse_gazette(text)
    assert len(parsed.documents) == 4
    assert parsed.warnings == [
        "目录中的“示例市人民政府关于表彰先进集体的决定”未在正文中找到，本期拆分可能不完整"
    ]
    assert parsed.to_dict()["issue"]["warnings"] == parsed.warnings


def test_similarity_tolerates_brackets_quotes_and_a_shortened_title() -> None:
    assert title_similarity("关于印发示例市实施方案的通知", "关于印发示例市实施方案的通知") == 1.0
    assert (
        title_similarity(
            "示例市人民政府关于加强安全生产工作的通知", "示例市人民政府关于进一步加强安全生产工作的通知"
        )
        >= 0.8
    )
    assert title_similarity("关于印发示例市实施方案的通知", "示例市人民政府人事任免") < 0.5
