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
    "Your library is empty.\n\nImport the sample gazette issue to try the reader, or a folder of your own gazettes? You can import files any time from the File menu or by dropping them here.": "资料库还是空的。\n\n要导入示例公报试用，还是导入您自己的公报文件夹？以后也可以随时从“文件”菜单导入，或直接把文件拖到窗口里。",
    "Import the sample issue": "导入示例公报",
    "Import a folder…": "导入文件夹…",
    "Later": "以后再说",
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
    "Find in document": "在文档中查找",
    "Previous (Shift+F3)": "上一个 (Shift+F3)",
    "Next (F3)": "下一个 (F3)",
    "Close (Esc)": "关闭 (Esc)",
    "No matches": "无匹配",
    "%1 of %2": "第 %1 / %2 处",
    "By issue": "按期刊分组",
    "By date, newest first": "按日期，最新在前",
    "By date, oldest first": "按日期，最早在前",
    "All cities": "全部城市",
    "All years": "全部年份",
    "All kinds": "全部文种",
    "All issuers": "全部发文机关",
    "No text layer: pages only, not searchable": "无文本层：只能按页面阅读，不能搜索",
    "Library": "资料库",
    "Outline": "目录结构",
    "&Find in Document…": "在文档中查找(&F)…",
    "Find &Next": "查找下一个(&N)",
    "Find &Previous": "查找上一个(&P)",
    "&Text / Page View": "文字/原版视图(&T)",
    "Zoom &In": "放大(&I)",
    "Zoom &Out": "缩小(&O)",
    "Fit &Width": "适合宽度(&W)",
    "Fit &Page": "适合页面(&P)",
    "&Back": "后退(&B)",
    "&Forward": "前进(&F)",
    "&About Gongbao Reader": "关于公报阅读器(&A)",
    "&Edit": "编辑(&E)",
    "&View": "视图(&V)",
    "&Go": "转到(&G)",
    "&Help": "帮助(&H)",
    "&Recent Documents": "最近阅读(&R)",
    "T&heme": "主题(&H)",
    "Light": "浅色",
    "Sepia": "护眼（米黄）",
    "Dark": "深色",
    "&Language": "界面语言(&L)",
    "Language": "界面语言",
    "The new language applies after a restart.": "重新启动后使用新的界面语言。",
    "No text layer: this document can be read as pages only.": "无文本层：此文档只能按页面阅读。",
    "Open link": "打开链接",
    "Open this address in your browser?\n\n%1": "要在浏览器中打开这个地址吗？\n\n%1",
    "About Gongbao Reader": "关于公报阅读器",
    "Gongbao Reader %1\n\nAn offline reader for government gazettes.\nLicensed under the GNU AGPL v3 or later.": "公报阅读器 %1\n\n离线阅读、批注和检索政府公报。\n以 GNU AGPL v3 或更高版本许可发布。",
    "&Settings…": "设置(&S)…",
    "Settings": "设置",
    "Theme": "主题",
    "Text size (pt)": "文字大小（磅）",
    "Colour meanings…": "颜色含义…",
    "Highlight colours": "高亮颜色",
    "Change…": "更改…",
    "Library folder": "资料库文件夹",
    "Chosen on the command line (--library) for this session.": "本次由命令行（--library）指定。",
    "Portable mode: the library is kept beside the program.": "便携模式：资料库保存在程序旁边。",
    "A new folder is used from the next start.": "更换的文件夹在下次启动时生效。",
    "The library folder changes at the next start.": "资料库文件夹将在下次启动时更换。",
    "Password required": "需要密码",
    "%1 is encrypted. Enter its password to import it:": "%1 已加密。请输入打开密码以导入（密码不会被保存）：",
    "Page %1 cannot be shown: %2": "第 %1 页无法显示：%2",
    "Loading page %1…": "正在加载第 %1 页…",
    "Switch between text and page view (Ctrl+Shift+V)": "在文字视图和原版页面视图之间切换 (Ctrl+Shift+V)",
    "Zoom out (Ctrl+-)": "缩小 (Ctrl+-)",
    "Zoom in (Ctrl++)": "放大 (Ctrl++)",
    "Fit width": "适合宽度",
    "Fit page": "适合页面",
    "Page view": "原版页面",
    "Text view": "文字视图",
    "This document has no text layer. Switch to the page view to read it.": "此文档没有文本层，请切换到原版页面视图阅读。",
    "&Highlight Selection": "高亮所选文字(&H)",
    "Highlight and &Note…": "高亮并批注(&N)…",
    "&Copy as Citation": "复制为引文(&C)",
    "All &Highlights and Notes…": "全部高亮与批注(&H)…",
    "&Tags…": "标签管理(&T)…",
    "&Tools": "工具(&T)",
    "&Undo": "撤销(&U)",
    "&Redo": "重做(&R)",
    "Annotations": "批注",
    "Select some text first.": "请先选中一段文字。",
    "Citation copied.": "引文已复制。",
    "Highlight": "高亮",
    "Copy as citation": "复制为引文",
    "Edit note…": "编辑批注…",
    "Colour": "颜色",
    "Delete highlight": "删除高亮",
    "Change colour": "更改颜色",
    "Edit note": "编辑批注",
    "Edit document note": "编辑文档批注",
    "Edit tags": "编辑标签",
    "Rename tag": "重命名标签",
    "Delete tag": "删除标签",
    "A note on the whole document": "对整篇文档的批注",
    "Tags, separated by commas": "标签，用逗号分隔",
    "Document": "文档",
    "Note": "批注",
    "Tags": "标签",
    "Selected highlight": "选中的高亮",
    "Why this matters (line breaks and - lists are kept)": "为什么重要（可换行，可用 - 列表）",
    "Select text and press Ctrl+H to highlight it.": "选中文字后按 Ctrl+H 即可高亮。",
    "All colours": "全部颜色",
    "All tags": "全部标签",
    "cannot be placed": "无法定位",
    "Tag": "标签",
    "Documents": "文档数",
    "Highlights": "高亮数",
    "Rename or merge…": "重命名或合并…",
    "Delete": "删除",
    "New name (an existing tag merges):": "新名称（与已有标签同名则合并）：",
    "Remove the tag “%1” everywhere? (Undo brings it back.)": "要从所有文档和高亮中去掉标签“%1”吗？（可撤销）",
    "All highlights and notes": "全部高亮与批注",
    "Search quotes and notes": "搜索原文和批注",
    "Made between": "创建日期介于",
    "All issues": "全部期刊",
    "%n highlight(s)": "%n 条高亮",
    "&Colour Meanings…": "颜色含义(&C)…",
    "Colour meanings": "颜色含义",
    "What each highlight colour means to you:": "每种高亮颜色代表的含义：",
    "Search": "检索",
    "&Search the Library…": "全文检索(&S)…",
    "Indexing %1 / %2": "正在建立索引 %1 / %2",
    "Search index up to date": "检索索引已是最新",
    "&Export Notes…": "导出批注(&E)…",
    "Import Notes from &JSON…": "从 JSON 导入批注(&J)…",
    "&Print Document…": "打印文档(&P)…",
    "Print No&tes…": "打印批注(&T)…",
    "Exporting…": "正在导出…",
    "Exported %1 highlights to %2": "已导出 %1 处批注到 %2",
    "Import notes": "导入批注",
    "Imported notes: %1 added, %2 restored, %3 already here": "已导入批注：新增 %1，恢复 %2，已存在 %3",
    "Print preview": "打印预览",
    "Notice": "通知",
    "Opinion": "意见",
    "Decision": "决定",
    "Resolution": "决议",
    "Public notice": "通告",
    "Circular": "通报",
    "Official reply": "批复",
    "Request": "请示",
    "Report": "报告",
    "Minutes": "纪要",
    "Motion": "议案",
    "Order": "命令",
    "Letter": "函",
    "Speech": "讲话",
    "Communiqué": "公报",
    "Measures": "办法",
    "Regulation": "规定",
    "Plan": "方案",
    "Appointments": "人事任免",
    "Other": "其他",
    "File not found": "文件不存在",
    "Cannot be read": "无法读取",
    "In use by another program": "文件被占用",
    "Empty document": "空文档",
    "Not a text file": "非文本文件",
    "Suspicious encoding": "编码可疑",
    "Damaged": "损坏",
    "Encrypted": "加密",
    "No text layer": "无文本层",
    "Took too long": "超时",
    "Unsupported file type": "不支持的文件类型",
    "Too large": "过大",
    "Not a regular file": "不是普通文件",
    "Recent searches (Alt+Down)": "最近的检索（Alt+↓）",
    "The library is read-only": "资料库为只读",
    "The library cannot be used": "资料库无法使用",
    "No such document": "没有这篇文档",
    "The highlight or note could not be changed": "无法修改高亮或批注",
    "The correction could not be made": "无法完成修改",
    "The trash could not do that": "回收站无法完成该操作",
    "The pages cannot be printed": "无法打印这些页面",
    "The PDF could not be written": "无法写出 PDF",
    "Export failed": "导出失败",
    "The notes file was not accepted": "批注文件未被接受",
    "The search is not understood": "无法理解检索式",
    "Search is not available": "检索暂不可用",
    "The work was stopped": "操作已中止",
    "That could not be done": "无法完成操作",
    "No recent searches": "没有最近的检索",
    "Click to show only these; click again to show all": "单击只看这些，再次单击显示全部",
    "Preparing the pages for printing…": "正在准备打印页面…",
    "Not a Gongbao Reader link: %1": "不是公报阅读器的链接：%1",
    "Export notes": "导出批注",
    "The open document": "当前文档",
    "The selected documents (%1)": "选中的文档（%1 篇）",
    "Documents and highlights with the tag": "带此标签的文档和高亮",
    "The current search results (%1)": "当前检索结果（%1 篇）",
    "The whole library": "整个资料库",
    "Export": "导出",
    "Highlight tag": "高亮标签",
    "Only highlights made from": "仅导出此期间的高亮",
    "Dates": "日期",
    "Format": "格式",
    "Browse…": "浏览…",
    "Save to": "保存到",
    "read-only": "只读",
    "This library is open in another Gongbao Reader window, so this one is read-only.": "此资料库已在另一个公报阅读器窗口中打开，本窗口为只读。",
    'Search: words, "phrase", -word, 文号:, 机关:, 年份:2019': '检索：词语、"短语"、-排除、文号:、机关:、年份:2019',
    "any year": "不限年份",
    "Has my notes": "有我的批注",
    "Relevance": "按相关度",
    "Newest first": "最新在前",
    "Oldest first": "最早在前",
    "Searching…": "正在检索…",
    "… %1 more passages": "… 另有 %1 处",
    "&Backups and Restore…": "备份与恢复(&B)…",
    "Backups": "备份与恢复",
    "A backup of the library is made every day the app is used (the last %1 days are kept) and before every upgrade of its format. Highlights, notes and tags are all in it; imported files are kept separately and are not affected.": "每天使用本程序时会自动备份资料库（保留最近 %1 天），每次升级资料库格式前也会备份。高亮、批注和标签都在备份中；导入的原文件单独保存，不受恢复影响。",
    "Made": "备份时间",
    "Type": "类型",
    "Size": "大小",
    "Back Up Now": "立即备份",
    "Restore This Backup…": "恢复此备份…",
    "Open Backup Folder": "打开备份文件夹",
    "Daily": "每日",
    "Manual": "手动",
    "Before upgrade": "升级前",
    "No backups yet.": "还没有备份。",
    "Backing up…": "正在备份…",
    "A backup is being made; try again in a moment.": "正在备份，请稍后再试。",
    "Backed up: %1": "已备份：%1",
    "The backup failed: %1": "备份失败：%1",
    "Restore a backup": "恢复备份",
    "Go back to the library as it was at %1?\n\nHighlights, notes and tags made since then will not be in it. The current library is kept in the library folder (replaced-…), not deleted. The window closes and opens again.": "将资料库恢复到 %1 时的状态吗？\n\n此后所做的高亮、批注和标签将不在其中。当前的资料库会保留在资料库文件夹中（replaced-…），不会删除。窗口将关闭并重新打开。",
    "&Re-split All Issues": "重新拆分全部期刊(&R)",
    "Better splitting available": "可以更准确地拆分",
    "%n issue(s) in your library were split into documents by an older version. The new version finds documents without a document number (announcements, decisions, speeches) that the old one merged into the document before them.": "资料库中有 %n 期公报是用旧版程序拆分的。新版能找出没有发文字号的文档（公告、决定、讲话等），旧版会把它们并入前一篇文档。",
    "Re-split them now, in the background? Highlights, notes and tags are kept.": "现在在后台重新拆分吗？高亮、批注和标签都会保留。",
    "Re-split now": "重新拆分",
    "Re-splitting issues…": "正在重新拆分期刊…",
    "Re-split %1 issues, %2 unchanged, %3 failed.": "重新拆分 %1 期，无变化 %2 期，失败 %3 期。",
    "Some issues were not re-split": "部分期刊未能重新拆分",
    "Notes on this issue:": "本期注意：",
    "Importing notes…": "正在导入批注…",
    "Edit properties": "修改属性",
    "Split document": "拆分文档",
    "Merge with previous": "与上一篇合并",
    "Document Properties": "文档属性",
    "One attachment per line": "每行一个附件",
    "Document number": "发文字号",
    "Addressees": "主送机关",
    "Date written": "成文日期",
    "Attachments": "附件",
    "Trash": "回收站",
    "Removed issues and documents are kept here for %1 days, then deleted.": "移除的期刊和文档在这里保留 %1 天，之后永久删除。",
    "Removed": "已移除",
    "When": "时间",
    "&Restore": "恢复(&R)",
    "&Empty Trash…": "清空回收站(&E)…",
    "Select an issue or documents in the library first.": "请先在资料库中选择期刊或文档。",
    "%n issue(s)": "%n 期期刊",
    " and ": "和",
    "Move %1 to the trash?": "把%1移到回收站吗？",
    "It holds %n highlight(s) and note(s); they are kept with it.": "其中有 %n 条高亮和批注，会随之保留。",
    "You can restore it from File → Trash for %1 days.": "%1 天内可从“文件 → 回收站”恢复。",
    "Move to Trash": "移到回收站",
    "Moved to the trash. File → Trash brings it back.": "已移到回收站，可从“文件 → 回收站”恢复。",
    "Restored %1; %n highlight(s) back with it.": "已恢复%1，%n 条高亮随之恢复。",
    "Delete everything in the trash for good? This cannot be undone.": "永久删除回收站中的全部内容吗？此操作无法撤销。",
    "Empty Trash": "清空回收站",
    "Trash emptied: %n document(s) deleted.": "回收站已清空：永久删除 %n 篇文档。",
    "%n item(s) removed more than %1 days ago were deleted from the trash.": "回收站中 %n 项移除已超过 %1 天，已永久删除。",
    "Restore from Trash": "从回收站恢复",
    "%n of the imported file(s) are issues you removed to the trash. Restore them?": "导入的文件中有 %n 个是您移到回收站的期刊。要恢复吗？",
    "Restore": "恢复",
    "Keep in Trash": "留在回收站",
    "Open a document first.": "请先打开一篇文档。",
    "The library is read-only: documents cannot be changed.": "资料库是只读的，不能修改文档。",
    "Select the text the new document begins with.": "请选中新文档开头的文字。",
    "Move to &Trash": "移到回收站(&T)",
    "Document &Properties…": "文档属性(&P)…",
    "&Split into a New Document Here": "从此处拆分为新文档(&S)",
    "&Merge with Previous Document": "与上一篇合并(&M)",
    "Move Selected to T&rash…": "将所选移到回收站(&R)…",
    "T&rash…": "回收站(&R)…",
    "This document is in the trash. Restore it from File → Trash to read it.": "这篇文档在回收站中。请从“文件 → 回收站”恢复后再阅读。",
    "%n document note(s)": "%n 篇文档批注",
    "To export: %1": "将导出：%1",
    "Nothing to export in this scope: no highlights or notes.": "所选范围内没有高亮或批注，无可导出。",
    "Exported to %1": "已导出到 %1",
    "Import gazettes from the File menu, or drop them on the window.": "可从“文件”菜单导入公报，或把文件拖到窗口里。",
    "Open Folder": "打开所在文件夹",
    ", ": "，",
    "Open": "打开",
    "Getting Started": "使用指南",
    "1. Import: File → Import Files or Import Folder, or drop PDF and text files on the window. Each gazette issue is split into its documents with their title, document number, issuer and date.\n\n2. Read: pick a document in the library on the left. A PDF document reads as text laid out like a printed document, or as its original pages (Ctrl+Shift+V switches, at the same place). The outline on the right lists the issue's documents and the open one's headings.\n\n3. Highlight and note: select text in either view and press Ctrl+H, or Ctrl+Shift+N to write a note; right-click for other colours. Notes and tags are in the Annotations panel. Ctrl+Z undoes any of it.\n\n4. Search: Ctrl+Shift+F searches every document as you type; a document number such as 钦政发〔2019〕1号 finds its document and the ones that cite it.\n\n5. Export: Ctrl+E writes your highlights and notes to Word, PDF, Markdown, HTML, CSV or JSON, for the open document, a selection, a tag or everything.\n\n6. Fix what the parser got wrong: Alt+Enter edits a document's properties; right-click in the text to split a document here or merge it with the previous one. Your corrections are kept when the issue is imported again. Delete in the library moves to the Trash.": "1. 导入：文件 → 导入文件或导入文件夹，或把 PDF 和文本文件拖到窗口里。每期公报会拆分为各篇公文，并读出标题、发文字号、发文机关和成文日期。\n\n2. 阅读：在左侧资料库中选择一篇文档。PDF 文档既可以按公文排版的文字阅读，也可以看原始页面（Ctrl+Shift+V 切换，位置不变）。右侧的目录结构列出本期各篇文档和当前文档的各级标题。\n\n3. 高亮与批注：在任一视图中选中文字，按 Ctrl+H 高亮，按 Ctrl+Shift+N 写批注；右键可选其他颜色。批注和标签在“批注”面板中。Ctrl+Z 可撤销以上任何操作。\n\n4. 检索：Ctrl+Shift+F 边输入边检索全部文档；输入发文字号（如 钦政发〔2019〕1号）可找到该文件及引用它的文件。\n\n5. 导出：Ctrl+E 把高亮和批注导出为 Word、PDF、Markdown、HTML、CSV 或 JSON，范围可以是当前文档、所选文档、某个标签或全部。\n\n6. 改正拆分错误：Alt+Enter 修改文档属性；在正文中右键可从此处拆分为新文档，或与上一篇合并。这些更正在再次导入该期时都会保留。在资料库中按 Delete 可移到回收站。",
    "This is the last document of the issue.": "这是本期最后一篇文档。",
    "This is the first document of the issue.": "这是本期第一篇文档。",
    "Go to page works on the pages of a PDF document.": "“转到页”用于 PDF 文档的页面。",
    "Go to Page": "转到页",
    "Page (1–%1):": "页码（1–%1）：",
    "Keyboard Shortcuts": "快捷键",
    "Action": "操作",
    "Keys": "按键",
    "&Next Document": "下一篇文档(&N)",
    "&Previous Document": "上一篇文档(&P)",
    "Go to &Page…": "转到页(&P)…",
    "Show the &Issue in the Library": "在资料库中显示本期(&I)",
    "&Getting Started": "使用指南(&G)",
    "&Keyboard Shortcuts": "快捷键(&K)",
    "&Panels": "面板(&P)",
    "The new language applies when the window opens again.": "新的界面语言在窗口重新打开后生效。",
    "Restart Now": "立即重新打开",
    "The password for %1 is wrong. Enter it again:": "%1 的密码不正确，请重新输入：",
    "Page through the document": "翻页",
    "Close the find bar": "关闭查找栏",
    "Move to the trash (library panel)": "移到回收站（资料库面板）",
}


