"""The main window: library panel, reading pane, outline; menus; background import."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from reader.annotations.citation import citation
from reader.annotations.palette import palette
from reader.errors import ReaderError
from reader.export.collect import parse_link
from reader.layout import layout
from reader.library import Library
from reader.library.backup import make_backup
from reader.library.records import DocumentRecord, ImportOutcome, ReadingState
from reader.models.annotations import AnnotationController
from reader.models.jobs import Job
from reader.models.pdf_pages import PageRenderer
from reader.models.plaintext import plain_tip, shorten
from reader.models.search import SearchController
from reader.models.tasks import LibraryTask, import_task, reparse_task
from reader.resources import sample_issue
from reader.settings import THEMES, Settings
from reader.ui.annotations_browser import AnnotationsBrowser
from reader.ui.annotations_panel import AnnotationsPanel
from reader.ui.backup_dialog import BackupDialog
from reader.ui.export_dialog import ExportDialog, ExportRequest
from reader.ui.i18n import LANGUAGES
from reader.ui.library_panel import LibraryPanel
from reader.ui.messages import ask, ask_text, message_box, plain_label
from reader.ui.outline_panel import OutlinePanel
from reader.ui.palette_dialog import PaletteDialog
from reader.ui.reading_pane import ReadingPane
from reader.ui.search_panel import SearchPanel
from reader.ui.tag_manager import TagManager


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One user action: declared once, so menus, shortcuts and tests agree."""

    name: str
    menu: str
    text: str
    shortcut: str | QKeySequence.StandardKey | None
    slot: str


