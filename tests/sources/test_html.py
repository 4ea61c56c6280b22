"""Saved web pages: the corpus-web 公文 as a 政府信息公开 page (menus, breadcrumb, share buttons,
scripts, a metadata block) and as MHT import with the site's metadata and the article alone."""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

import pytest

from reader.importer import import_paths
from reader.library import Library
from tests.conftest import SHARED, requires_shared

WEB = SHARED / "corpus-web"


def _gold() -> list[dict]:
    if not (WEB / "gold.json").exists():
        return []
    return json.loads((WEB / "gold.json").read_text("utf-8"))["documents"]


def page_of(text: str, gold: dict) -> str:
    lines = [x for x in text.splitlines() if x.strip()]
    title, seen = re.sub(r"\s+", "", gold["title"]), ""
    while lines and seen != title and title.startswith(seen + re.sub(r"\s+", "", lines[0])):
        seen += re.sub(r"\s+", "", lines.pop(0))  # the title's lines: the page prints it as its h1
    body = "".join(f"<p>{htmllib.escape(x)}</p>\n" for x in lines)
    number = gold["number"] or ""
    date = gold["date"] or ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{htmllib.escape(gold["title"])}_政府信息公开</title>
<script>document.write("脚本写的字");</script><style>p {{ color: red }}</style></head>
<body><div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hd">互动交流</a></div>
<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 政策文件</div>
<table class="meta"><tr><td>索引号：</td><td>11450700-2019-00012</td><td>主题分类：</td><td>综合政务</td></tr>
<tr><td>发文机关：</td><td>{htmllib.escape(gold["issuer"] or "")}</td><td>成文日期：</td><td>{date}</td></tr>
<tr><td>发文字号：</td><td>{htmllib.escape(number)}</td><td>发布日期：</td><td>{date}</td></tr></table>
<div class="article"><h1>{htmllib.escape(gold["title"])}</h1>
{body}<p>附件：<a href="/files/fj1.docx">附件1.办事指南</a></p></div>
<div class="tools">【字体：大 中 小】 打印本页 关闭窗口 分享到：微信 微博</div>
<div class="foot">返回顶部 网站地图 版权所有</div></body></html>"""


@requires_shared
@pytest.mark.parametrize("gold", _gold(), ids=lambda g: g["file"])
def test_a_saved_page_reads_with_the_sites_metadata(gold: dict, tmp_path: Path) -> None:
    text = (WEB / "docs" / gold["file"]).read_text("utf-8")
    f = tmp_path / (Path(gold["file"]).stem + ".html")
    f.write_text(page_of(text, gold), encoding="utf-8")
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [f])
        assert outcome.ok and outcome.format == "html", outcome.reason
        [summary] = lib.documents(issue_id=outcome.issue_id)
        doc = lib.document(summary.id)
        assert re.sub(r"\s+", "", doc.title) == re.sub(r"\s+", "", gold["title"])
        assert doc.number == gold["number"] and doc.date == gold["date"]
        if gold["issuer"]:
            assert doc.issuer == gold["issuer"]
        for chrome in ("当前位置", "返回顶部", "分享到", "脚本写的字", "索引号", "互动交流"):
            assert chrome not in doc.text
        assert "附件1.办事指南" in doc.attachments


def test_an_mht_page_keeps_where_it_came_from(tmp_path: Path) -> None:
    gold = {
        "title": "钦州市人民政府关于报送材料的通知",
        "number": "钦政发〔2019〕9号",
        "issuer": "钦州市人民政府",
        "date": "2019-02-20",
    }
    body = "各县、区人民政府：\n请于6月10日前将年度总结报送市发展改革委。\n钦州市人民政府\n2019年2月20日"
    page = page_of(gold["title"] + "\n" + body, gold).encode("utf-8")
    import base64

    mht = (
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.qinzhou.gov.cn/zwgk/t1.html\r\n"
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n--b1\r\n'
        b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Location: http://www.qinzhou.gov.cn/zwgk/t1.html\r\n\r\n"
        + base64.encodebytes(page)
        + b"\r\n--b1--\r\n"
    )
    f = tmp_path / "通知.mht"
    f.write_bytes(mht)
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [f])
        assert outcome.ok, outcome.reason
        [summary] = lib.documents(issue_id=outcome.issue_id)
        doc = lib.document(summary.id)
        assert (doc.title, doc.number, doc.date) == (gold["title"], gold["number"], gold["date"])
        assert "来源网址：http://www.qinzhou.gov.cn/zwgk/t1.html" in lib.issue(outcome.issue_id).warnings


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "deep.html",
            "<div>" * 20000 + "钦州市人民政府关于报送材料的通知<p>请于6月10日前报送。</p>" + "</div>" * 20000,
        ),
        (
            "entities.html",
            "<h1>关于报送的通知</h1><p>&lt;script&gt;alert(1)&lt;/script&gt; 请于6月10日前报送。&#x26;&amp;</p>",
        ),
        (
            "script.html",
            "<h1>关于报送的通知</h1><script>while(true){}</script><p>请于6月10日前报送。<img src=x onerror=alert(1)></p>",
        ),
    ],
)
def test_a_hostile_page_is_data(name: str, content: str, tmp_path: Path) -> None:
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [f])
        assert outcome.ok or outcome.category in ("corrupt", "empty"), outcome.reason
        if outcome.ok and name != "deep.html":
            doc = lib.document(lib.documents(issue_id=outcome.issue_id)[0].id)
            assert "while(true)" not in doc.text and "onerror" not in doc.text
            if name == "entities.html":
                assert "<script>alert(1)</script>" in doc.text  # an escaped tag is the page's words


def test_an_empty_page_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "empty.html"
    f.write_text(
        "<html><head><script>x()</script></head><body><nav>首页</nav></body></html>", encoding="utf-8"
    )
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [f])
        assert not outcome.ok and outcome.category == "empty"


def test_a_saved_page_is_split_again_from_its_stored_original(tmp_path: Path) -> None:
    from reader.reparse import reparse_issue

    gold = {
        "title": "钦州市人民政府关于报送材料的通知",
        "number": "钦政发〔2019〕9号",
        "issuer": "钦州市人民政府",
        "date": "2019-02-20",
    }
    f = tmp_path / "t1.htm"
    f.write_text(
        page_of(gold["title"] + "\n各县、区人民政府：\n请于6月10日前报送。\n2019年2月20日", gold),
        encoding="utf-8",
    )
    with Library(tmp_path / "lib") as lib:
        [outcome] = import_paths(lib, [f])
        result = reparse_issue(lib, outcome.issue_id)
        assert result.reason is None
        doc = lib.document(lib.documents(issue_id=outcome.issue_id)[0].id)
        assert (doc.number, doc.issuer) == (gold["number"], gold["issuer"])  # the site's block again
