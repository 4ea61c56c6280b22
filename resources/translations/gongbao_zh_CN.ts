<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../reader/models/documents.py" line="27" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/models/documents.py" line="28" />
        <source>Number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../reader/models/documents.py" line="29" />
        <source>Issuer</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../reader/models/documents.py" line="30" />
        <source>Date</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../reader/models/documents.py" line="31" />
        <source>Kind</source>
        <translation>文种</translation>
    </message>
    <message>
        <location filename="../../reader/models/documents.py" line="32" />
        <source>Issue</source>
        <translation>所在期刊</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="43" />
        <location filename="../../reader/ui/main_window.py" line="248" />
        <source>Gongbao Reader</source>
        <translation>公报阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="66" />
        <source>Select a document to read it.</source>
        <translation>选择一篇文档即可阅读。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="82" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="83" />
        <source>Import &amp;Files…</source>
        <translation>导入文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="86" />
        <source>Import F&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="89" />
        <source>Import the &amp;Sample Issue</source>
        <translation>导入示例公报(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="92" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="112" />
        <source>%n document(s)</source>
        <translation><numerusform>%n 篇文档</numerusform></translation></message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="114" />
        <source>read-only library</source>
        <translation>只读资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="156" />
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="158" />
        <source>Your library is empty.

Import the sample gazette issue to try the reader? You can import your own files any time from the File menu or by dropping them here.</source>
        <translation>资料库还是空的。

要导入一期示例公报来试用吗？以后随时可以从“文件”菜单导入，或把文件拖到窗口里。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="174" />
        <source>Import Gazette Files</source>
        <translation>导入公报文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="174" />
        <source>Gazettes (*.txt *.md *.pdf);;All files (*)</source>
        <translation>公报 (*.txt *.md *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="181" />
        <source>Import a Folder of Gazettes</source>
        <translation>导入公报文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="190" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="190" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="191" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="210" />
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="237" />
        <source>Imported %1, already present %2, failed %3.</source>
        <translation>导入 %1 个，已存在 %2 个，失败 %3 个。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="242" />
        <source>Some files were not imported</source>
        <translation>部分文件未能导入</translation>
    </message>
</context>
</TS>