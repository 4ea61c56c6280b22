<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../reader/ui/about_dialog.py" line="15" />
        <source>About Gongbao Reader</source>
        <translation>关于公报阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/about_dialog.py" line="20" />
        <source>Gongbao Reader %1

An offline reader for government gazettes.
Licensed under the GNU AGPL v3 or later.</source>
        <translation>公报阅读器 %1

离线阅读、批注和检索政府公报。
以 GNU AGPL v3 或更高版本许可发布。</translation>
    </message>
</context>
<context>
    <name>AnnotatingController</name>
    <message>
        <location filename="../../reader/ui/annotating_controller.py" line="57" />
        <source>Select some text first.</source>
        <translation>请先选中一段文字。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotating_controller.py" line="101" />
        <source>Citation copied.</source>
        <translation>引文已复制。</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../reader/models/annotation_controller.py" line="105" />
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/models/annotation_controller.py" line="112" />
        <source>Delete highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <location filename="../../reader/models/annotation_controller.py" line="119" />
        <source>Change colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <location filename="../../reader/models/annotation_controller.py" line="134" />
        <source>Edit note</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <location filename="../../reader/models/annotation_controller.py" line="143" />
        <source>Edit document note</source>
        <translation>编辑文档批注</translation>
    </message>
    <message>
        <location filename="../../reader/models/annotation_controller.py" line="159" />
        <location filename="../../reader/models/annotation_controller.py" line="173" />
        <source>Edit tags</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <location filename="../../reader/models/annotation_controller.py" line="191" />
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/models/annotation_controller.py" line="197" />
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
</context>
<context>
    <name>AnnotationsBrowser</name>
    <message>
        <location filename="../../reader/ui/annotations_browser.py" line="36" />
        <source>All highlights and notes</source>
        <translation>全部高亮与批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_browser.py" line="40" />
        <source>Search quotes and notes</source>
        <translation>搜索原文和批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_browser.py" line="43" />
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_browser.py" line="48" />
        <source>Made between</source>
        <translation>创建日期介于</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_browser.py" line="82" />
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_browser.py" line="87" />
        <source>All issues</source>
        <translation>全部期刊</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_browser.py" line="113" />
        <source>cannot be placed</source>
        <translation>无法定位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/annotations_browser.py" line="122" />
        <source>%n highlight(s)</source>
        <translation><numerusform>%n 条高亮</numerusform></translation></message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="57" />
        <source>A note on the whole document</source>
        <translation>对整篇文档的批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="60" />
        <location filename="../../reader/ui/annotations_panel.py" line="80" />
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="61" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="63" />
        <location filename="../../reader/ui/annotations_panel.py" line="84" />
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="64" />
        <location filename="../../reader/ui/annotations_panel.py" line="85" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="76" />
        <source>Selected highlight</source>
        <translation>选中的高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="78" />
        <source>Why this matters (line breaks and - lists are kept)</source>
        <translation>为什么重要（可换行，可用 - 列表）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="82" />
        <source>Delete highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="89" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="91" />
        <source>Select text and press Ctrl+H to highlight it.</source>
        <translation>选中文字后按 Ctrl+H 即可高亮。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="124" />
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="68" />
        <location filename="../../reader/ui/annotations_panel.py" line="167" />
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotations_panel.py" line="183" />
        <source>cannot be placed</source>
        <translation>无法定位</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../reader/models/labels.py" line="21" />
        <location filename="../../reader/models/labels.py" line="114" />
        <source>Gongbao Reader</source>
        <translation>公报阅读器</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="49" />
        <source>Backups</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="57" />
        <source>A backup of the library is made every day the app is used (the last %1 days are kept) and before every upgrade of its format. Highlights, notes and tags are all in it; imported files are kept separately and are not affected.</source>
        <translation>每天使用本程序时会自动备份资料库（保留最近 %1 天），每次升级资料库格式前也会备份。高亮、批注和标签都在备份中；导入的原文件单独保存，不受恢复影响。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="65" />
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="65" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="65" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="74" />
        <source>Back Up Now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="75" />
        <source>Restore This Backup…</source>
        <translation>恢复此备份…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="76" />
        <source>Open Backup Folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="98" />
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="99" />
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="100" />
        <source>Before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="118" />
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="134" />
        <source>A backup is being made; try again in a moment.</source>
        <translation>正在备份，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="136" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="142" />
        <source>Backed up: %1</source>
        <translation>已备份：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="146" />
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="160" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/backup_dialog.py" line="155" />
        <source>Go back to the library as it was at %1?

Highlights, notes and tags made since then will not be in it. The current library is kept in the library folder (replaced-…), not deleted. The window closes and opens again.</source>
        <translation>将资料库恢复到 %1 时的状态吗？

此后所做的高亮、批注和标签将不在其中。当前的资料库会保留在资料库文件夹中（replaced-…），不会删除。窗口将关闭并重新打开。</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <location filename="../../reader/models/document_controller.py" line="76" />
        <source>Edit properties</source>
        <translation>修改属性</translation>
    </message>
    <message>
        <location filename="../../reader/models/document_controller.py" line="79" />
        <source>Split document</source>
        <translation>拆分文档</translation>
    </message>
    <message>
        <location filename="../../reader/models/document_controller.py" line="83" />
        <source>Merge with previous</source>
        <translation>与上一篇合并</translation>
    </message>
