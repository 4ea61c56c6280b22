"""The main window: composition and wiring of the panels, the actions and the controllers.

What the window does on the reader's behalf lives in controllers named for it (importing,
re-splitting, exports and notes, backups, printing, preferences); background work goes through
one :class:`~reader.models.runner.Runner`; docks and actions are declared as data.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
)
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from reader.errors import ReaderError
from reader.export.collect import parse_link
from reader.history import History
from reader.layout import layout
from reader.library import Library
from reader.library.records import DocumentRecord, ReadingState
from reader.models.annotation_controller import AnnotationController
from reader.models.document_controller import DocumentController
from reader.models.labels import error_text
from reader.models.page_renderer import PageRenderer
from reader.models.plaintext import plain_tip, shorten
from reader.models.runner import Runner
from reader.models.search_controller import SearchController
from reader.palette import palette
from reader.settings import Settings
from reader.ui.about_dialog import AboutDialog
from reader.ui.annotating_controller import AnnotatingController
from reader.ui.annotations_panel import AnnotationsPanel
from reader.ui.backup_controller import BackupController
from reader.ui.docks import LEFT, RIGHT, DockSpec, add_docks, show_dock
from reader.ui.duties_controller import DutiesController
from reader.ui.export_controller import ExportController
from reader.ui.import_controller import ImportController
from reader.ui.library_panel import LibraryPanel
from reader.ui.messages import ask, message_box, plain_label
from reader.ui.navigation import Navigation
from reader.ui.ocr_controller import OcrController
from reader.ui.outline_panel import OutlinePanel
from reader.ui.preferences_controller import PreferencesController
from reader.ui.printing import PrintController
from reader.ui.reading_pane import ReadingPane
from reader.ui.relations_controller import RelationsController
from reader.ui.relations_panel import RelationsPanel
from reader.ui.repair_controller import RepairController
from reader.ui.reparse_controller import ReparseController
from reader.ui.search_panel import SearchPanel
from reader.ui.trash_controller import TrashController
from reader.ui.window_actions import WindowActions


class MainWindow(QMainWindow):
    """Composes the panels; turns core errors into messages; remembers where the reader was."""

    document_opened = Signal(int)

    def __init__(
        self, library: Library, settings: Settings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings or Settings()
        self.history: History[ReadingState] = History()
        self._closed = False
        self.last_error = ""
        self.last_notice = ""
        self.library_source = "default"  # or --library, portable, settings (set by the app)
        QDesktopServices.setUrlHandler("gongbao", self, "open_link_url")  # links in exported notes
        self.setWindowTitle(self.tr("Gongbao Reader"))
        self.setAcceptDrops(True)
        self.resize(1280, 820)

        self.runner = Runner(self)
        self.renderer = PageRenderer(self, runner=self.runner)
        self.pane = ReadingPane(self.renderer, self)
        self.setCentralWidget(self.pane)
        self.annotations = AnnotationController(library, self)
        self.documents = DocumentController(library, self.annotations.stack, self)  # one undo history
        self.search = SearchController(library.folder, self, runner=self.runner)
        self.search_panel = SearchPanel(self.search, self)
        self.library_panel = LibraryPanel(library, self)
        self.outline = OutlinePanel(self)
        self.annotations_panel = AnnotationsPanel(self.annotations, self)
        self.relations_panel = RelationsPanel(self)
        self.docks = add_docks(
            self,
            [
                DockSpec("libraryDock", self.tr("Library"), self.library_panel, LEFT),
                DockSpec("searchDock", self.tr("Search"), self.search_panel, LEFT),
                DockSpec("outlineDock", self.tr("Outline"), self.outline, RIGHT),
                DockSpec("annotationsDock", self.tr("Annotations"), self.annotations_panel, RIGHT),
                DockSpec("relationsDock", self.tr("Relations"), self.relations_panel, RIGHT),
            ],
        )
        # a sensible first width for the library (a saved layout replaces it): titles need room
        self.resizeDocks([self.docks["libraryDock"]], [460], Qt.Orientation.Horizontal)
        self.imports = ImportController(self)
        self.reparse = ReparseController(self)
        self.ocr = OcrController(self)
        self.exports = ExportController(self)
        self.backups = BackupController(self)
        self.printing = PrintController(self)
        self.preferences = PreferencesController(self)
        self.annotating = AnnotatingController(self)
        self.repairs = RepairController(self)
        self.trashing = TrashController(self)
        self.navigation = Navigation(self)
        self.relating = RelationsController(self)
        self.duties = DutiesController(self)
        self._wire()
        self.status = plain_label(self)
        self.statusBar().addPermanentWidget(self.status)
        self.menus = WindowActions(self)
        self.actions_by_name = self.menus.by_name
        self.menus.build()
        self.pane.use_actions(self.actions_by_name)
        self.preferences.apply()
        self.refresh()

    def _wire(self) -> None:
        pane, notes, annotating = self.pane, self.annotations, self.annotating
        self.search_panel.open_requested.connect(self.open_search_hit)
        self.search.indexing.connect(self._indexing_progress)
        self.search.indexed.connect(self._indexed)
        notes.changed.connect(annotating.changed)
        notes.error.connect(self.show_error)
        self.annotations_panel.jump_requested.connect(annotating.jump_to_highlight)
        pane.highlight_requested.connect(annotating.highlight)
        pane.note_requested.connect(annotating.edit_note)
        pane.colour_requested.connect(notes.set_colour)
        pane.delete_requested.connect(notes.delete_highlight)
        pane.citation_requested.connect(annotating.copy_citation)
        pane.link_requested.connect(self._confirm_link)
        pane.view_changed.connect(lambda _v: self.menus.update())
        pane.text_view.font_size_changed.connect(self.preferences.font_size_changed)
        self.library_panel.document_activated.connect(self.open_document)
        self.library_panel.error.connect(self.show_error)
        self.library_panel.remove_requested.connect(self.trashing.remove_selected)
        self.documents.changed.connect(self._repaired)
        self.documents.error.connect(self.show_error)
        self.documents.notice.connect(self.tell)
        self.outline.document_requested.connect(self.open_document)
        self.outline.offset_requested.connect(pane.go_to_offset)
        pane.place_changed.connect(self.outline.mark_position)

    def colours(self) -> list:
        return palette(self.settings.palette)

    # -- library ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the library panel and the status line."""
        self.library_panel.refresh()
        self.relating.refresh()
        try:
            facets = self.library.facets()
            self.search_panel.set_choices(facets["city"], facets["kind"])
            counts = self.library.counts()
        except ReaderError as exc:
            self.show_error(exc)
            return
        text = self.tr("%n document(s)", "", counts["documents"])
        if self.library.readonly:
            text += " · " + self.tr("read-only library")
        self.status.setText(text)
        self.menus.recent_menu.clear()
        try:
            recent = self.library.recent_documents(10)
        except ReaderError:
            recent = []
        for d in recent:
            act = self.menus.recent_menu.addAction(d.title[:50])
            act.setToolTip(plain_tip(d.title))
            act.triggered.connect(lambda _c=False, i=d.id: self.open_document(i))
        self.menus.recent_menu.setEnabled(bool(recent))

    def reopen_last(self) -> bool:
        """At start: the document read last, where it was left (as SumatraPDF and calibre do)."""
        try:
            recent = self.library.recent_documents(1)
        except ReaderError:
            return False
        return bool(recent) and self.open_document(recent[0].id)

    def documents_changed(self) -> None:
        """Documents were repaired, removed or restored: lists, filters and outline follow, and
        the search index shortly."""
        self.refresh()
        self.annotating.index_soon.start()
        self.annotations_panel.refresh()
        doc = self.pane.doc
        if doc is not None:
            try:
                issue_docs = self.library.documents(issue_id=doc.issue_id)
            except ReaderError:
                return
            self.outline.show_issue(issue_docs, doc.id, layout(doc.text, doc.recipients))

    @Slot(int, int)
    def _repaired(self, _issue_id: int, show_id: int) -> None:
        """Show ``show_id`` as it is now (the open document's place kept if it is the one)."""
        current = self.pane.doc
        try:
            doc = self.library.document(show_id)
            if current is not None and current.id == show_id:
                state = self.pane.state()
                if state is not None:
                    state.text_offset = min(state.text_offset, len(doc.text))
            else:
                state = self.library.reading_state(show_id)
        except ReaderError as exc:
            self.show_error(exc)
            return
        self._show(doc, state)
        self.documents_changed()

    def close_document(self) -> None:
        self.pane.close_document()
        self.outline.clear()
        self.annotations_panel.show_document(None)
        self.setWindowTitle(self.tr("Gongbao Reader"))
        self.menus.update()

    def current_document_id(self) -> int | None:
        return self.pane.doc.id if self.pane.doc else None

    @Slot(int)
    def open_document(self, doc_id: int) -> bool:
        """Open a document where the reader last left it."""
        try:
            doc = self.library.document(doc_id)
            state = self.library.reading_state(doc_id)
        except ReaderError as exc:
            self.show_error(exc)
            return False
        if doc.removed:
            self.show_error(
                self.tr("This document is in the trash. Restore it from File → Trash to read it.")
            )
            return False
        if self.pane.doc is not None and self.pane.doc.id != doc_id:
            left = self._remember_place()
            if left is not None:
                self.history.visit(left)
        self._show(doc, state)
        return True

    def _show(self, doc: DocumentRecord, state: ReadingState | None) -> None:
        pdf = self.library.folder / doc.issue.pages_path if doc.issue.pages_path else None
        self.pane.show_document(doc, pdf, state)
        self.library_panel.select(doc.id)
        issue_docs = self.library.documents(issue_id=doc.issue_id)
        self.outline.show_issue(issue_docs, doc.id, layout(doc.text, doc.recipients))
        self.annotations_panel.show_document(doc.id)
        self.show_highlights(doc.id)
        self.setWindowTitle(f"{doc.title} — {self.tr('Gongbao Reader')}")
        if not doc.searchable and doc.is_pdf:
            self.statusBar().showMessage(
                self.tr("No text layer: this document can be read as pages only (Tools → Recognise Text)."),
                8000,
            )
        elif doc.issue.text_source == "ocr":
            conf = f"{(doc.issue.ocr_confidence or 0) * 100:.0f}"
            self.statusBar().showMessage(
                self.tr(
                    "Text recognised from the scanned pages (mean confidence %1%): check it against the page."
                ).replace("%1", conf),
                8000,
            )
        self.menus.update()
        self.document_opened.emit(doc.id)

    def _remember_place(self) -> ReadingState | None:
        """Store where the reader is in the open document (the place they are leaving)."""
        state = self.pane.state()
        if state is not None:
            with contextlib.suppress(ReaderError):  # read-only or busy library: not kept
                self.library.save_reading_state(state)
        return state

    def go_back(self) -> None:
        self._go(self.history.back(self._remember_place()))

    def go_forward(self) -> None:
        self._go(self.history.forward(self._remember_place()))

    def _go(self, dest: ReadingState | None) -> None:
        if dest is None:
            return
        try:
            self._show(self.library.document(dest.document_id), dest)
        except ReaderError as exc:
            self.show_error(exc)

    def show_highlights(self, doc_id: int) -> None:
        try:
            found = self.library.annotations.highlights(doc_id)
        except ReaderError as exc:
            self.show_error(exc)
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
        show_dock(self.docks["searchDock"])
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
        self.pane.focus_reading()  # PgDn and End work at once, without a click on the page
        self.settings.extra["search_history"] = self.search_panel.history

    # -- dialogs, links, messages ---------------------------------------------------------------
    def print_document(self) -> QWidget | None:
        return self.printing.preview("document")

    def print_notes(self) -> QWidget | None:
        return self.printing.preview("notes")

    def about(self) -> AboutDialog:
        dialog = AboutDialog(self)
        dialog.open()
        return dialog

    @Slot(QUrl)
    def _confirm_link(self, url: QUrl) -> None:
        """Links leave the app only after the reader has seen the full address; a citation's
        own link (gongbao://doc/ID) opens its document."""
        if url.scheme() == "gongbao":
            self.open_link(url.toString())
            return
        text = self.tr("Open this address in your browser?\n\n%1").replace("%1", url.toString())
        if ask(self, self.tr("Open link"), text):
            QDesktopServices.openUrl(url)

    @Slot(QUrl)
    def open_link_url(self, url: QUrl) -> None:
        self.open_link(url.toString())

    def open_link(self, url: str) -> bool:
        """Open a ``gongbao://doc/ID#hl=UUID`` back-link from an export (or the command line)."""
        link = parse_link(url)
        if link is None:
            self.show_error(self.tr("Not a Gongbao Reader link: %1").replace("%1", url))
            return False
        doc_id, uid = link
        QTimer.singleShot(0, self, self.pane.focus_reading)
        if uid:
            with contextlib.suppress(ReaderError):  # the highlight is gone: open the document at least
                if self.library.annotations.highlight(uid, include_deleted=False).document_id == doc_id:
                    self.annotating.jump_to_highlight(uid)
                    return True
        return self.open_document(doc_id)

    def say_open_elsewhere(self) -> None:
        """This window is a second one on a library another app writes to: say it stays read-only."""
        self.setWindowTitle(self.tr("Gongbao Reader") + " — " + self.tr("read-only"))
        self.statusBar().showMessage(
            self.tr("This library is open in another Gongbao Reader window, so this one is read-only.")
        )

    def tell(self, message: str) -> None:
        """Say something worth reading (not an error), without blocking the event loop."""
        self.statusBar().showMessage(shorten(message, 300), 15000)
        self._message(QMessageBox.Icon.Information, message)
        self.last_notice = message

    def show_error(self, message: str | BaseException) -> None:
        """Tell the user, without blocking the event loop (imports and rendering go on). An
        error of the core is said in the interface's language (:func:`labels.error_text`)."""
        if isinstance(message, BaseException):
            message = error_text(message)
        self._message(QMessageBox.Icon.Warning, message)
        self.last_error = message

    def _message(self, icon: QMessageBox.Icon, message: str) -> None:
        box = message_box(self, icon, self.tr("Gongbao Reader"), message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- drag and drop, closing ---------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.library.readonly:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.imports.start(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:  # closing twice (window manager, then application quit) is harmless
            super().closeEvent(event)
            return
        self._closed = True
        QDesktopServices.unsetUrlHandler("gongbao")
        self.search.shutdown()  # its connection closes first: a restore may move the file next
        # an import stops after its current file; an export, a notes import or a backup finishes
        self.runner.shutdown()
        self.annotations_panel.flush()
        self.annotations.close()  # the undo history goes: so do the tombstones it kept
        self._remember_place()
        self.preferences.save_layout()
        self.renderer.shutdown()
        super().closeEvent(event)
