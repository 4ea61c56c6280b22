"""Numbered schema migrations, recorded in ``PRAGMA user_version``.

Each migration moves the schema from version N-1 to N inside one transaction. Never edit a
released migration: add the next one. ``tests/library/test_migrations.py`` upgrades a database
from every earlier version and checks that its data survives.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils

from reader.library.db import transaction


def _run(conn: sqlite3.Connection, script: str) -> None:
    """Run DDL statements one by one: ``executescript`` would COMMIT our open transaction."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1_issues_and_documents(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """
        CREATE TABLE issues (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            source_name TEXT NOT NULL,
            source_path TEXT,
            stored_path TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT,
            city TEXT,
            publisher TEXT,
            year INTEGER,
            number INTEGER,
            total_number INTEGER,
            date TEXT,
            is_gazette INTEGER NOT NULL DEFAULT 1,
            size INTEGER NOT NULL,
            imported_at TEXT NOT NULL
        );
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            title TEXT NOT NULL,
            number TEXT,
            number_key TEXT,
            issuer TEXT,
            recipients TEXT,
            date TEXT,
            kind TEXT,
            attachments TEXT NOT NULL DEFAULT '[]',
            text TEXT NOT NULL,
            start_line INTEGER,
            end_line INTEGER,
            UNIQUE (issue_id, seq)
        );
        CREATE INDEX documents_issue ON documents(issue_id);
        """,
    )


def _v2_citations_and_toc(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """
        CREATE TABLE citations (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            title TEXT,
            number TEXT,
            number_key TEXT
        );
        CREATE INDEX citations_document ON citations(document_id);
        CREATE INDEX citations_key ON citations(number_key);
        CREATE INDEX documents_number_key ON documents(number_key);
        CREATE INDEX documents_date ON documents(date);
        ALTER TABLE issues ADD COLUMN toc TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE issues ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE documents ADD COLUMN in_toc INTEGER;
        """,
    )


def _v3_pages_and_reading_state(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """
        ALTER TABLE issues ADD COLUMN page_count INTEGER;
        ALTER TABLE issues ADD COLUMN has_text INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE documents ADD COLUMN page_start INTEGER;
        ALTER TABLE documents ADD COLUMN page_end INTEGER;
        ALTER TABLE documents ADD COLUMN page_map TEXT;
        ALTER TABLE documents ADD COLUMN searchable INTEGER NOT NULL DEFAULT 1;
        CREATE TABLE reading_state (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            view TEXT NOT NULL DEFAULT 'text',
            text_offset INTEGER NOT NULL DEFAULT 0,
            page_position REAL,
            zoom REAL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX reading_state_recent ON reading_state(updated_at)
        """,
    )


def _v4_annotations(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """
        CREATE TABLE highlights (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            color TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            orphan INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            modified_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX highlights_document ON highlights(document_id, start);
        CREATE TABLE document_notes (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            note TEXT NOT NULL,
            modified_at TEXT NOT NULL
        );
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE document_tags (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (document_id, tag_id)
        );
        CREATE TABLE highlight_tags (
            highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (highlight_id, tag_id)
        );
        CREATE INDEX highlight_tags_tag ON highlight_tags(tag_id);
        CREATE INDEX document_tags_tag ON document_tags(tag_id);
        ALTER TABLE documents ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0
        """,
    )


def _v5_index_queue(conn: sqlite3.Connection) -> None:
    """Documents waiting to be (re)indexed, queued by triggers in the same transaction as the edit."""
    _run(
        conn,
        """
        CREATE TABLE index_queue (
            document_id INTEGER PRIMARY KEY,
            seq INTEGER NOT NULL
        );
        CREATE TABLE index_queue_seq (n INTEGER NOT NULL);
        INSERT INTO index_queue_seq VALUES (0);
        INSERT INTO index_queue (document_id, seq) SELECT id, 0 FROM documents
        """,
    )
    enqueue = (
        "UPDATE index_queue_seq SET n = n + 1; "
        "INSERT INTO index_queue (document_id, seq) VALUES ({doc}, (SELECT n FROM index_queue_seq)) "
        "ON CONFLICT(document_id) DO UPDATE SET seq = excluded.seq;"
    )
    triggers = [
        ("documents_ai", "AFTER INSERT ON documents", "NEW.id"),
        ("documents_au", "AFTER UPDATE ON documents", "NEW.id"),
        ("documents_ad", "AFTER DELETE ON documents", "OLD.id"),
        ("highlights_ai", "AFTER INSERT ON highlights", "NEW.document_id"),
        ("highlights_au", "AFTER UPDATE ON highlights", "NEW.document_id"),
        ("highlights_ad", "AFTER DELETE ON highlights", "OLD.document_id"),
        ("document_notes_ai", "AFTER INSERT ON document_notes", "NEW.document_id"),
        ("document_notes_au", "AFTER UPDATE ON document_notes", "NEW.document_id"),
        ("document_notes_ad", "AFTER DELETE ON document_notes", "OLD.document_id"),
        ("document_tags_ai", "AFTER INSERT ON document_tags", "NEW.document_id"),
        ("document_tags_ad", "AFTER DELETE ON document_tags", "OLD.document_id"),
        (
            "highlight_tags_ai",
            "AFTER INSERT ON highlight_tags",
            "(SELECT document_id FROM highlights WHERE id = NEW.highlight_id)",
        ),
        (
            "highlight_tags_ad",
            "AFTER DELETE ON highlight_tags",
            "(SELECT document_id FROM highlights WHERE id = OLD.highlight_id)",
        ),
    ]
    for name, when, doc in triggers:
        conn.execute(f"CREATE TRIGGER queue_{name} {when} BEGIN {enqueue.format(doc=doc)} END")
    # a renamed tag changes the documents it is on
    conn.execute(
        "CREATE TRIGGER queue_tags_au AFTER UPDATE ON tags BEGIN "
        "UPDATE index_queue_seq SET n = n + 1; "
        "INSERT INTO index_queue (document_id, seq) SELECT document_id, (SELECT n FROM index_queue_seq) "
        "FROM document_tags WHERE tag_id = NEW.id "
        "UNION SELECT h.document_id, (SELECT n FROM index_queue_seq) FROM highlight_tags ht "
        "JOIN highlights h ON h.id = ht.highlight_id WHERE ht.tag_id = NEW.id "
        "ON CONFLICT(document_id) DO UPDATE SET seq = excluded.seq; END"
    )


def _v6_parser_version(conn: sqlite3.Connection) -> None:
    """Which parser split each issue (1: the first one), so a better one can re-split it; a
    document's gazette section and a 人事任免's decisions (文号, date)."""
    _run(
        conn,
        """
        ALTER TABLE issues ADD COLUMN parser_version INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE documents ADD COLUMN section TEXT;
        ALTER TABLE documents ADD COLUMN decisions TEXT NOT NULL DEFAULT '[]'
        """,
    )


def _v7_corrections_and_trash(conn: sqlite3.Connection) -> None:
    """The user's corrections to a split (a layer replayed after every parse: reader.corrections),
    and the 回收站: an issue or documents removed are hidden, kept until emptied."""
    _run(
        conn,
        """
        CREATE TABLE trash (
            id INTEGER PRIMARY KEY,
            issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            whole_issue INTEGER NOT NULL DEFAULT 0,
            label TEXT NOT NULL,
            documents INTEGER NOT NULL DEFAULT 0,
            highlights INTEGER NOT NULL DEFAULT 0,
            removed_at TEXT NOT NULL
        );
        CREATE INDEX trash_issue ON trash(issue_id);
        ALTER TABLE issues ADD COLUMN removed_in INTEGER REFERENCES trash(id) ON DELETE SET NULL;
        ALTER TABLE documents ADD COLUMN removed_in INTEGER REFERENCES trash(id) ON DELETE SET NULL;
        ALTER TABLE issues ADD COLUMN content_sha TEXT;
        CREATE INDEX issues_content ON issues(content_sha);
        CREATE INDEX documents_removed ON documents(removed_in);
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
            kind TEXT NOT NULL CHECK (kind IN ('field', 'split', 'merge')),
            field TEXT,
            value TEXT NOT NULL DEFAULT 'null',
            original TEXT NOT NULL DEFAULT 'null',
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            unplaced INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE INDEX corrections_issue ON corrections(issue_id, created_at);
        CREATE INDEX corrections_document ON corrections(document_id);
        CREATE TABLE issue_base (
            issue_id INTEGER PRIMARY KEY REFERENCES issues(id) ON DELETE CASCADE,
            parts BLOB NOT NULL
        )
        """,
    )


def _v8_document_ids_never_reused(conn: sqlite3.Connection) -> None:
    """A document id is never given twice. SQLite hands out max(id) + 1, so the id of a document
    merged away or purged from the 回收站 came back on the next split or import, and whatever
    still named it (a link, a reading place, an undo of the merge) met another document. The
    highest id ever used is kept here and every insert takes the one after it."""
    _run(
        conn,
        """
        CREATE TABLE id_marks (name TEXT PRIMARY KEY, high INTEGER NOT NULL);
        INSERT INTO id_marks SELECT 'documents', coalesce(max(id), 0) FROM documents
        """,
    )
    # one statement with a body of its own: not through _run, which splits at every ';'
    conn.execute(
        """CREATE TRIGGER documents_id_mark AFTER INSERT ON documents BEGIN
            UPDATE id_marks SET high = max(high, NEW.id) WHERE name = 'documents';
        END"""
    )


def _v9_relations(conn: sqlite3.Connection) -> None:
    """What documents say about each other and about themselves (reader.relations): derived
    from their text and titles, rebuilt from them at will. Triggers queue a document whose text,
    title, number, date or visibility changes; the transaction settles the queue before it
    commits, so relations never lag behind the documents they are read from."""
    _run(
        conn,
        """
        CREATE TABLE relations (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            target_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
            title TEXT,
            number TEXT,
            number_key TEXT,
            title_key TEXT,
            core_key TEXT,
            evidence TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT -1
        );
        CREATE INDEX relations_source ON relations(source_id);
        CREATE INDEX relations_target ON relations(target_id, kind);
        CREATE INDEX relations_number ON relations(number_key);
        CREATE INDEX relations_title ON relations(title_key);
        CREATE INDEX relations_core ON relations(core_key);
        CREATE TABLE doc_keys (
            document_id INTEGER PRIMARY KEY,
            number_key TEXT,
            title_key TEXT,
            core_key TEXT,
            issued_key TEXT
        );
        CREATE INDEX doc_keys_number ON doc_keys(number_key);
        CREATE INDEX doc_keys_title ON doc_keys(title_key);
        CREATE INDEX doc_keys_core ON doc_keys(core_key);
        CREATE INDEX doc_keys_issued ON doc_keys(issued_key);
        CREATE TABLE clauses (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            effective TEXT,
            effective_on TEXT,
            years INTEGER,
            until TEXT,
            evidence TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE relations_queue (document_id INTEGER PRIMARY KEY);
        INSERT INTO relations_queue SELECT id FROM documents
        """,
    )
    for name, when, doc in (
        ("ai", "AFTER INSERT ON documents", "NEW.id"),
        (
            "au",
            "AFTER UPDATE OF title, number, number_key, text, date, removed_in, withdrawn ON documents",
            "NEW.id",
        ),
        ("ad", "AFTER DELETE ON documents", "OLD.id"),
    ):
        conn.execute(
            f"CREATE TRIGGER relations_{name} {when} BEGIN "
            f"INSERT OR IGNORE INTO relations_queue (document_id) VALUES ({doc}); END"
        )
    from reader.relations.store import settle

    settle(conn, committed=True)  # the documents are as committed: the workers may read them


def _v10_personnel_and_tasks(conn: sqlite3.Connection) -> None:
    """人事任免 records and tasks read from the documents (reader.extracts): derived, queued by
    triggers and settled before each commit like the relations. ``task_marks`` is the user's:
    a task marked done, by the task's key, with what it said (kept when its task is gone)."""
    _run(
        conn,
        """
        CREATE TABLE personnel (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            person TEXT NOT NULL,
            sex TEXT,
            action TEXT NOT NULL,
            post TEXT NOT NULL,
            organ TEXT,
            conditions TEXT,
            decided TEXT,
            number TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            sentence TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX personnel_document ON personnel(document_id);
        CREATE INDEX personnel_person ON personnel(person);
        CREATE TABLE tasks (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            due TEXT,
            due_kind TEXT NOT NULL,
            due_text TEXT NOT NULL,
            recurrence TEXT,
            action TEXT NOT NULL,
            responsible TEXT,
            recipient TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            sentence TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX tasks_document ON tasks(document_id);
        CREATE INDEX tasks_due ON tasks(due);
        CREATE INDEX tasks_key ON tasks(key);
        CREATE TABLE task_marks (
            key TEXT PRIMARY KEY,
            done_at TEXT NOT NULL,
            document_id INTEGER,
            title TEXT,
            due_text TEXT,
            action TEXT,
            sentence TEXT
        );
        CREATE TABLE extracts_version (version INTEGER NOT NULL);
        CREATE TABLE extracts_queue (document_id INTEGER PRIMARY KEY);
        """,
    )
    for name, when, doc in (
        ("ai", "AFTER INSERT ON documents", "NEW.id"),
        ("au", "AFTER UPDATE OF title, number, text, date ON documents", "NEW.id"),
    ):
        conn.execute(
            f"CREATE TRIGGER extracts_{name} {when} BEGIN "
            f"INSERT OR IGNORE INTO extracts_queue (document_id) VALUES ({doc}); END"
        )
    from reader.extracts.store import ensure_current

    ensure_current(conn)  # every document queued: read by extracts.catch_up, not in the upgrade


def _v11_ofd_pages(conn: sqlite3.Connection) -> None:
    """OFD issues imported before their pages were drawn as PDF are due for a re-split: marked
    as split by no parser version, they are offered to the user like any outdated issue, and the
    re-split draws their pages (their highlights follow their text as in every re-split)."""
    conn.execute("UPDATE issues SET parser_version = 0 WHERE format = 'ofd' AND page_count IS NULL")


def _v12_ocr(conn: sqlite3.Connection) -> None:
    """Recognised scans: each page's lines as the OCR child read them (kept, so a run resumes
    after the last page stored and a re-split needs no second recognition), and on the issue
    where its text came from and how sure the recogniser was."""
    conn.execute(
        """CREATE TABLE ocr_pages (
            issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            page INTEGER NOT NULL,
            lines TEXT NOT NULL,  -- [[text, x0, y0, x1, y1, confidence], ...] in PDF points
            PRIMARY KEY (issue_id, page)
        )"""
    )
    conn.execute("ALTER TABLE issues ADD COLUMN text_source TEXT")  # 'ocr': recognised from its pages
    conn.execute("ALTER TABLE issues ADD COLUMN ocr_confidence REAL")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_issues_and_documents,
    _v2_citations_and_toc,
    _v3_pages_and_reading_state,
    _v4_annotations,
    _v5_index_queue,
    _v6_parser_version,
    _v7_corrections_and_trash,
    _v8_document_ids_never_reused,
    _v9_relations,
    _v10_personnel_and_tasks,
    _v11_ofd_pages,
    _v12_ocr,
]
SCHEMA_VERSION = len(MIGRATIONS)


def version(db: sqlite_utils.Database) -> int:
    return db.conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, target: int = SCHEMA_VERSION, before=None) -> list[int]:
    """Apply the migrations from the current version up to ``target``; return those applied.

    ``before()`` runs first when an existing library is about to be upgraded (a backup)."""
    applied = []
    current = version(db)
    if current > SCHEMA_VERSION:
        from reader.errors import LibraryError

        raise LibraryError(f"资料库版本 {current} 比本程序支持的版本 {SCHEMA_VERSION} 新，请升级程序")
    if before is not None and 0 < current < target:
        before()
    for n in range(current + 1, target + 1):
        with transaction(db) as conn:
            MIGRATIONS[n - 1](conn)
            conn.execute(f"PRAGMA user_version = {n}")
        applied.append(n)
    return applied
