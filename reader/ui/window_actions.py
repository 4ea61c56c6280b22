"""The window's menus and actions, declared as a table: each action bound to what it runs.

Toolbar buttons take these actions too (``ReadingPane.use_actions``), so a click, the menu item
and the shortcut are one path with one enabled state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from reader.library.records import View
from reader.resources import sample_issue
from reader.settings import THEMES
from reader.ui.actions import ActionSpec, make_actions
from reader.ui.help_dialogs import GuideDialog, ShortcutsDialog
from reader.ui.i18n import LANGUAGES
from reader.ui.page_view import Fit
from reader.ui.tag_manager import TagManager

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class WindowActions(QObject):
    """The menu bar of ``window`` and its actions by name (``by_name``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.by_name: dict[str, QAction] = {}
        self.recent_menu: QMenu | None = None

    def specs(self) -> list[ActionSpec]:
        w = self.window
        S, A, pane = QKeySequence.StandardKey, ActionSpec, w.pane
        imports, exports, fit = w.imports, w.exports, w.pane.page_view.set_fit
        notes = w.annotating
        return [
            A("import_files", "file", self.tr("Import &Files…"), S.Open, imports.files_dialog),
            A("import_folder", "file", self.tr("Import F&older…"), "Ctrl+Shift+O", imports.folder_dialog),
            A("import_sample", "file", self.tr("Import the &Sample Issue"), None, imports.import_sample),
            A("export", "file", self.tr("&Export Notes…"), "Ctrl+E", exports.open_dialog),
            A("import_notes", "file", self.tr("Import Notes from &JSON…"), None, exports.import_notes_dialog),
            A("backups", "file", self.tr("&Backups and Restore…"), None, w.backups.open_dialog),
            A("trash", "file", self.tr("T&rash…"), None, w.trashing.open_dialog),
            A("print_document", "file", self.tr("&Print Document…"), S.Print, w.print_document),
            A("print_notes", "file", self.tr("Print No&tes…"), "Ctrl+Shift+P", w.print_notes),
            A("quit", "file", self.tr("&Quit"), S.Quit, w.close),
            A("highlight", "edit", self.tr("&Highlight Selection"), "Ctrl+H", notes.highlight_selection),
            A("note", "edit", self.tr("Highlight and &Note…"), "Ctrl+Shift+N", notes.note_selection),
            A(
                "citation",
                "edit",
                self.tr("&Copy as Citation"),
                "Ctrl+Shift+C",
                notes.copy_selection_citation,
            ),
            A(
                "properties",
                "edit",
                self.tr("Document &Properties…"),
                "Alt+Return",
                w.repairs.properties,
            ),
            A("split_here", "edit", self.tr("&Split into a New Document Here"), None, w.repairs.split_here),
            A(
                "merge_previous",
                "edit",
                self.tr("&Merge with Previous Document"),
                None,
                w.repairs.merge_previous,
            ),
            A("remove", "edit", self.tr("Move Selected to T&rash…"), None, w.trashing.remove_selected),
            A("find", "edit", self.tr("&Find in Document…"), S.Find, pane.open_find),
            A("search", "edit", self.tr("&Search the Library…"), "Ctrl+Shift+F", w.open_search),
            A("find_next", "edit", self.tr("Find &Next"), "F3", lambda: pane.find_step(1)),
            A("find_prev", "edit", self.tr("Find &Previous"), "Shift+F3", lambda: pane.find_step(-1)),
            A(
                "toggle_view",
                "view",
                self.tr("&Text / Page View"),
                "Ctrl+Shift+V",
                pane.toggle_view,
                tip=self.tr("Switch between text and page view (Ctrl+Shift+V)"),
                checkable=True,
            ),
            A(
                "zoom_in",
                "view",
                self.tr("Zoom &In"),
                S.ZoomIn,
                pane.zoom_in,
                "+",
                self.tr("Zoom in (Ctrl++)"),
            ),
            A(
                "zoom_out",
                "view",
                self.tr("Zoom &Out"),
                S.ZoomOut,
                pane.zoom_out,
                "−",
                self.tr("Zoom out (Ctrl+-)"),
            ),
            A(
                "fit_width",
                "view",
                self.tr("Fit &Width"),
                "Ctrl+2",
                lambda: fit(Fit.WIDTH),
                self.tr("Fit width"),
            ),
            A("fit_page", "view", self.tr("Fit &Page"), "Ctrl+1", lambda: fit(Fit.PAGE), self.tr("Fit page")),
            A("back", "go", self.tr("&Back"), S.Back, w.go_back),
            A("forward", "go", self.tr("&Forward"), S.Forward, w.go_forward),
            A(
                "next_document",
                "go",
                self.tr("&Next Document"),
                "Ctrl+PgDown",
                lambda: w.navigation.step_document(1),
            ),
            A(
                "previous_document",
                "go",
                self.tr("&Previous Document"),
                "Ctrl+PgUp",
                lambda: w.navigation.step_document(-1),
            ),
            A("go_to_page", "go", self.tr("Go to &Page…"), "Ctrl+G", w.navigation.go_to_page),
            A("show_issue", "go", self.tr("Show the &Issue in the Library"), None, w.navigation.show_issue),
            A(
                "annotations_browser",
                "tools",
                self.tr("All &Highlights and Notes…"),
                "Ctrl+Shift+A",
                notes.open_browser,
            ),
            A("tasks_view", "tools", self.tr("&To Do…"), "Ctrl+Shift+T", w.duties.open_tasks),
            A(
                "personnel_view",
                "tools",
                self.tr("A&ppointments and Removals…"),
                None,
                w.duties.open_personnel,
            ),
            A(
                "tag_manager",
                "tools",
                self.tr("&Tags…"),
                None,
                lambda: TagManager(w.annotations, w).exec(),
            ),
            A("reparse", "tools", self.tr("&Re-split All Issues"), None, w.reparse.start_all),
            A("recognise_text", "tools", self.tr("Recognise &Text of This Scan"), None, w.ocr.start),
            A("palette", "tools", self.tr("&Colour Meanings…"), None, w.preferences.open_palette),
            A("settings", "tools", self.tr("&Settings…"), S.Preferences, w.preferences.open_dialog),
            A("guide", "help", self.tr("&Getting Started"), S.HelpContents, self.open_guide),
            A("shortcuts", "help", self.tr("&Keyboard Shortcuts"), "Ctrl+/", self.open_shortcuts),
            A("about", "help", self.tr("&About Gongbao Reader"), None, w.about),
        ]

    def build(self) -> None:
        w = self.window
        bar = w.menuBar()
        titles = {
            "file": self.tr("&File"),
            "edit": self.tr("&Edit"),
            "view": self.tr("&View"),
            "go": self.tr("&Go"),
            "tools": self.tr("&Tools"),
            "help": self.tr("&Help"),
        }
        menus = {key: bar.addMenu(text) for key, text in titles.items()}
        for name, make, keys in (
            ("undo", w.annotations.stack.createUndoAction, QKeySequence.StandardKey.Undo),
            ("redo", w.annotations.stack.createRedoAction, QKeySequence.StandardKey.Redo),
        ):
            act = make(w, self.tr("&Undo") if name == "undo" else self.tr("&Redo"))
            act.setShortcut(keys)
            menus["edit"].addAction(act)
            self.by_name[name] = act
        menus["edit"].addSeparator()
        self.by_name.update(make_actions(w, self.specs(), menus))
        self.recent_menu = QMenu(self.tr("&Recent Documents"), w)
        menus["file"].insertMenu(self.by_name["export"], self.recent_menu)
        menus["file"].insertSeparator(self.by_name["export"])
        view = menus["view"]
        view.addSeparator()
        theme_menu, group = view.addMenu(self.tr("T&heme")), QActionGroup(w)
        names = {"light": self.tr("Light"), "sepia": self.tr("Sepia"), "dark": self.tr("Dark")}
        for theme in THEMES:
            act = QAction(names[theme], w, checkable=True, objectName=f"theme_{theme}")
            act.setChecked(theme == w.settings.theme)
            act.triggered.connect(lambda _c=False, t=theme: w.preferences.set_theme(t))
            group.addAction(act)
            theme_menu.addAction(act)
            self.by_name[f"theme_{theme}"] = act
        view.addSeparator()
        panels = view.addMenu(self.tr("&Panels"))  # a closed dock comes back from here
        for dock in w.docks.values():
            act = dock.toggleViewAction()
            panels.addAction(act)
            self.by_name[f"panel_{dock.objectName()}"] = act
        lang_menu = view.addMenu(self.tr("&Language"))
        for code, name in LANGUAGES.items():
            act = lang_menu.addAction(name)
            act.setCheckable(True)
            act.setChecked(code == (w.settings.language or "zh_CN"))
            act.triggered.connect(lambda _c=False, c=code: w.preferences.set_language(c))
        for name in ("import_files", "import_folder", "import_sample"):
            self.by_name[name].setEnabled(not w.library.readonly)
        if sample_issue() is None:
            self.by_name["import_sample"].setEnabled(False)
        self.update()

    def open_shortcuts(self) -> ShortcutsDialog:
        extra = [
            (self.tr("Page through the document"), "PgUp / PgDn, Home / End"),
            (self.tr("Close the find bar"), "Esc"),
            (self.tr("Move to the trash (library panel)"), "Delete"),
        ]
        dialog = ShortcutsDialog(self.by_name, extra, self.window)
        dialog.open()
        return dialog

    def open_guide(self) -> GuideDialog:
        dialog = GuideDialog(self.window)
        dialog.open()
        return dialog

    def update(self) -> None:
        """Enable what can be done now (a document open, a PDF, a writable library, history)."""
        w = self.window
        doc, act = w.pane.doc, self.by_name
        is_pdf, paged = bool(doc and doc.is_pdf), bool(doc and doc.is_pdf) and w.pane.view == View.PAGE
        enabled = {
            "highlight": not w.library.readonly and doc is not None,
            "note": not w.library.readonly and doc is not None,
            "print_document": doc is not None,
            "print_notes": doc is not None,
            "import_notes": not w.library.readonly,
            "properties": not w.library.readonly and doc is not None,
            "split_here": not w.library.readonly and doc is not None,
            "merge_previous": not w.library.readonly and doc is not None and doc.seq > 1,
            "remove": not w.library.readonly,
            "toggle_view": is_pdf,
            "recognise_text": w.ocr.can_recognise(),
            "fit_width": paged,
            "fit_page": paged,
            "back": w.history.can_go_back,
            "next_document": doc is not None,
            "previous_document": doc is not None,
            "go_to_page": is_pdf,
            "show_issue": doc is not None,
            "forward": w.history.can_go_forward,
        }
        for name, on in enabled.items():
            act[name].setEnabled(on)
        act["toggle_view"].setChecked(paged)