class MainWindow(QMainWindow):
    """Composes the panels; turns core errors into messages; remembers where the reader was."""

    import_finished = Signal(list)  # list[ImportOutcome], after the library view refreshed
    reparse_finished = Signal(list)  # list[ReparseOutcome], after the library view refreshed
    document_opened = Signal(int)

    def __init__(
        self, library: Library, settings: Settings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings or Settings()
        self._task: LibraryTask | None = None  # the import or re-split running
        self._reparse_bar: QWidget | None = None
        self.reparse_offer: QMessageBox | None = None
        self._progress: QProgressDialog | None = None
        self._back: list[ReadingState] = []
        self._forward: list[ReadingState] = []
        self._navigating = False
        self._closed = False
        self.last_error = ""
        self.restore_request: Path | None = None  # a backup to restore once this window has closed
        self.backup_job: Job | None = None  # the backup being written (daily or from the dialog)
        self.backups_dialog: BackupDialog | None = None
        self.last_notice = ""
        self._export_job: Job | None = None
        self._notes_job: Job | None = None
        self.library_source = "default"  # or --library, portable, settings (set by the app)
        self.last_export = None
        QDesktopServices.setUrlHandler("gongbao", self, "open_link_url")  # links in exported notes
        self.setWindowTitle(self.tr("Gongbao Reader"))
        self.setAcceptDrops(True)
        self.resize(1280, 820)

        self.renderer = PageRenderer(self)
        self.pane = ReadingPane(self.renderer, self)
        self.setCentralWidget(self.pane)
        self.annotations = AnnotationController(library, self)
        self.search = SearchController(library.folder, self)
        self.search_panel = SearchPanel(self.search, self)
        self.library_panel = LibraryPanel(library, self)
        self.outline = OutlinePanel(self)
        self.annotations_panel = AnnotationsPanel(self.annotations, self)
        right = Qt.DockWidgetArea.RightDockWidgetArea
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        library_dock = self._dock(self.library_panel, self.tr("Library"), left, "libraryDock")
        search_dock = self._dock(self.search_panel, self.tr("Search"), left, "searchDock")
        self.tabifyDockWidget(library_dock, search_dock)
        library_dock.raise_()
        self.search_panel.open_requested.connect(self.open_search_hit)
        self.search.indexing.connect(self._indexing_progress)
        self.search.indexed.connect(self._indexed)
        self._index_soon = QTimer(self, singleShot=True, interval=1500)
        self._index_soon.timeout.connect(self.start_indexing)
        outline_dock = self._dock(self.outline, self.tr("Outline"), right, "outlineDock")
        notes_dock = self._dock(self.annotations_panel, self.tr("Annotations"), right, "annotationsDock")
        self.tabifyDockWidget(outline_dock, notes_dock)
        outline_dock.raise_()
        self.annotations.changed.connect(self._annotations_changed)
        self.annotations.error.connect(self._show_error)
        self.annotations_panel.jump_requested.connect(self.jump_to_highlight)
        self.pane.highlight_requested.connect(self._highlight)
        self.pane.note_requested.connect(self.edit_note)
        self.pane.colour_requested.connect(self.annotations.set_colour)
        self.pane.delete_requested.connect(self.annotations.delete_highlight)
        self.pane.citation_requested.connect(self.copy_citation)
        self.library_panel.document_activated.connect(self.open_document)
        self.library_panel.error.connect(self._show_error)
        self.outline.document_requested.connect(self.open_document)
        self.outline.offset_requested.connect(self.pane.go_to_offset)
        self.pane.link_requested.connect(self._confirm_link)
        self.pane.view_changed.connect(lambda _v: self._update_actions())

        self.status = plain_label(self)
        self.statusBar().addPermanentWidget(self.status)
        self.actions_by_name: dict[str, QAction] = {}
        self._build_menus()
        self.apply_settings()
        self.refresh()

    def _dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    # -- actions ------------------------------------------------------------------------------
    def action_specs(self) -> list[ActionSpec]:
        S = QKeySequence.StandardKey
        return [
            ActionSpec("import_files", "file", self.tr("Import &Files…"), S.Open, "import_files_dialog"),
            ActionSpec(
                "import_folder", "file", self.tr("Import F&older…"), "Ctrl+Shift+O", "import_folder_dialog"
            ),
            ActionSpec("import_sample", "file", self.tr("Import the &Sample Issue"), None, "import_sample"),
            ActionSpec("export", "file", self.tr("&Export Notes…"), "Ctrl+E", "open_export"),
            ActionSpec(
                "import_notes", "file", self.tr("Import Notes from &JSON…"), None, "import_notes_dialog"
            ),
            ActionSpec("backups", "file", self.tr("&Backups and Restore…"), None, "open_backups"),
            ActionSpec("print_document", "file", self.tr("&Print Document…"), S.Print, "print_document"),
            ActionSpec("print_notes", "file", self.tr("Print No&tes…"), "Ctrl+Shift+P", "print_notes"),
            ActionSpec("quit", "file", self.tr("&Quit"), S.Quit, "close"),
            ActionSpec("highlight", "edit", self.tr("&Highlight Selection"), "Ctrl+H", "highlight_selection"),
            ActionSpec("note", "edit", self.tr("Highlight and &Note…"), "Ctrl+Shift+N", "note_selection"),
            ActionSpec(
                "citation", "edit", self.tr("&Copy as Citation"), "Ctrl+Shift+C", "copy_selection_citation"
            ),
            ActionSpec("find", "edit", self.tr("&Find in Document…"), S.Find, "open_find"),
            ActionSpec("search", "edit", self.tr("&Search the Library…"), "Ctrl+Shift+F", "open_search"),
            ActionSpec("find_next", "edit", self.tr("Find &Next"), "F3", "find_next"),
            ActionSpec("find_prev", "edit", self.tr("Find &Previous"), "Shift+F3", "find_previous"),
            ActionSpec("toggle_view", "view", self.tr("&Text / Page View"), "Ctrl+Shift+V", "toggle_view"),
            ActionSpec("zoom_in", "view", self.tr("Zoom &In"), S.ZoomIn, "zoom_in"),
            ActionSpec("zoom_out", "view", self.tr("Zoom &Out"), S.ZoomOut, "zoom_out"),
            ActionSpec("fit_width", "view", self.tr("Fit &Width"), "Ctrl+2", "fit_width"),
            ActionSpec("fit_page", "view", self.tr("Fit &Page"), "Ctrl+1", "fit_page"),
            ActionSpec("back", "go", self.tr("&Back"), S.Back, "go_back"),
            ActionSpec("forward", "go", self.tr("&Forward"), S.Forward, "go_forward"),
            ActionSpec(
                "annotations_browser",
                "tools",
                self.tr("All &Highlights and Notes…"),
                "Ctrl+Shift+A",
                "open_browser",
            ),
            ActionSpec("tag_manager", "tools", self.tr("&Tags…"), None, "open_tag_manager"),
            ActionSpec("reparse", "tools", self.tr("&Re-split All Issues"), None, "reparse_all"),
            ActionSpec("palette", "tools", self.tr("&Colour Meanings…"), None, "open_palette"),
            ActionSpec(
                "settings",
                "tools",
                self.tr("&Settings…"),
                QKeySequence.StandardKey.Preferences,
                "open_settings",
            ),
            ActionSpec("about", "help", self.tr("&About Gongbao Reader"), None, "about"),
        ]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        menus = {
            "file": bar.addMenu(self.tr("&File")),
            "edit": bar.addMenu(self.tr("&Edit")),
            "view": bar.addMenu(self.tr("&View")),
            "go": bar.addMenu(self.tr("&Go")),
            "tools": bar.addMenu(self.tr("&Tools")),
            "help": bar.addMenu(self.tr("&Help")),
        }
        undo = self.annotations.stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.annotations.stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        menus["edit"].addAction(undo)
        menus["edit"].addAction(redo)
        menus["edit"].addSeparator()
        self.actions_by_name["undo"] = undo
        self.actions_by_name["redo"] = redo
        for spec in self.action_specs():
            act = QAction(spec.text, self)
            act.setObjectName(spec.name)
            if spec.shortcut is not None:
                act.setShortcut(QKeySequence(spec.shortcut))
            act.triggered.connect(getattr(self, spec.slot))
            menus[spec.menu].addAction(act)
            self.actions_by_name[spec.name] = act
            if spec.name == "import_sample":
                self.recent_menu = QMenu(self.tr("&Recent Documents"), self)
                menus["file"].addMenu(self.recent_menu)
                menus["file"].addSeparator()
        # themes, font size, language
        view = menus["view"]
        view.addSeparator()
        theme_menu = view.addMenu(self.tr("T&heme"))
        group = QActionGroup(self)
        names = {"light": self.tr("Light"), "sepia": self.tr("Sepia"), "dark": self.tr("Dark")}
        for theme in THEMES:
            act = QAction(names[theme], self, checkable=True)
            act.setObjectName(f"theme_{theme}")
            act.setChecked(theme == self.settings.theme)
            act.triggered.connect(lambda _c=False, t=theme: self.set_theme(t))
            group.addAction(act)
            theme_menu.addAction(act)
            self.actions_by_name[f"theme_{theme}"] = act
        lang_menu = view.addMenu(self.tr("&Language"))
        for code, name in LANGUAGES.items():
            act = QAction(name, self, checkable=True)
            act.setChecked(code == (self.settings.language or "zh_CN"))
            act.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            lang_menu.addAction(act)
        self.act_import_files = self.actions_by_name["import_files"]  # kept for tests and scripts
        for name in ("import_files", "import_folder", "import_sample"):
            self.actions_by_name[name].setEnabled(not self.library.readonly)
        if sample_issue() is None:
            self.actions_by_name["import_sample"].setEnabled(False)
        self._update_actions()

    def _update_actions(self) -> None:
        doc = self.pane.doc
        writable = not self.library.readonly and doc is not None
        for name in ("highlight", "note"):
            self.actions_by_name[name].setEnabled(writable)
        for name in ("print_document", "print_notes"):
            self.actions_by_name[name].setEnabled(doc is not None)
        self.actions_by_name["import_notes"].setEnabled(not self.library.readonly)
        is_pdf = bool(doc and doc.is_pdf)
        self.actions_by_name["toggle_view"].setEnabled(is_pdf)
        paged = is_pdf and self.pane.view == "page"
        self.actions_by_name["fit_width"].setEnabled(paged)
        self.actions_by_name["fit_page"].setEnabled(paged)
        self.actions_by_name["back"].setEnabled(bool(self._back))
        self.actions_by_name["forward"].setEnabled(bool(self._forward))

    # -- settings -----------------------------------------------------------------------------
    def colours(self) -> list:
        return palette(self.settings.palette)

    def apply_settings(self) -> None:
        self.annotations_panel.set_palette(self.colours())
        self.search_panel.set_history(self.settings.extra.get("search_history", []))
        self.pane.text_view.font_pt = self.settings.font_pt
        self.pane.set_theme(self.settings.theme)
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode()))

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        self.pane.set_theme(theme)
        self.actions_by_name[f"theme_{theme}"].setChecked(True)
        self.settings.save()

    def set_language(self, code: str) -> None:
        self.settings.language = code
        self.settings.save()
        message_box(
            self,
            QMessageBox.Icon.Information,
            self.tr("Language"),
            self.tr("The new language applies after a restart."),
        ).exec()

    # -- library ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the library panel and the status line."""
        self.library_panel.refresh()
        try:
            facets = self.library.facets()
            self.search_panel.set_choices(facets["city"], facets["kind"])
        except ReaderError:
            pass
        try:
            counts = self.library.counts()
        except ReaderError as exc:
            self._show_error(str(exc))
            return
        text = self.tr("%n document(s)", "", counts["documents"])
        if self.library.readonly:
            text += " · " + self.tr("read-only library")
        self.status.setText(text)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        try:
            recent = self.library.recent_documents(10)
        except ReaderError:
            recent = []
        for d in recent:
            act = self.recent_menu.addAction(d.title[:50])
            act.setToolTip(plain_tip(d.title))
            act.triggered.connect(lambda _c=False, i=d.id: self.open_document(i))
        self.recent_menu.setEnabled(bool(recent))

    def current_document_id(self) -> int | None:
        return self.pane.doc.id if self.pane.doc else None

    def select_document(self, doc_id: int) -> bool:
        """Open ``doc_id`` (kept for callers that think in list selection)."""
        return self.open_document(doc_id)

    @Slot(int)
    def open_document(self, doc_id: int) -> bool:
        """Open a document where the reader last left it."""
        try:
            doc = self.library.document(doc_id)
            state = self.library.reading_state(doc_id)
        except ReaderError as exc:
            self._show_error(str(exc))
            return False
        if self.pane.doc is not None and self.pane.doc.id != doc_id:
            self._remember_place(push_history=not self._navigating)
        self._show(doc, state)
        return True

    def _show(self, doc: DocumentRecord, state: ReadingState | None) -> None:
        pdf = self.library.folder / doc.issue.stored_path if doc.is_pdf else None
        self.pane.show_document(doc, pdf, state)
        self.library_panel.select(doc.id)
        issue_docs = self.library.documents(issue_id=doc.issue_id)
        self.outline.show_issue(issue_docs, doc.id, layout(doc.text, doc.recipients))
        self.annotations_panel.show_document(doc.id)
        self._show_highlights(doc.id)
        self.setWindowTitle(f"{doc.title} — {self.tr('Gongbao Reader')}")
        if not doc.searchable and doc.is_pdf:
            self.statusBar().showMessage(
                self.tr("No text layer: this document can be read as pages only."), 8000
            )
        self._update_actions()
        self.document_opened.emit(doc.id)

    def _remember_place(self, push_history: bool) -> None:
        state = self.pane.state()
        if state is None:
            return
        with contextlib.suppress(ReaderError):  # read-only or busy library: the place is not kept
            self.library.save_reading_state(state)
        if push_history:
            self._back.append(state)
            self._forward.clear()

    # -- annotations --------------------------------------------------------------------------
    def _show_highlights(self, doc_id: int) -> None:
        try:
            found = self.library.annotations.highlights(doc_id)
        except ReaderError as exc:
            self._show_error(str(exc))
            return
        self.pane.set_annotations(found, self.colours())

    # -- search -------------------------------------------------------------------------------
    def start_indexing(self) -> None:
        """Index what the queue holds (or rebuild a missing/stale index) in the background."""
        if not self.library.readonly and not self._closed:
            self.search.index_now()

    @Slot(int, int)
    def _indexing_progress(self, done: int, total: int) -> None:
        text = self.tr("Indexing %1 / %2").replace("%1", str(done)).replace("%2", str(total))
        self.statusBar().showMessage(text, 3000)

    @Slot()
    def _indexed(self) -> None:
        if self.statusBar().currentMessage().startswith(self.tr("Indexing %1 / %2").split("%1")[0]):
            self.statusBar().showMessage(self.tr("Search index up to date"), 3000)
        if self.search_panel.edit.text().strip():
            self.search_panel.run()  # results now include what was just indexed

    def open_search(self) -> None:
        dock = self.findChild(QDockWidget, "searchDock")
        if dock is not None:
            dock.show()
            dock.raise_()
        self.search_panel.edit.setFocus()
        self.search_panel.edit.selectAll()

    @Slot(int, int, str)
    def open_search_hit(self, doc_id: int, offset: int, query: str) -> None:
        """Open a result at its first passage with the query's words marked."""
        from reader.search.query import parse

        if not self.open_document(doc_id):
            return
        literals = parse(query).literals if query else []
        if literals:
            self.pane.find(literals[0])
        self.pane.go_to_offset(max(offset - 20, 0))
        self.settings.extra["search_history"] = self.search_panel.history

    @Slot(int)
    def _annotations_changed(self, doc_id: int) -> None:
        self._index_soon.start()  # notes and tags are searchable: re-index shortly
        current = self.current_document_id()
        if current is not None and doc_id in (current, -1):
            self._show_highlights(current)
        self.annotations_panel.refresh()
        self.library_panel.refresh_tags()

    @Slot(int, int, str)
    def _highlight(self, start: int, end: int, colour: str) -> None:
        doc = self.pane.doc
        if doc is None:
            return
        h = self.annotations.add_highlight(doc.id, start, end, colour)
        if h is not None:
            self.settings.last_colour = colour
            self.pane.clear_selection()
            self.annotations_panel.select(h.uuid)

    def highlight_selection(self) -> str | None:
        """Highlight the selection (either view) in the last colour used; returns the uuid."""
        span = self.pane.selection_range()
        doc = self.pane.doc
        if span is None or doc is None:
            self.statusBar().showMessage(self.tr("Select some text first."), 4000)
            return None
        h = self.annotations.add_highlight(doc.id, span[0], span[1], self.settings.last_colour)
        if h is None:
            return None
        self.pane.clear_selection()
        self.annotations_panel.select(h.uuid)
        return h.uuid

    def note_selection(self) -> None:
        """Highlight the selection and put the cursor in its note."""
        uid = self.highlight_selection()
        if uid is not None:
            self.edit_note(uid)

    @Slot(str)
    def edit_note(self, uid: str) -> None:
        dock = self.findChild(QDockWidget, "annotationsDock")
        if dock is not None:
            dock.show()
            dock.raise_()
        self.annotations_panel.edit_note(uid)

    @Slot(str)
    def jump_to_highlight(self, uid: str) -> None:
        try:
            h = self.library.annotations.highlight(uid)
        except ReaderError as exc:
            self._show_error(str(exc))
            return
        if self.current_document_id() != h.document_id:
            self.open_document(h.document_id)
        if not h.orphan:
            self.pane.go_to_offset(max(h.start - 20, 0))
            if self.pane.view == "text":
                self.pane.text_view.select_range(h.start, h.end)

    def open_at(self, doc_id: int, offset: int) -> None:
        if self.open_document(doc_id):
            self.pane.go_to_offset(max(offset - 20, 0))

    @Slot(int, int)
    def copy_citation(self, start: int, end: int) -> None:
        """《title》（发文字号）： “quote” to the clipboard, as civil servants cite documents."""
        doc = self.pane.doc
        if doc is None:
            return
        QApplication.clipboard().setText(citation(doc.title, doc.number, doc.text[start:end]))
        self.statusBar().showMessage(self.tr("Citation copied."), 4000)

    def copy_selection_citation(self) -> None:
        span = self.pane.selection_range()
        if span is not None:
            self.copy_citation(*span)

    def open_browser(self) -> None:
        browser = AnnotationsBrowser(self.library, self.colours(), self)
        browser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        browser.open_requested.connect(self.open_at)
        browser.show()
        self._browser = browser

    def open_tag_manager(self) -> None:
        TagManager(self.annotations, self).exec()

    def open_palette(self) -> None:
        dialog = PaletteDialog(self.settings.palette, self)
        if dialog.exec():
            self.set_palette_meanings(dialog.meanings())

    def set_palette_meanings(self, meanings: dict[str, str]) -> None:
        """Rename what colours mean; stored highlights keep their colour keys."""
        self.settings.palette = meanings
        self.settings.save()
        self.annotations_panel.set_palette(self.colours())
        if self.pane.doc is not None:
            self._show_highlights(self.pane.doc.id)
        self.annotations_panel.refresh()

    # -- navigation ---------------------------------------------------------------------------
    def go_back(self) -> None:
        self._travel(self._back, self._forward)

    def go_forward(self) -> None:
        self._travel(self._forward, self._back)

    def _travel(self, source: list[ReadingState], target: list[ReadingState]) -> None:
        if not source:
            return
        here = self.pane.state()
        dest = source.pop()
        if here is not None:
            target.append(here)
            self.library.save_reading_state(here)
        try:
            doc = self.library.document(dest.document_id)
        except ReaderError as exc:
            self._show_error(str(exc))
            return
        self._show(doc, dest)

    def open_find(self) -> None:
        self.pane.open_find()

    def find_next(self) -> None:
        self.pane.find_step(1)

    def find_previous(self) -> None:
        self.pane.find_step(-1)

    def toggle_view(self) -> None:
        self.pane.toggle_view()

    def zoom_in(self) -> None:
        self.pane.zoom_in()
        self._store_font()

    def zoom_out(self) -> None:
        self.pane.zoom_out()
        self._store_font()

    def _store_font(self) -> None:
        if self.pane.view == "text":
            self.settings.font_pt = self.pane.text_view.font_pt

    def fit_width(self) -> None:
        self.pane.page_view.set_fit("width")

    def fit_page(self) -> None:
        self.pane.page_view.set_fit("page")

    @Slot(QUrl)
    def _confirm_link(self, url: QUrl) -> None:
        """Links leave the app only after the reader has seen the full address."""
        text = self.tr("Open this address in your browser?\n\n%1").replace("%1", url.toString())
        if ask(self, self.tr("Open link"), text):
            QDesktopServices.openUrl(url)

    def about(self) -> QWidget:
        """Version, the licence, and the licences of everything bundled (PyMuPDF is AGPL)."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

        from reader import __version__
        from reader.resources import resource

        dialog = QDialog(self)
        dialog.setObjectName("aboutDialog")
        dialog.setWindowTitle(self.tr("About Gongbao Reader"))
        lay = QVBoxLayout(dialog)
        text = QTextBrowser(dialog)
        text.setOpenExternalLinks(False)
        intro = self.tr(
            "Gongbao Reader %1\n\nAn offline reader for government gazettes.\n"
            "Licensed under the GNU AGPL v3 or later."
        ).replace("%1", __version__)
        notices = resource("licenses", "THIRD-PARTY.md")
        body = notices.read_text(encoding="utf-8") if notices.is_file() else ""
        text.setMarkdown("\n\n".join(intro.split("\n")) + "\n\n" + body)
        lay.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        lay.addWidget(buttons)
        dialog.resize(720, 560)
        dialog.open()
        return dialog

    def open_settings(self) -> QWidget:
        from reader.locations import library_dir
        from reader.ui.settings_dialog import SettingsDialog

        source = self.library_source
        choice = library_dir(chosen=self.settings.library or None)
        if source in ("--library", "portable"):
            choice = type(choice)(self.library.folder, source)
        dialog = SettingsDialog(self.settings, choice, self)
        dialog.palette_button.clicked.connect(self.open_palette)
        dialog.accepted.connect(lambda: self.apply_dialog_settings(dialog))
        dialog.open()
        return dialog

    def apply_dialog_settings(self, dialog) -> None:
        language = dialog.language.currentData()
        if language != (self.settings.language or "zh_CN"):
            self.set_language(language)
        self.set_theme(dialog.theme.currentData())
        self.pane.text_view.set_font_size(dialog.font_pt.value())
        self.settings.font_pt = self.pane.text_view.font_pt
        changed = dialog.library_changed()
        if changed:
            self.settings.library = changed
            self.statusBar().showMessage(self.tr("The library folder changes at the next start."), 10000)
        self.settings.save()

    # -- importing ----------------------------------------------------------------------------
    def offer_sample(self) -> QMessageBox | None:
        """First run (an empty library): welcome, offering the bundled sample issue or a folder.

        Not modal to the application: the window behind it is already usable."""
        if self.library.readonly or self.library.counts()["documents"]:
            return None
        box = message_box(self, QMessageBox.Icon.Information, self.tr("Welcome"), "")
        box.setObjectName("welcome")
        box.setText(
            self.tr(
                "Your library is empty.\n\nImport the sample gazette issue to try the reader, or a folder "
                "of your own gazettes? You can import files any time from the File menu or by dropping "
                "them here."
            )
        )
        sample = box.addButton(self.tr("Import the sample issue"), QMessageBox.ButtonRole.AcceptRole)
        sample.setEnabled(sample_issue() is not None)
        folder = box.addButton(self.tr("Import a folder…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(sample)

        def chosen(button) -> None:
            if button is sample:
                self.import_sample()
            elif button is folder:
                self.import_folder_dialog()

        box.buttonClicked.connect(chosen)
        box.open()
        self.welcome = box
        return box

    @Slot()
    def import_sample(self) -> None:
        sample = sample_issue()
        if sample is not None:
            self.start_import([str(sample)])

    @Slot()
    def import_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import Gazette Files"), "", self.tr("Gazettes (*.txt *.md *.pdf);;All files (*)")
        )
        if files:
            self.start_import(files)

    @Slot()
    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a Folder of Gazettes"))
        if folder:
            self.start_import([folder])

    def start_import(self, paths: list[str], passwords: dict[str, str] | None = None) -> bool:
        """Import in the background with a cancellable progress dialog; False if one is running."""
        if self._task is not None or self.library.readonly:
            return False
        self._task = import_task(self.library.folder, paths, self, passwords=passwords)
        self._progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self)
        self._progress.setWindowTitle(self.tr("Import"))
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.canceled.connect(self._task.cancel)
        self._task.progress.connect(self._on_progress)
        self._task.done.connect(self._on_import_done)
        self._task.start()
        return True

    def import_running(self) -> bool:
        return self._task is not None

    # -- re-splitting with a newer parser -------------------------------------------------------
    def offer_reparse(self) -> QMessageBox | None:
        """Once per parser version: offer to re-split issues an older parser split (non-modal)."""
        from reader.gazette.parser import PARSER_VERSION
        from reader.reparse import outdated_issues

        if self.library.readonly or self.settings.extra.get("reparse_offered", 0) >= PARSER_VERSION:
            return None
        try:
            outdated = outdated_issues(self.library)
        except ReaderError:
            return None
        if not outdated:
            return None
        self.settings.extra["reparse_offered"] = PARSER_VERSION
        self.settings.save()
        box = message_box(self, QMessageBox.Icon.Question, self.tr("Better splitting available"), "")
        box.setObjectName("reparseOffer")
        text = self.tr(
            "%n issue(s) in your library were split into documents by an older version. The new "
            "version finds documents without a document number (announcements, decisions, "
            "speeches) that the old one merged into the document before them.",
            "",
            len(outdated),
        )
        box.setText(text)
        box.setInformativeText(
            self.tr("Re-split them now, in the background? Highlights, notes and tags are kept.")
        )
        yes = box.addButton(self.tr("Re-split now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda b: b is yes and self.start_reparse(outdated))
        box.setModal(False)  # the user goes on reading while deciding
        box.show()
        self.reparse_offer = box
        return box

    def reparse_all(self) -> bool:
        return self.start_reparse([r.id for r in self.library.issues()])

    def start_reparse(self, issue_ids: list[int]) -> bool:
        """Re-split issues in the background; progress and Cancel in the status bar, the window
        stays usable. False when another import or re-split is running."""
        if self._task is not None or self.library.readonly or not issue_ids:
            return False
        from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton

        self._task = reparse_task(self.library.folder, issue_ids, self)
        bar = QWidget(self, objectName="reparseProgress")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Re-splitting issues…"), bar))
        meter = QProgressBar(bar, maximum=len(issue_ids))
        meter.setMaximumWidth(160)
        row.addWidget(meter)
        cancel = QPushButton(self.tr("Cancel"), bar)
        cancel.clicked.connect(self._task.cancel)
        row.addWidget(cancel)
        self.statusBar().addWidget(bar)
        self._reparse_bar = bar
        self._task.progress.connect(lambda done, _total, _cur: meter.setValue(done))
        self._task.done.connect(self._on_reparse_done)
        self._task.start()
        return True

    @Slot(list, str)
    def _on_reparse_done(self, outcomes: list, error: str) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.deleteLater()
        if self._reparse_bar is not None:
            self.statusBar().removeWidget(self._reparse_bar)
            self._reparse_bar.deleteLater()
            self._reparse_bar = None
        if error:
            self._show_error(error)
            self.reparse_finished.emit([])
            return
        self.refresh()
        doc = self.pane.doc
        if doc is not None and any(o.issue_id == doc.issue_id and o.status == "reparsed" for o in outcomes):
            self.open_document(doc.id)  # its text may have changed: show the new one at the place kept
        self.start_indexing()
        done = sum(o.status == "reparsed" for o in outcomes)
        same = sum(o.status == "unchanged" for o in outcomes)
        failed = [o for o in outcomes if o.status == "failed"]
        summary = self.tr("Re-split %1 issues, %2 unchanged, %3 failed.")
        for k, n in enumerate((done, same, len(failed)), start=1):
            summary = summary.replace(f"%{k}", str(n))
        self.statusBar().showMessage(summary, 15000)
        self.last_notice = summary
        if failed:
            box = message_box(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Some issues were not re-split"),
                summary,
                detailed="\n".join(f"{o.label or o.issue_id}: {o.reason}" for o in failed),
            )
            box.open()
        self.reparse_finished.emit(outcomes)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, current: str) -> None:
        if self._progress is None:
            return
        self._progress.setMaximum(max(total, 1))
        self._progress.setValue(min(done, total))
        if current:
            self._progress.setLabelText(self.tr("Importing %1").replace("%1", Path(current).name))

    @Slot(list, str)
    def _on_import_done(self, outcomes: list[ImportOutcome], error: str) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        task, self._task = self._task, None
        if task is not None:
            task.deleteLater()
        self.refresh()
        imported = [o for o in outcomes if o.status == "imported"]
        if imported and imported[-1].issue_id is not None and self.pane.doc is None:
            first = self.library.documents(issue_id=imported[-1].issue_id)
            if first:
                self.open_document(first[0].id)
        if error:
            self._show_error(error)
        else:
            self._report(outcomes)
        self.import_finished.emit(outcomes)
        if any(o.status in ("imported", "updated") for o in outcomes):
            self.start_indexing()
        locked = [o for o in outcomes if o.category == "encrypted"]
        if locked:
            self._ask_passwords(locked)

    def _ask_passwords(self, locked: list[ImportOutcome]) -> None:
        """Ask for each encrypted PDF's password and import those given (never stored)."""
        passwords: dict[str, str] = {}
        for o in locked:
            pw, ok = ask_text(
                self,
                self.tr("Password required"),
                self.tr("%1 is encrypted. Enter its password to import it:").replace("%1", Path(o.path).name),
                password=True,
            )
            if ok and pw:
                passwords[o.path] = pw
        if passwords:
            self.start_import(list(passwords), passwords=passwords)

    def _report(self, outcomes: list[ImportOutcome]) -> None:
        imported = sum(o.status == "imported" for o in outcomes)
        present = sum(o.status == "present" for o in outcomes)
        failed = [o for o in outcomes if o.status == "failed" and o.category != "encrypted"]
        summary = self.tr("Imported %1, already present %2, failed %3.")
        summary = (
            summary.replace("%1", str(imported)).replace("%2", str(present)).replace("%3", str(len(failed)))
        )
        self.statusBar().showMessage(summary, 10000)
        if failed:
            box = message_box(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Some files were not imported"),
                summary,
                informative="\n".join(f"{Path(o.path).name}: {o.reason}" for o in failed[:5]),
                detailed="\n".join(f"{o.path}: {o.reason}" for o in failed),
            )
            box.open()

    # -- export, print, links -------------------------------------------------------------------
    def open_export(self) -> ExportDialog:
        doc = self.pane.doc
        results = self.search_panel.last_results
        dialog = ExportDialog(
            current=(doc.id, doc.title) if doc else None,
            selected=self.library_panel.selected_document_ids(),
            results=[h.doc_id for h in results.hits] if results else None,
            query=results.query if results else "",
            tags=[t.name for t in self.library.annotations.tag_counts()],
            colours=self.colours(),
            folder=Path.home(),
            parent=self,
        )
        dialog.accepted.connect(lambda: self.start_export(dialog.request()))
        dialog.open()
        return dialog

    def start_export(self, request: ExportRequest) -> Job:
        """Export in a child process (MuPDF writes the PDF) while the window stays usable."""
        from reader.export import export_folder
        from reader.workers import run_in_child

        folder, meanings = self.library.folder, dict(self.settings.palette)

        def run():
            return run_in_child(
                export_folder, folder, request.scope, request.format, request.path, meanings, name="export"
            )

        job = Job(run, self)
        job.finished.connect(self._exported)
        job.failed.connect(self._show_error)
        self.statusBar().showMessage(self.tr("Exporting…"))
        self._export_job = job
        job.start()
        return job

    @Slot(object)
    def _exported(self, report) -> None:
        self.last_export = report
        text = self.tr("Exported %1 highlights to %2").replace("%1", str(report.highlights))
        self.statusBar().showMessage(text.replace("%2", str(report.path)), 10000)

    def import_notes_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import notes"), "", "JSON (*.json)")
        if path:
            self.import_notes(Path(path))

    def import_notes(self, path: Path) -> Job:
        """Import a notes file in the background (checked whole first, then all or nothing)."""
        from reader.export.envelope import import_annotations

        folder = self.library.folder

        def run():
            with Library(folder) as lib:
                return import_annotations(lib, path)

        job = Job(run, self)
        job.finished.connect(self._notes_imported)
        job.failed.connect(self._show_error)
        self.statusBar().showMessage(self.tr("Importing notes…"))
        self._notes_job = job
        job.start()
        return job

    @Slot(object)
    def _notes_imported(self, report) -> None:
        self.annotations.stack.clear()  # imported highlights are not undoable edits
        doc = self.pane.doc
        if doc is not None:
            self._show_highlights(doc.id)
        self.start_indexing()
        text = self.tr("Imported notes: %1 added, %2 restored, %3 already here")
        for k, n in enumerate((report.added, report.restored, report.unchanged), start=1):
            text = text.replace(f"%{k}", str(n))
        self.statusBar().showMessage(text, 10000)
        self.last_notice = text

    def _print_html(self) -> tuple[str, str]:
        """The open document typeset with its highlights, and its notes, as printable HTML."""
        from reader.export import Scope, collect
        from reader.export.html_page import html_page
        from reader.export.pdf import document_html

        assert self.pane.doc is not None
        bundle = collect(self.library, Scope(doc_ids=[self.pane.doc.id]), meanings=self.settings.palette)
        entry = next(bundle.entries())
        return document_html(entry), html_page(bundle, links=False)

    def render_for_print(self, printer, what: str) -> None:
        """Lay out the document or its notes on ``printer`` (also what the preview shows)."""
        from PySide6.QtGui import QTextDocument

        document, notes = self._print_html()
        text = QTextDocument(self)
        text.setDefaultFont(self.font())
        text.setHtml(document if what == "document" else notes)
        text.print_(printer)

    def print_document(self) -> QWidget | None:
        return self._preview("document")

    def print_notes(self) -> QWidget | None:
        return self._preview("notes")

    def _preview(self, what: str) -> QWidget | None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        if self.pane.doc is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(lambda p: self.render_for_print(p, what))
        # the dialog only points at the printer: keep it alive as long as the dialog (a
        # collected QPrinter crashed the preview on its next repaint)
        self._preview_printer, self._preview_dialog = printer, dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @Slot(QUrl)
    def open_link_url(self, url: QUrl) -> None:
        self.open_link(url.toString())

    def open_link(self, url: str) -> bool:
        """Open a ``gongbao://doc/ID#hl=UUID`` back-link from an export (or the command line)."""
        link = parse_link(url)
        if link is None:
            self._show_error(self.tr("Not a Gongbao Reader link: %1").replace("%1", url))
            return False
        doc_id, uid = link
        if uid:
            try:
                if self.library.annotations.highlight(uid, include_deleted=False).document_id == doc_id:
                    self.jump_to_highlight(uid)
                    return True
            except ReaderError:
                pass  # the highlight is gone: open the document at least
        return self.open_document(doc_id)

    def say_open_elsewhere(self) -> None:
        """This window is a second one on a library another app writes to: say it stays read-only."""
        self.setWindowTitle(self.tr("Gongbao Reader") + " — " + self.tr("read-only"))
        self.statusBar().showMessage(
            self.tr("This library is open in another Gongbao Reader window, so this one is read-only.")
        )

    # -- backups ------------------------------------------------------------------------------
    def start_backup(self, reason: str) -> Job | None:
        """Back the library up in the background (SQLite's online backup: work goes on); the
        window waits for it before it closes. None if one is already being written."""
        if self.backup_job is not None and self.backup_job.running():
            return None
        folder = self.library.folder
        job = self.backup_job = Job(lambda: make_backup(folder, reason), self)
        job.failed.connect(lambda message: self.statusBar().showMessage(message, 10000))
        job.start()
        return job

    def open_backups(self) -> BackupDialog:
        dialog = BackupDialog(self.library.folder, self.library.readonly, self.start_backup, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_chosen.connect(self.request_restore)
        dialog.destroyed.connect(lambda: setattr(self, "backups_dialog", None))
        dialog.open()
        self.backups_dialog = dialog
        return dialog

    def request_restore(self, backup: Path) -> None:
        """Close; the app restores ``backup`` with the library closed and opens it again."""
        self.restore_request = Path(backup)
        self.close()

    def tell(self, message: str) -> None:
        """Say something worth reading (not an error), without blocking the event loop."""
        self.statusBar().showMessage(shorten(message, 300), 15000)
        box = message_box(self, QMessageBox.Icon.Information, self.tr("Gongbao Reader"), message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_notice = message

    def _show_error(self, message: str) -> None:
        """Tell the user, without blocking the event loop (imports and rendering go on)."""
        box = message_box(self, QMessageBox.Icon.Warning, self.tr("Gongbao Reader"), message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_error = message

    # -- drag and drop, closing ---------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.library.readonly:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.start_import(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:  # closing twice (window manager, then application quit) is harmless
            super().closeEvent(event)
            return
        self._closed = True
        QDesktopServices.unsetUrlHandler("gongbao")
        if self._task is not None:
            self._task.cancel()
            self._task.wait()
        if self._export_job is not None:  # a file being written is finished, never cut short
            self._export_job.wait()
        if self._notes_job is not None:  # so is a notes import (one transaction)
            self._notes_job.wait()
        if self.backup_job is not None:  # so is a backup: the library may be restored next
            self.backup_job.wait()
        self.annotations_panel.flush()
        self.annotations.close()  # the undo history goes: so do the tombstones it kept
        self._remember_place(push_history=False)
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.settings.window_state = bytes(self.saveState().toBase64()).decode()
        self.settings.save()
        self.renderer.shutdown()
        self.search.shutdown()
        super().closeEvent(event)