# English needs a catalogue too, for its plurals only: "%n document(s)" → 1 document / 14 documents.
EN_PLURALS = {
    "%n highlight(s)": ("%n highlight", "%n highlights"),
    "%n document note(s)": ("%n document note", "%n document notes"),
    "%n document(s)": ("%n document", "%n documents"),
    "%n issue(s)": ("%n issue", "%n issues"),
    "It holds %n highlight(s) and note(s); they are kept with it.": (
        "It holds %n highlight or note; it is kept with it.",
        "It holds %n highlights and notes; they are kept with it.",
    ),
    "Restored %1; %n highlight(s) back with it.": (
        "Restored %1; %n highlight back with it.",
        "Restored %1; %n highlights back with it.",
    ),
    "Trash emptied: %n document(s) deleted.": (
        "Trash emptied: %n document deleted.",
        "Trash emptied: %n documents deleted.",
    ),
    "%n item(s) removed more than %1 days ago were deleted from the trash.": (
        "%n item removed more than %1 days ago was deleted from the trash.",
        "%n items removed more than %1 days ago were deleted from the trash.",
    ),
    "%n of the imported file(s) are issues you removed to the trash. Restore them?": (
        "%n of the imported files is an issue you removed to the trash. Restore it?",
        "%n of the imported files are issues you removed to the trash. Restore them?",
    ),
}
EN_TS = ROOT / "resources" / "translations" / "gongbao_en.ts"


def english(sources: list[str]) -> list[str]:
    """The English catalogue (plural forms only); returns the plural sources with no forms."""
    subprocess.run(
        ["pyside6-lupdate", *sources, "-pluralonly", "-no-obsolete", "-ts", str(EN_TS)], check=True, cwd=ROOT
    )
    tree = ET.parse(EN_TS)
    missing = []
    for msg in tree.iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        if tr is None or msg.get("numerus") != "yes":
            continue
        forms = EN_PLURALS.get(source)
        if forms is None:
            if source.startswith("%n issue(s) in your library"):
                forms = (
                    source.replace("%n issue(s) in your library were", "%n issue in your library was"),
                    source.replace("issue(s)", "issues"),
                )
            else:
                missing.append(source)
                continue
        tr.clear()
        for form in forms:
            ET.SubElement(tr, "numerusform").text = form
        tr.attrib.pop("type", None)
    tree.write(EN_TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        ["pyside6-lrelease", str(EN_TS), "-qm", str(EN_TS.with_suffix(".qm"))], check=True, cwd=ROOT
    )
    return missing


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
    missing += english(sources)
    for m in missing:
        print(f"untranslated: {m!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