</context>
<context>
    <name>DutiesController</name>
    <message>
        <location filename="../../reader/ui/duties_controller.py" line="127" />
        <source>The library is read-only: tasks cannot be marked.</source>
        <translation>资料库是只读的，不能标记任务。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_controller.py" line="154" />
        <source>Export to-do as calendar</source>
        <translation>把待办导出为日历</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_controller.py" line="154" />
        <source>Calendar (*.ics)</source>
        <translation>日历（*.ics）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_controller.py" line="158" />
        <source>Export to-do as table</source>
        <translation>把待办导出为表格</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_controller.py" line="158" />
        <location filename="../../reader/ui/duties_controller.py" line="187" />
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格（*.csv）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_controller.py" line="175" />
        <source>Exported %1 task(s) to %2</source>
        <translation>已导出 %1 项任务到 %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_controller.py" line="177" />
        <source>(%1 done or without a date left out)</source>
        <translation>（%1 项已完成或没有具体日期，未导出）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_controller.py" line="187" />
        <source>Export appointments and removals</source>
        <translation>导出人事任免</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_controller.py" line="200" />
        <source>Exported %1 record(s) to %2</source>
        <translation>已导出 %1 条记录到 %2</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../reader/models/labels.py" line="95" />
        <source>The library is read-only</source>
        <translation>资料库为只读</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="96" />
        <source>The library cannot be used</source>
        <translation>资料库无法使用</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="97" />
        <source>No such document</source>
        <translation>没有这篇文档</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="98" />
        <source>The highlight or note could not be changed</source>
        <translation>无法修改高亮或批注</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="99" />
        <source>The correction could not be made</source>
        <translation>无法完成修改</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="100" />
        <source>The trash could not do that</source>
        <translation>回收站无法完成该操作</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="101" />
        <source>The pages cannot be printed</source>
        <translation>无法打印这些页面</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="102" />
        <source>The PDF could not be written</source>
        <translation>无法写出 PDF</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="103" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="104" />
        <source>The notes file was not accepted</source>
        <translation>批注文件未被接受</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="105" />
        <source>The search is not understood</source>
        <translation>无法理解检索式</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="106" />
        <source>Search is not available</source>
        <translation>检索暂不可用</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="107" />
        <source>The work was stopped</source>
        <translation>操作已中止</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="108" />
        <source>That could not be done</source>
        <translation>无法完成操作</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../reader/ui/export_controller.py" line="75" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_controller.py" line="83" />
        <source>Exported %1 highlights to %2</source>
        <translation>已导出 %1 处批注到 %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_controller.py" line="92" />
        <source>Export notes</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_controller.py" line="93" />
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_controller.py" line="96" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_controller.py" line="97" />
        <source>Open Folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_controller.py" line="113" />
        <source>Import notes</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_controller.py" line="127" />
        <source>Importing notes…</source>
        <translation>正在导入批注…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_controller.py" line="139" />
        <source>Imported notes: %1 added, %2 restored, %3 already here</source>
        <translation>已导入批注：新增 %1，恢复 %2，已存在 %3</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="68" />
        <location filename="../../reader/ui/export_dialog.py" line="195" />
        <source>Export notes</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="81" />
        <source>The open document</source>
        <translation>当前文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="84" />
        <source>The selected documents (%1)</source>
        <translation>选中的文档（%1 篇）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="87" />
        <source>Documents and highlights with the tag</source>
        <translation>带此标签的文档和高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="90" />
        <source>The current search results (%1)</source>
        <translation>当前检索结果（%1 篇）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="93" />
        <source>The whole library</source>
        <translation>整个资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="113" />
        <location filename="../../reader/ui/export_dialog.py" line="152" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="116" />
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="120" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="122" />
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="123" />
        <source>Highlight tag</source>
        <translation>高亮标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="125" />
        <source>Only highlights made from</source>
        <translation>仅导出此期间的高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="134" />
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="140" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="143" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="147" />
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_dialog.py" line="182" />
        <source>%n highlight(s)</source>
        <translation><numerusform>%n 条高亮</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="184" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_dialog.py" line="184" />
        <source>%n document note(s)</source>
        <translation><numerusform>%n 篇文档批注</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="185" />
        <source>To export: %1</source>
        <translation>将导出：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="187" />
        <source>Nothing to export in this scope: no highlights or notes.</source>
        <translation>所选范围内没有高亮或批注，无可导出。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="48" />
        <source>Find in document</source>
        <translation>在文档中查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="51" />
        <source>Previous (Shift+F3)</source>
        <translation>上一个 (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="52" />
        <source>Next (F3)</source>
        <translation>下一个 (F3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="53" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="74" />
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="76" />
        <source>%1 of %2</source>
        <translation>第 %1 / %2 处</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="57" />
        <source>Getting Started</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="63" />
        <source>1. Import: File → Import Files or Import Folder, or drop PDF and text files on the window. Each gazette issue is split into its documents with their title, document number, issuer and date.

2. Read: pick a document in the library on the left. A PDF document reads as text laid out like a printed document, or as its original pages (Ctrl+Shift+V switches, at the same place). The outline on the right lists the issue's documents and the open one's headings.

3. Highlight and note: select text in either view and press Ctrl+H, or Ctrl+Shift+N to write a note; right-click for other colours. Notes and tags are in the Annotations panel. Ctrl+Z undoes any of it.

4. Search: Ctrl+Shift+F searches every document as you type; a document number such as 钦政发〔2019〕1号 finds its document and the ones that cite it.

5. Export: Ctrl+E writes your highlights and notes to Word, PDF, Markdown, HTML, CSV or JSON, for the open document, a selection, a tag or everything.

6. Fix what the parser got wrong: Alt+Enter edits a document's properties; right-click in the text to split a document here or merge it with the previous one. Your corrections are kept when the issue is imported again. Delete in the library moves to the Trash.</source>
        <translation>1. 导入：文件 → 导入文件或导入文件夹，或把 PDF 和文本文件拖到窗口里。每期公报会拆分为各篇公文，并读出标题、发文字号、发文机关和成文日期。

2. 阅读：在左侧资料库中选择一篇文档。PDF 文档既可以按公文排版的文字阅读，也可以看原始页面（Ctrl+Shift+V 切换，位置不变）。右侧的目录结构列出本期各篇文档和当前文档的各级标题。

3. 高亮与批注：在任一视图中选中文字，按 Ctrl+H 高亮，按 Ctrl+Shift+N 写批注；右键可选其他颜色。批注和标签在“批注”面板中。Ctrl+Z 可撤销以上任何操作。

4. 检索：Ctrl+Shift+F 边输入边检索全部文档；输入发文字号（如 钦政发〔2019〕1号）可找到该文件及引用它的文件。

5. 导出：Ctrl+E 把高亮和批注导出为 Word、PDF、Markdown、HTML、CSV 或 JSON，范围可以是当前文档、所选文档、某个标签或全部。

6. 改正拆分错误：Alt+Enter 修改文档属性；在正文中右键可从此处拆分为新文档，或与上一篇合并。这些更正在再次导入该期时都会保留。在资料库中按 Delete 可移到回收站。</translation>
    </message>
</context>
<context>
    <name>ImportCategories</name>
    <message>
        <location filename="../../reader/models/labels.py" line="61" />
        <source>File not found</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="62" />
        <source>Cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="63" />
        <source>In use by another program</source>
        <translation>文件被占用</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="64" />
        <source>Empty document</source>
        <translation>空文档</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="65" />
        <source>Not a text file</source>
        <translation>非文本文件</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="66" />
        <source>Suspicious encoding</source>
        <translation>编码可疑</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="67" />
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="68" />
        <source>Encrypted</source>
        <translation>加密</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="69" />
        <source>No text layer</source>
        <translation>无文本层</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="70" />
        <source>Took too long</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="71" />
        <source>Unsupported file type</source>
        <translation>不支持的文件类型</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="72" />
        <source>Too large</source>
        <translation>过大</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="73" />
        <source>Not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="42" />
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="46" />
        <source>Your library is empty.

Import the sample gazette issue to try the reader, or a folder of your own gazettes? You can import files any time from the File menu or by dropping them here.</source>
        <translation>资料库还是空的。

要导入示例公报试用，还是导入您自己的公报文件夹？以后也可以随时从“文件”菜单导入，或直接把文件拖到窗口里。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="51" />
        <source>Import the sample issue</source>
        <translation>导入示例公报</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="53" />
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="54" />
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="76" />
        <source>Import Gazette Files</source>
        <translation>导入公报文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="84" />
        <source>Import a Folder of Gazettes</source>
        <translation>导入公报文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="104" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="104" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="105" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="129" />
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="169" />
        <source>The password for %1 is wrong. Enter it again:</source>
        <translation>%1 的密码不正确，请重新输入：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="175" />
        <source>Password required</source>
        <translation>需要密码</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="171" />
        <source>%1 is encrypted. Enter its password to import it:</source>
        <translation>%1 已加密。请输入打开密码以导入（密码不会被保存）：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="78" />
        <source>Gazettes (*.txt *.md *.pdf *.ofd *.docx *.html *.htm *.mht);;All files (*)</source>
        <translation>公报 (*.txt *.md *.pdf *.ofd *.docx *.html *.htm *.mht);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="188" />
        <source>Imported %1, already present %2, failed %3.</source>
        <translation>导入 %1 个，已存在 %2 个，失败 %3 个。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="196" />
        <source>Some files were not imported</source>
        <translation>部分文件未能导入</translation>
    </message>
</context>
<context>
    <name>KindNames</name>
    <message>
        <location filename="../../reader/models/labels.py" line="25" />
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="26" />
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="27" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="28" />
        <source>Resolution</source>
        <translation>决议</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="29" />
        <source>Public notice</source>
        <translation>通告</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="30" />
        <source>Circular</source>
        <translation>通报</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="31" />
        <source>Official reply</source>
        <translation>批复</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="32" />
        <source>Request</source>
        <translation>请示</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="33" />
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="34" />
        <source>Minutes</source>
        <translation>纪要</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="35" />
        <source>Motion</source>
        <translation>议案</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="36" />
        <source>Order</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="37" />
        <source>Letter</source>
        <translation>函</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="38" />
        <source>Speech</source>
        <translation>讲话</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="39" />
        <source>Communiqué</source>
        <translation>公报</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="40" />
        <source>Measures</source>
        <translation>办法</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="41" />
        <source>Regulation</source>
        <translation>规定</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="42" />
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="43" />
        <source>Appointments</source>
        <translation>人事任免</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="44" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="46" />
        <source>By issue</source>
        <translation>按期刊分组</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="47" />
        <source>By date, newest first</source>
        <translation>按日期，最新在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="48" />
        <source>By date, oldest first</source>
        <translation>按日期，最早在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="94" />
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="95" />
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="96" />
        <source>All kinds</source>
        <translation>全部文种</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="97" />
        <source>All issuers</source>
        <translation>全部发文机关</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="98" />
        <location filename="../../reader/ui/library_panel.py" line="132" />
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="116" />
        <source>Any validity</source>
        <translation>全部时效</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="117" />
        <source>In force only (%1)</source>
        <translation>仅现行有效（%1）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="226" />
        <source>Move to &amp;Trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <location filename="../../reader/models/library_tree.py" line="69" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/models/library_tree.py" line="70" />
        <source>Number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../reader/models/library_tree.py" line="71" />
        <source>Date</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../reader/models/library_tree.py" line="72" />
        <source>Kind</source>
        <translation>文种</translation>
    </message>
    <message>
        <location filename="../../reader/models/library_tree.py" line="73" />
        <source>Validity</source>
        <translation>时效</translation>
    </message>
    <message>
        <location filename="../../reader/models/library_tree.py" line="96" />
        <source>No text layer: pages only, not searchable</source>
        <translation>无文本层：只能按页面阅读，不能搜索</translation>
    </message>
    <message>
        <location filename="../../reader/models/library_tree.py" line="102" />
        <source>Notes on this issue:</source>
        <translation>本期注意：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="78" />
        <location filename="../../reader/ui/main_window.py" line="229" />
        <location filename="../../reader/ui/main_window.py" line="392" />
        <location filename="../../reader/ui/main_window.py" line="412" />
        <source>Gongbao Reader</source>
        <translation>公报阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="97" />
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="98" />
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="99" />
        <source>Outline</source>
        <translation>目录结构</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="100" />
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="101" />
        <source>Relations</source>
        <translation>关联</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="170" />
        <source>%n document(s)</source>
        <translation><numerusform>%n 篇文档</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="172" />
        <source>read-only library</source>
        <translation>只读资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="246" />
        <source>This document is in the trash. Restore it from File → Trash to read it.</source>
        <translation>这篇文档在回收站中。请从“文件 → 回收站”恢复后再阅读。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="319" />
        <location filename="../../reader/ui/main_window.py" line="324" />
        <source>Indexing %1 / %2</source>
        <translation>正在建立索引 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="325" />
        <source>Search index up to date</source>
        <translation>检索索引已是最新</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="368" />
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="367" />
        <source>Open this address in your browser?

%1</source>
        <translation>要在浏览器中打开这个地址吗？

%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="267" />
        <source>No text layer: this document can be read as pages only (Tools → Recognise Text).</source>
        <translation>无文本层：此文档只能按页面阅读（可用“工具 → 识别此扫描件的文字”）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="274" />
        <source>Text recognised from the scanned pages (mean confidence %1%): check it against the page.</source>
        <translation>文字由扫描页面识别而来（平均置信度 %1%）：请对照页面核对。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="379" />
        <source>Not a Gongbao Reader link: %1</source>
        <translation>不是公报阅读器的链接：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="392" />
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="394" />
        <source>This library is open in another Gongbao Reader window, so this one is read-only.</source>
        <translation>此资料库已在另一个公报阅读器窗口中打开，本窗口为只读。</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../reader/ui/navigation.py" line="40" />
        <source>This is the last document of the issue.</source>
        <translation>这是本期最后一篇文档。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigation.py" line="42" />
        <source>This is the first document of the issue.</source>
        <translation>这是本期第一篇文档。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigation.py" line="53" />
        <source>Go to page works on the pages of a PDF document.</source>
        <translation>“转到页”用于 PDF 文档的页面。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigation.py" line="59" />
        <source>Go to Page</source>
        <translation>转到页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/navigation.py" line="59" />
        <source>Page (1–%1):</source>
        <translation>页码（1–%1）：</translation>
    </message>
</context>
<context>
    <name>OcrController</name>
    <message>
        <location filename="../../reader/ui/ocr_controller.py" line="49" />
        <source>Text recognition is not installed</source>
        <translation>未安装文字识别组件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_controller.py" line="50" />
        <source>This document is a scan: its pages have no text to search or highlight.</source>
        <translation>此文档是扫描件：页面上没有可搜索、可标注的文字。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_controller.py" line="52" />
        <source>Recognising text offline needs the OCR add-on. Install it with: pip install "gongbao-reader[ocr]"</source>
        <translation>离线识别文字需要 OCR 组件，安装命令：pip install "gongbao-reader[ocr]"</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_controller.py" line="73" />
        <source>Recognising text…</source>
        <translation>正在识别文字…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_controller.py" line="73" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_controller.py" line="101" />
        <source>Text recognised on %1 pages (mean confidence %2%).</source>
        <translation>已识别 %1 页的文字（平均置信度 %2%）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_controller.py" line="106" />
        <source>Recognition stopped after %1 of %2 pages; it goes on from there next time.</source>
        <translation>识别在第 %1 页（共 %2 页）处停止；下次会从这里继续。</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../reader/ui/page_view.py" line="227" />
        <source>Page %1 cannot be shown: %2</source>
        <translation>第 %1 页无法显示：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="227" />
        <source>Loading page %1…</source>
        <translation>正在加载第 %1 页…</translation>
    </message>
</context>
<context>
    <name>PaletteDialog</name>
    <message>
        <location filename="../../reader/ui/palette_dialog.py" line="16" />
        <source>Colour meanings</source>
        <translation>颜色含义</translation>
    </message>
    <message>
        <location filename="../../reader/ui/palette_dialog.py" line="18" />
        <source>What each highlight colour means to you:</source>
        <translation>每种高亮颜色代表的含义：</translation>
    </message>
</context>
<context>
    <name>PersonnelView</name>
    <message>
        <location filename="../../reader/ui/duties_views.py" line="77" />
        <source>Appointments and Removals</source>
        <translation>人事任免</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_views.py" line="79" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_views.py" line="80" />
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_views.py" line="81" />
        <source>Organ</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_views.py" line="84" />
        <source>This Person's History</source>
        <translation>此人履历</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_views.py" line="85" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/duties_views.py" line="114" />
        <source>%n record(s)</source>
        <translation><numerusform>%n 条记录</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/duties_views.py" line="116" />
        <source>%n document(s) still being read</source>
        <translation><numerusform>%n 篇文档尚在读取</numerusform></translation></message>
</context>
<context>
    <name>PreferencesController</name>
    <message>
        <location filename="../../reader/ui/preferences_controller.py" line="60" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences_controller.py" line="61" />
        <source>The new language applies when the window opens again.</source>
        <translation>新的界面语言在窗口重新打开后生效。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences_controller.py" line="63" />
        <source>Restart Now</source>
        <translation>立即重新打开</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences_controller.py" line="64" />
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../reader/ui/preferences_controller.py" line="110" />
        <source>The library folder changes at the next start.</source>
        <translation>资料库文件夹将在下次启动时更换。</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <location filename="../../reader/ui/printing.py" line="108" />
        <source>Preparing the pages for printing…</source>
        <translation>正在准备打印页面…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="125" />
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>PropertiesDialog</name>
    <message>
        <location filename="../../reader/ui/properties_dialog.py" line="34" />
        <source>Document Properties</source>
        <translation>文档属性</translation>
    </message>
    <message>
        <location filename="../../reader/ui/properties_dialog.py" line="49" />
        <source>One attachment per line</source>
        <translation>每行一个附件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/properties_dialog.py" line="54" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/properties_dialog.py" line="55" />
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../reader/ui/properties_dialog.py" line="56" />
        <source>Issuer</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../reader/ui/properties_dialog.py" line="57" />
        <source>Addressees</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <location filename="../../reader/ui/properties_dialog.py" line="58" />
        <source>Date written</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/properties_dialog.py" line="59" />
        <source>Kind</source>
        <translation>文种</translation>
    </message>
    <message>
        <location filename="../../reader/ui/properties_dialog.py" line="60" />
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/properties_dialog.py" line="98" />
        <source>“%1” cannot be read as a document number: it will be kept as typed.</source>
        <translation>发文字号“%1”无法识别，将按输入保存。</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="115" />
        <source>Select a document to read it.</source>
        <translation>选择一篇文档即可阅读。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="117" />
        <source>Import gazettes from the File menu, or drop them on the window.</source>
        <translation>可从“文件”菜单导入公报，或把文件拖到窗口里。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="314" />
        <source>Page view</source>
        <translation>原版页面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="314" />
        <source>Text view</source>
        <translation>文字视图</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="440" />
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="446" />
        <location filename="../../reader/ui/reading_pane.py" line="458" />
        <source>Copy as citation</source>
        <translation>复制为引文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="449" />
        <source>Edit note…</source>
        <translation>编辑批注…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="450" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="454" />
        <source>Delete highlight</source>
        <translation>删除高亮</translation>
    </message>
</context>
<context>
    <name>RelationKinds</name>
    <message>
        <location filename="../../reader/models/labels.py" line="150" />
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="151" />
        <source>Issuing</source>
        <translation>印发</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="152" />
        <source>Citation</source>
        <translation>引用</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="153" />
        <source>Repeal</source>
        <translation>废止</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="154" />
        <source>Amendment</source>
        <translation>修改</translation>
    </message>
</context>
<context>
    <name>RelationsPanel</name>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="56" />
        <source>Based on and cited</source>
        <translation>依据与引用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="57" />
        <source>Cited by</source>
        <translation>被引用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="58" />
        <source>Repeals</source>
        <translation>废止了</translation>
    </message>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="59" />
        <source>Repealed by</source>
        <translation>被废止</translation>
    </message>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="60" />
        <source>Amends</source>
        <translation>修改了</translation>
    </message>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="61" />
        <source>Amended by</source>
        <translation>被修改</translation>
    </message>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="67" />
        <source>No document open.</source>
        <translation>没有打开的文档。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="72" />
        <source>Validity: %1</source>
        <translation>时效：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="92" />
        <source>(not in the library)</source>
        <translation>（不在资料库）</translation>
    </message>
</context>
<context>
    <name>RepairController</name>
    <message>
        <location filename="../../reader/ui/repair_controller.py" line="31" />
        <source>Open a document first.</source>
        <translation>请先打开一篇文档。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/repair_controller.py" line="34" />
        <source>The library is read-only: documents cannot be changed.</source>
        <translation>资料库是只读的，不能修改文档。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/repair_controller.py" line="72" />
        <source>Select the text the new document begins with.</source>
        <translation>请选中新文档开头的文字。</translation>
    </message>
</context>
<context>
    <name>ReparseController</name>
    <message>
        <location filename="../../reader/ui/reparse_controller.py" line="49" />
        <source>Better splitting available</source>
        <translation>可以更准确地拆分</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/reparse_controller.py" line="52" />
        <source>%n issue(s) in your library were split into documents by an older version. The new version finds documents without a document number (announcements, decisions, speeches) that the old one merged into the document before them.</source>
        <translation><numerusform>资料库中有 %n 期公报是用旧版程序拆分的。新版能找出没有发文字号的文档（公告、决定、讲话等），旧版会把它们并入前一篇文档。</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/reparse_controller.py" line="60" />
        <source>Re-split them now, in the background? Highlights, notes and tags are kept.</source>
        <translation>现在在后台重新拆分吗？高亮、批注和标签都会保留。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reparse_controller.py" line="62" />
        <source>Re-split now</source>
        <translation>重新拆分</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reparse_controller.py" line="63" />
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reparse_controller.py" line="86" />
        <source>Re-splitting issues…</source>
        <translation>正在重新拆分期刊…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reparse_controller.py" line="87" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reparse_controller.py" line="122" />
        <source>Re-split %1 issues, %2 unchanged, %3 failed.</source>
        <translation>重新拆分 %1 期，无变化 %2 期，失败 %3 期。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reparse_controller.py" line="131" />
        <source>Some issues were not re-split</source>
        <translation>部分期刊未能重新拆分</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="57" />
        <source>Search: words, "phrase", -word, 文号:, 机关:, 年份:2019</source>
        <translation>检索：词语、"短语"、-排除、文号:、机关:、年份:2019</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="71" />
        <source>Recent searches (Alt+Down)</source>
        <translation>最近的检索（Alt+↓）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="75" />
        <source>Issuer</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="76" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="81" />
        <source>any year</source>
        <translation>不限年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="82" />
        <source>Has my notes</source>
        <translation>有我的批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="83" />
        <source>In force only</source>
        <translation>仅现行有效</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="85" />
        <source>Relevance</source>
        <translation>按相关度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="86" />
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="87" />
        <source>Oldest first</source>
        <translation>最早在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="134" />
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="135" />
        <source>All kinds</source>
        <translation>全部文种</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="163" />
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="176" />
        <source>… %1 more passages</source>
        <translation>… 另有 %1 处</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/search_panel.py" line="186" />
        <source>%n document(s)</source>
        <translation><numerusform>%n 篇文档</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="214" />
        <source>Click to show only these; click again to show all</source>
        <translation>单击只看这些，再次单击显示全部</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="238" />
        <source>No recent searches</source>
        <translation>没有最近的检索</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="32" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="38" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="40" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="40" />
        <source>Sepia</source>
        <translation>护眼（米黄）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="40" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="44" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="50" />
        <source>Text size (pt)</source>
        <translation>文字大小（磅）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="51" />
        <source>Colour meanings…</source>
        <translation>颜色含义…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="52" />
        <source>Highlight colours</source>
        <translation>高亮颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="56" />
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="61" />
        <location filename="../../reader/ui/settings_dialog.py" line="81" />
        <source>Library folder</source>
        <translation>资料库文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="63" />
        <source>Chosen on the command line (--library) for this session.</source>
        <translation>本次由命令行（--library）指定。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="64" />
        <source>Portable mode: the library is kept beside the program.</source>
        <translation>便携模式：资料库保存在程序旁边。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/settings_dialog.py" line="67" />
        <source>A new folder is used from the next start.</source>
        <translation>更换的文件夹在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="32" />
        <source>Keyboard Shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="35" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../reader/ui/help_dialogs.py" line="35" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>TagManager</name>
    <message>
        <location filename="../../reader/ui/tag_manager.py" line="26" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_manager.py" line="30" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_manager.py" line="30" />
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_manager.py" line="30" />
        <source>Highlights</source>
        <translation>高亮数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_manager.py" line="34" />
        <source>Rename or merge…</source>
        <translation>重命名或合并…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_manager.py" line="35" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_manager.py" line="71" />
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_manager.py" line="71" />
        <source>New name (an existing tag merges):</source>
        <translation>新名称（与已有标签同名则合并）：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_manager.py" line="84" />
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tag_manager.py" line="83" />
        <source>Remove the tag “%1” everywhere? (Undo brings it back.)</source>
        <translation>要从所有文档和高亮中去掉标签“%1”吗？（可撤销）</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <location filename="../../reader/ui/duties_views.py" line="157" />
        <source>To Do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_views.py" line="160" />
        <source>Unit (e.g. your own)</source>
        <translation>单位（如本单位）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_views.py" line="164" />
        <source>All dates</source>
        <translation>全部期限</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_views.py" line="167" />
        <source>Show done</source>
        <translation>显示已完成</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_views.py" line="168" />
        <source>Export Calendar (.ics)…</source>
        <translation>导出日历（.ics）…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/duties_views.py" line="169" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/duties_views.py" line="205" />
        <source>%n task(s)</source>
        <translation><numerusform>%n 项任务</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/duties_views.py" line="205" />
        <source>%n overdue</source>
        <translation><numerusform>%n 项逾期</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/duties_views.py" line="207" />
        <source>%n done mark(s) whose task is no longer in the text (kept)</source>
        <translation><numerusform>%n 个完成标记的任务已不在原文中（仍保留）</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/duties_views.py" line="209" />
        <source>%n document(s) still being read</source>
        <translation><numerusform>%n 篇文档尚在读取</numerusform></translation></message>
</context>
<context>
    <name>TextView</name>
    <message>
        <location filename="../../reader/ui/text_view.py" line="190" />
        <source>This document has no text layer. Switch to the page view to read it.</source>
        <translation>此文档没有文本层，请切换到原版页面视图阅读。</translation>
    </message>
</context>
<context>
    <name>TrashController</name>
    <message>
        <location filename="../../reader/ui/trash_controller.py" line="36" />
        <source>Select an issue or documents in the library first.</source>
        <translation>请先在资料库中选择期刊或文档。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="47" />
        <source>%n issue(s)</source>
        <translation><numerusform>%n 期期刊</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/trash_controller.py" line="49" />
        <source> and </source>
        <translation>和</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="49" />
        <location filename="../../reader/ui/trash_controller.py" line="51" />
        <source>%n document(s)</source>
        <translation><numerusform>%n 篇文档</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/trash_controller.py" line="52" />
        <source>Move %1 to the trash?</source>
        <translation>把%1移到回收站吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="55" />
        <source>It holds %n highlight(s) and note(s); they are kept with it.</source>
        <translation><numerusform>其中有 %n 条高亮和批注，会随之保留。</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/trash_controller.py" line="57" />
        <source>You can restore it from File → Trash for %1 days.</source>
        <translation>%1 天内可从“文件 → 回收站”恢复。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trash_controller.py" line="60" />
        <source>Move to Trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trash_controller.py" line="81" />
        <source>Moved to the trash. File → Trash brings it back.</source>
        <translation>已移到回收站，可从“文件 → 回收站”恢复。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="114" />
        <source>Restored %1; %n highlight(s) back with it.</source>
        <translation><numerusform>已恢复%1，%n 条高亮随之恢复。</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/trash_controller.py" line="123" />
        <source>Delete everything in the trash for good? This cannot be undone.</source>
        <translation>永久删除回收站中的全部内容吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trash_controller.py" line="124" />
        <source>Empty Trash</source>
        <translation>清空回收站</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="135" />
        <source>Trash emptied: %n document(s) deleted.</source>
        <translation><numerusform>回收站已清空：永久删除 %n 篇文档。</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="152" />
        <source>%n item(s) removed more than %1 days ago were deleted from the trash.</source>
        <translation><numerusform>回收站中 %n 项移除已超过 %1 天，已永久删除。</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/trash_controller.py" line="165" />
        <source>Restore from Trash</source>
        <translation>从回收站恢复</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="167" />
        <source>%n of the imported file(s) are issues you removed to the trash. Restore them?</source>
        <translation><numerusform>导入的文件中有 %n 个是您移到回收站的期刊。要恢复吗？</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/trash_controller.py" line="173" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trash_controller.py" line="174" />
        <source>Keep in Trash</source>
        <translation>留在回收站</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../reader/ui/trash_dialog.py" line="32" />
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trash_dialog.py" line="37" />
        <source>Removed issues and documents are kept here for %1 days, then deleted.</source>
        <translation>移除的期刊和文档在这里保留 %1 天，之后永久删除。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trash_dialog.py" line="43" />
        <source>Removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trash_dialog.py" line="43" />
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trash_dialog.py" line="43" />
        <source>Highlights</source>
        <translation>高亮数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trash_dialog.py" line="43" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trash_dialog.py" line="49" />
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/trash_dialog.py" line="50" />
        <source>&amp;Empty Trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>Validity</name>
    <message>
        <location filename="../../reader/models/labels.py" line="135" />
        <source>In force</source>
        <translation>现行有效</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="136" />
        <source>Amended</source>
        <translation>已被修改</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="137" />
        <source>Not yet in force</source>
        <translation>尚未施行</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="138" />
        <source>Expired</source>
        <translation>已过有效期</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="139" />
        <source>Repealed</source>
        <translation>已废止</translation>
    </message>
    <message>
        <location filename="../../reader/models/labels.py" line="140" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>ValidityBanner</name>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="136" />
        <source>Open it</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="153" />
        <source>Repealed by %1</source>
        <translation>已废止：被 %1 废止</translation>
    </message>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="155" />
        <source>Expired: in force until %1</source>
        <translation>已过有效期：有效至 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="157" />
        <source>Not yet in force: takes effect on %1</source>
        <translation>尚未施行：自 %1 起施行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/relations_panel.py" line="159" />
        <source>Amended by %1</source>
        <translation>已被修改：%1</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="43" />
        <source>Import &amp;Files…</source>
        <translation>导入文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="44" />
        <source>Import F&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="45" />
        <source>Import the &amp;Sample Issue</source>
        <translation>导入示例公报(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="46" />
        <source>&amp;Export Notes…</source>
        <translation>导出批注(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="47" />
        <source>Import Notes from &amp;JSON…</source>
        <translation>从 JSON 导入批注(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="48" />
        <source>&amp;Backups and Restore…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="49" />
        <source>T&amp;rash…</source>
        <translation>回收站(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="50" />
        <source>&amp;Print Document…</source>
        <translation>打印文档(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="51" />
        <source>Print No&amp;tes…</source>
        <translation>打印批注(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="52" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="53" />
        <source>&amp;Highlight Selection</source>
        <translation>高亮所选文字(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="54" />
        <source>Highlight and &amp;Note…</source>
        <translation>高亮并批注(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="58" />
        <source>&amp;Copy as Citation</source>
        <translation>复制为引文(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="65" />
        <source>Document &amp;Properties…</source>
        <translation>文档属性(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="69" />
        <source>&amp;Split into a New Document Here</source>
        <translation>从此处拆分为新文档(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="73" />
        <source>&amp;Merge with Previous Document</source>
        <translation>与上一篇合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="77" />
        <source>Move Selected to T&amp;rash…</source>
        <translation>将所选移到回收站(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="78" />
        <source>&amp;Find in Document…</source>
        <translation>在文档中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="79" />
        <source>&amp;Search the Library…</source>
        <translation>全文检索(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="80" />
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="81" />
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="85" />
        <source>&amp;Text / Page View</source>
        <translation>文字/原版视图(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="88" />
        <source>Switch between text and page view (Ctrl+Shift+V)</source>
        <translation>在文字视图和原版页面视图之间切换 (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="94" />
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="98" />
        <source>Zoom in (Ctrl++)</source>
        <translation>放大 (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="103" />
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="107" />
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小 (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="112" />
        <source>Fit &amp;Width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="115" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="117" />
        <source>Fit &amp;Page</source>
        <translation>适合页面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="117" />
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="118" />
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="119" />
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="123" />
        <source>&amp;Next Document</source>
        <translation>下一篇文档(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="130" />
        <source>&amp;Previous Document</source>
        <translation>上一篇文档(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="134" />
        <source>Go to &amp;Page…</source>
        <translation>转到页(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="135" />
        <source>Show the &amp;Issue in the Library</source>
        <translation>在资料库中显示本期(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="139" />
        <source>All &amp;Highlights and Notes…</source>
        <translation>全部高亮与批注(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="143" />
        <source>&amp;To Do…</source>
        <translation>待办(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="147" />
        <source>A&amp;ppointments and Removals…</source>
        <translation>人事任免(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="154" />
        <source>&amp;Tags…</source>
        <translation>标签管理(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="158" />
        <source>&amp;Re-split All Issues</source>
        <translation>重新拆分全部期刊(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="159" />
        <source>Recognise &amp;Text of This Scan</source>
        <translation>识别此扫描件的文字(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="160" />
        <source>&amp;Colour Meanings…</source>
        <translation>颜色含义(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="161" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="162" />
        <source>&amp;Getting Started</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="163" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="164" />
        <source>&amp;About Gongbao Reader</source>
        <translation>关于公报阅读器(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="171" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="172" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="173" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="174" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="175" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="176" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="183" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="183" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="189" />
        <source>&amp;Recent Documents</source>
        <translation>最近阅读(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="194" />
        <source>T&amp;heme</source>
        <translation>主题(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="195" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="195" />
        <source>Sepia</source>
        <translation>护眼（米黄）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="195" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="204" />
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="209" />
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="223" />
        <source>Page through the document</source>
        <translation>翻页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="224" />
        <source>Close the find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="225" />
        <source>Move to the trash (library panel)</source>
        <translation>移到回收站（资料库面板）</translation>
    </message>
</context>
<context>
    <name>duties</name>
    <message>
        <location filename="../../reader/models/duties.py" line="35" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="36" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="37" />
        <source>Later on</source>
        <translation>以后</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="38" />
        <source>No date</source>
        <translation>无具体日期</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="39" />
        <location filename="../../reader/models/duties.py" line="147" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="94" />
        <source>Decided</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="95" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="96" />
        <source>Appointed or removed</source>
        <translation>任免</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="97" />
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="98" />
        <source>Organ</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="99" />
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="100" />
        <location filename="../../reader/models/duties.py" line="152" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="122" />
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="148" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="149" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="150" />
        <source>Task</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../reader/models/duties.py" line="151" />
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
</context>
</TS>