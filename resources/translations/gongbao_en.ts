<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AnnotationsBrowser</name>
    <message numerus="yes">
        <location filename="../../reader/ui/annotations_browser.py" line="122" />
        <source>%n highlight(s)</source>
        <translation><numerusform>%n highlight</numerusform><numerusform>%n highlights</numerusform></translation></message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../reader/ui/export_dialog.py" line="182" />
        <source>%n highlight(s)</source>
        <translation><numerusform>%n highlight</numerusform><numerusform>%n highlights</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/export_dialog.py" line="184" />
        <source>%n document note(s)</source>
        <translation><numerusform>%n document note</numerusform><numerusform>%n document notes</numerusform></translation></message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../reader/ui/main_window.py" line="170" />
        <source>%n document(s)</source>
        <translation><numerusform>%n document</numerusform><numerusform>%n documents</numerusform></translation></message>
</context>
<context>
    <name>PersonnelView</name>
    <message numerus="yes">
        <location filename="../../reader/ui/duties_views.py" line="114" />
        <source>%n record(s)</source>
        <translation><numerusform>%n record</numerusform><numerusform>%n records</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/duties_views.py" line="116" />
        <source>%n document(s) still being read</source>
        <translation><numerusform>%n document still being read</numerusform><numerusform>%n documents still being read</numerusform></translation></message>
</context>
<context>
    <name>ReparseController</name>
    <message numerus="yes">
        <location filename="../../reader/ui/reparse_controller.py" line="52" />
        <source>%n issue(s) in your library were split into documents by an older version. The new version finds documents without a document number (announcements, decisions, speeches) that the old one merged into the document before them.</source>
        <translation><numerusform>%n issue in your library was split into documents by an older version. The new version finds documents without a document number (announcements, decisions, speeches) that the old one merged into the document before them.</numerusform><numerusform>%n issues in your library were split into documents by an older version. The new version finds documents without a document number (announcements, decisions, speeches) that the old one merged into the document before them.</numerusform></translation></message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../reader/ui/search_panel.py" line="186" />
        <source>%n document(s)</source>
        <translation><numerusform>%n document</numerusform><numerusform>%n documents</numerusform></translation></message>
</context>
<context>
    <name>TasksView</name>
    <message numerus="yes">
        <location filename="../../reader/ui/duties_views.py" line="205" />
        <source>%n task(s)</source>
        <translation><numerusform>%n task</numerusform><numerusform>%n tasks</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/duties_views.py" line="205" />
        <source>%n overdue</source>
        <translation><numerusform>%n overdue</numerusform><numerusform>%n overdue</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/duties_views.py" line="207" />
        <source>%n done mark(s) whose task is no longer in the text (kept)</source>
        <translation><numerusform>%n done mark whose task is no longer in the text (kept)</numerusform><numerusform>%n done marks whose tasks are no longer in the text (kept)</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/duties_views.py" line="209" />
        <source>%n document(s) still being read</source>
        <translation><numerusform>%n document still being read</numerusform><numerusform>%n documents still being read</numerusform></translation></message>
</context>
<context>
    <name>TrashController</name>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="47" />
        <source>%n issue(s)</source>
        <translation><numerusform>%n issue</numerusform><numerusform>%n issues</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="49" />
        <location filename="../../reader/ui/trash_controller.py" line="51" />
        <source>%n document(s)</source>
        <translation><numerusform>%n document</numerusform><numerusform>%n documents</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="55" />
        <source>It holds %n highlight(s) and note(s); they are kept with it.</source>
        <translation><numerusform>It holds %n highlight or note; it is kept with it.</numerusform><numerusform>It holds %n highlights and notes; they are kept with it.</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="114" />
        <source>Restored %1; %n highlight(s) back with it.</source>
        <translation><numerusform>Restored %1; %n highlight back with it.</numerusform><numerusform>Restored %1; %n highlights back with it.</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="135" />
        <source>Trash emptied: %n document(s) deleted.</source>
        <translation><numerusform>Trash emptied: %n document deleted.</numerusform><numerusform>Trash emptied: %n documents deleted.</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="152" />
        <source>%n item(s) removed more than %1 days ago were deleted from the trash.</source>
        <translation><numerusform>%n item removed more than %1 days ago was deleted from the trash.</numerusform><numerusform>%n items removed more than %1 days ago were deleted from the trash.</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../reader/ui/trash_controller.py" line="167" />
        <source>%n of the imported file(s) are issues you removed to the trash. Restore them?</source>
        <translation><numerusform>%n of the imported files is an issue you removed to the trash. Restore it?</numerusform><numerusform>%n of the imported files are issues you removed to the trash. Restore them?</numerusform></translation></message>
</context>
</TS>