<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="44" />
        <source>Find in document</source>
        <translation>在文档中查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="47" />
        <source>Previous (Shift+F3)</source>
        <translation>上一个 (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="48" />
        <source>Next (F3)</source>
        <translation>下一个 (F3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="49" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="70" />
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="72" />
        <source>%1 of %2</source>
        <translation>第 %1 / %2 处</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="30" />
        <source>By issue</source>
        <translation>按期刊分组</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="31" />
        <source>By date, newest first</source>
        <translation>按日期，最新在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="32" />
        <source>By date, oldest first</source>
        <translation>按日期，最早在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="63" />
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="64" />
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="65" />
        <source>All kinds</source>
        <translation>全部文种</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library_panel.py" line="66" />
        <source>All issuers</source>
        <translation>全部发文机关</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <location filename="../../reader/models/library_tree.py" line="46" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/models/library_tree.py" line="47" />
        <source>Number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../reader/models/library_tree.py" line="48" />
        <source>Date</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../reader/models/library_tree.py" line="49" />
        <source>Kind</source>
        <translation>文种</translation>
    </message>
    <message>
        <location filename="../../reader/models/library_tree.py" line="67" />
        <source>No text layer: pages only, not searchable</source>
        <translation>无文本层：只能按页面阅读，不能搜索</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="71" />
        <location filename="../../reader/ui/main_window.py" line="466" />
        <source>Gongbao Reader</source>
        <translation>公报阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="128" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="108" />
        <source>Import &amp;Files…</source>
        <translation>导入文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="80" />
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="81" />
        <source>Outline</source>
        <translation>目录结构</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="109" />
        <source>Import F&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="110" />
        <source>Import the &amp;Sample Issue</source>
        <translation>导入示例公报(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="111" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="112" />
        <source>&amp;Find in Document…</source>
        <translation>在文档中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="113" />
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="114" />
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="115" />
        <source>&amp;Text / Page View</source>
        <translation>文字/原版视图(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="116" />
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="117" />
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="118" />
        <source>Fit &amp;Width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="119" />
        <source>Fit &amp;Page</source>
        <translation>适合页面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="120" />
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="121" />
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="122" />
        <source>&amp;About Gongbao Reader</source>
        <translation>关于公报阅读器(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="129" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="130" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="131" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="132" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="143" />
        <source>&amp;Recent Documents</source>
        <translation>最近阅读(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="149" />
        <source>T&amp;heme</source>
        <translation>主题(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="151" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="151" />
        <source>Sepia</source>
        <translation>护眼（米黄）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="151" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="160" />
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="201" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="201" />
        <source>The new language applies after a restart.</source>
        <translation>重新启动后使用新的界面语言。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="212" />
        <source>%n document(s)</source>
        <translation><numerusform>%n 篇文档</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="214" />
        <source>read-only library</source>
        <translation>只读资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="259" />
        <source>No text layer: this document can be read as pages only.</source>
        <translation>无文本层：此文档只能按页面阅读。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="332" />
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="333" />
        <source>Open this address in your browser?

%1</source>
        <translation>要在浏览器中打开这个地址吗？

%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="343" />
        <source>About Gongbao Reader</source>
        <translation>关于公报阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="344" />
        <source>Gongbao Reader %1
An offline reader for government gazettes.
Licensed under the AGPL-3.0.</source>
        <translation>公报阅读器 %1
离线阅读、批注和检索政府公报。
以 AGPL-3.0 许可发布。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="357" />
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="359" />
        <source>Your library is empty.

Import the sample gazette issue to try the reader? You can import your own files any time from the File menu or by dropping them here.</source>
        <translation>资料库还是空的。

要导入一期示例公报来试用吗？以后随时可以从“文件”菜单导入，或把文件拖到窗口里。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="375" />
        <source>Import Gazette Files</source>
        <translation>导入公报文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="375" />
        <source>Gazettes (*.txt *.md *.pdf);;All files (*)</source>
        <translation>公报 (*.txt *.md *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="382" />
        <source>Import a Folder of Gazettes</source>
        <translation>导入公报文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="391" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="391" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="392" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="411" />
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="443" />
        <source>Password required</source>
        <translation>需要密码</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="444" />
        <source>%1 is encrypted. Enter its password to import it:</source>
        <translation>%1 已加密。请输入打开密码以导入（密码不会被保存）：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="456" />
        <source>Imported %1, already present %2, failed %3.</source>
        <translation>导入 %1 个，已存在 %2 个，失败 %3 个。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="460" />
        <source>Some files were not imported</source>
        <translation>部分文件未能导入</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../reader/ui/page_view.py" line="203" />
        <source>Page %1 cannot be shown: %2</source>
        <translation>第 %1 页无法显示：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="203" />
        <source>Loading page %1…</source>
        <translation>正在加载第 %1 页…</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="106" />
        <source>Switch between text and page view (Ctrl+Shift+V)</source>
        <translation>在文字视图和原版页面视图之间切换 (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="108" />
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小 (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="109" />
        <source>Zoom in (Ctrl++)</source>
        <translation>放大 (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="111" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="112" />
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="271" />
        <source>Page view</source>
        <translation>原版页面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reading_pane.py" line="271" />
        <source>Text view</source>
        <translation>文字视图</translation>
    </message>
</context>
<context>
    <name>TextView</name>
    <message>
        <location filename="../../reader/ui/text_view.py" line="133" />
        <source>This document has no text layer. Switch to the page view to read it.</source>
        <translation>此文档没有文本层，请切换到原版页面视图阅读。</translation>
    </message>
</context>
</TS>