"""Refresh the Qt translation sources and compile them: ``python tools/i18n.py``.

Runs ``pyside6-lupdate`` over the Qt layers (``reader/ui``, ``reader/models``) into
``resources/translations/gongbao_zh_CN.ts``, fills in translations listed in ``ZH`` below for
new strings (edit the .ts with Qt Linguist for anything else), then ``pyside6-lrelease``.
The compiled ``.qm`` is committed so that running the app needs no Qt tools.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "gongbao_zh_CN.ts"

ZH = {
    "Gongbao Reader": "公报阅读器",
    "Select a document to read it.": "选择一篇文档即可阅读。",
    "&File": "文件(&F)",
    "Import &Files…": "导入文件(&F)…",
    "Import F&older…": "导入文件夹(&O)…",
    "Import the &Sample Issue": "导入示例公报(&S)",
    "&Quit": "退出(&Q)",
    "%n document(s)": "%n 篇文档",
    "read-only library": "只读资料库",
    "Welcome": "欢迎使用",
    "Your library is empty.\n\nImport the sample gazette issue to try the reader? You can import your own "
    "files any time from the File menu or by dropping them here.": (
        "资料库还是空的。\n\n要导入一期示例公报来试用吗？以后随时可以从“文件”菜单导入，或把文件拖到窗口里。"
    ),
    "Import Gazette Files": "导入公报文件",
    "Gazettes (*.txt *.md *.pdf);;All files (*)": "公报 (*.txt *.md *.pdf);;所有文件 (*)",
    "Import a Folder of Gazettes": "导入公报文件夹",
    "Importing…": "正在导入…",
    "Cancel": "取消",
    "Import": "导入",
    "Importing %1": "正在导入 %1",
    "Imported %1, already present %2, failed %3.": "导入 %1 个，已存在 %2 个，失败 %3 个。",
    "Some files were not imported": "部分文件未能导入",
    "Title": "标题",
    "Number": "发文字号",
    "Issuer": "发文机关",
    "Date": "成文日期",
    "Kind": "文种",
    "Issue": "所在期刊",
}


def main() -> int:
    sources = sorted(str(p) for d in ("reader/ui", "reader/models") for p in (ROOT / d).glob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-no-obsolete", "-ts", str(TS)], check=True, cwd=ROOT)
    tree = ET.parse(TS)
    missing = []
    for msg in tree.iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        if tr is None:
            continue
        if source in ZH:
            if msg.get("numerus") == "yes":
                tr.clear()
                ET.SubElement(tr, "numerusform").text = ZH[source]
            else:
                tr.text = ZH[source]
            tr.attrib.pop("type", None)
        elif tr.get("type") == "unfinished":
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True, cwd=ROOT)
    for m in missing:
        print(f"untranslated: {m!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
