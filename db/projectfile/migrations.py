"""Schema versions, applied in order (db.projectfile.migration_set).

Each migration runs in one transaction together with its record. Afterwards
PRAGMA user_version is set to the number of migrations applied, so that a
newer file is recognised (and refused) by an older program before anything is
written. Migrations are named by what they add, not numbered, and are only
ever appended to this file, never edited once landed.
"""

from __future__ import annotations

from collections.abc import Callable

from db.projectfile import schema_v1
from db.projectfile.connection import APPLICATION_ID, ProjectDatabase
from db.projectfile.migration_set import MigrationSet
from db.search import fts as search
from db.search import visible_texts

MIGRATION_SET = "annotator"
migrations = MigrationSet(MIGRATION_SET)

# Called with (db, from_version) before pending migrations run on a file that
# already holds data, so the caller can back it up first (see db.projectfile.backups).
BeforeMigrate = Callable[[ProjectDatabase, int], None]


def latest_version() -> int:
    return len(migrations._migrations)


def migrate(db: ProjectDatabase, before: BeforeMigrate | None = None) -> list[str]:
    """Apply pending migrations; return the names applied."""
    pending = migrations.pending(db)
    if not pending:
        return []
    current = db.execute("PRAGMA user_version").fetchone()[0]
    if before is not None and current > 0:
        before(db, current)
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {len(migrations.applied(db))}")
    return [m.name for m in pending]


@migrations(name="0001_initial")
def m0001_initial(db: ProjectDatabase) -> None:
    for statement in schema_v1.STATEMENTS:
        db.execute(statement)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


# New migrations go below this line, appended in landing order.


@migrations(name="search_fts")
def m_search_fts(db: ProjectDatabase) -> None:
    """Full-text search over articles, claims and evidence, backfilled from existing rows."""
    search.create_fts(db)


@migrations(name="evidence_dataset_rows_and_dataset_format")
def m_evidence_dataset_rows(db: ProjectDatabase) -> None:
    """Pinned dataset rows as a JSON list (one item may pin several rows) and how a
    dataset file was read (encoding, delimiter), so an import can be explained later."""
    db.execute("ALTER TABLE evidence ADD COLUMN dataset_rows TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE datasets ADD COLUMN encoding TEXT")
    db.execute("ALTER TABLE datasets ADD COLUMN delimiter TEXT")
    db.execute("CREATE INDEX claim_evidence_evidence ON claim_evidence(evidence_id)")
    db.execute("CREATE INDEX claim_links_to ON claim_links(to_claim)")


@migrations(name="quantity_parses")
def m_quantity_parses(db: ProjectDatabase) -> None:
    """Which text each claim's figures were parsed from, so figures are re-parsed
    exactly when a statement changes, whoever changed it."""
    db.execute(
        "CREATE TABLE quantity_parses ("
        " claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,"
        " text_sha256 TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX quantities_subject ON quantities(subject)")


@migrations(name="undo_history")
def m_undo_history(db: ProjectDatabase) -> None:
    """The GUI's undo stack, persisted so undo works after the project is reopened."""
    db.execute(
        """
        CREATE TABLE undo_history (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            payload TEXT NOT NULL DEFAULT '{}',
            done INTEGER NOT NULL DEFAULT 1 CHECK (done IN (0, 1)),
            created_at TEXT NOT NULL
        )
        """
    )


@migrations(name="claims_original_quote")
def m_claims_original_quote(db: ProjectDatabase) -> None:
    """The quote as first marked, kept beside a fuzzy or orphaned anchor after a revision."""
    db.execute("ALTER TABLE claims ADD COLUMN original_quote TEXT")


@migrations(name="visible_texts")
def m_visible_texts(db: ProjectDatabase) -> None:
    """Articles' words as a reader sees them, searched beside the canonical text."""
    visible_texts.create_visible_fts(db)


@migrations(name="web_captures")
def m_web_captures(db: ProjectDatabase) -> None:
    """The raw response an article was fetched from, kept as an archived copy.

    Bodies live apart, keyed by their SHA-256, so a capture row stays plain
    JSON-able data (deleting an article snapshots its captures into the undo
    history) and a page served twice is stored once.
    """
    db.execute(
        """
        CREATE TABLE web_bodies (
            sha256 TEXT PRIMARY KEY,
            body BLOB NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE web_captures (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            requested_url TEXT NOT NULL,
            final_url TEXT NOT NULL,
            redirects TEXT NOT NULL DEFAULT '[]',
            status INTEGER NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            http_version TEXT NOT NULL DEFAULT 'HTTP/1.1',
            request_headers TEXT NOT NULL DEFAULT '[]',
            headers TEXT NOT NULL DEFAULT '[]',
            body_sha256 TEXT NOT NULL REFERENCES web_bodies(sha256),
            fetched_at TEXT NOT NULL,
            checked_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX web_captures_article ON web_captures(article_id)")


@migrations(name="claimreview_fields")
def m_claimreview_fields(db: ProjectDatabase) -> None:
    """What a published ClaimReview needs: who publishes, each review's page, speaker kinds.

    The publisher is one row (id 1) so it travels with the project file.
    """
    db.execute(
        """
        CREATE TABLE publisher (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            url TEXT NOT NULL,
            logo TEXT
        )
        """
    )
    db.execute("ALTER TABLE claims ADD COLUMN review_url TEXT")
    db.execute(
        "ALTER TABLE speakers ADD COLUMN kind TEXT NOT NULL DEFAULT 'person' "
        "CHECK (kind IN ('person', 'organisation'))"
    )


@migrations(name="evidence_fts_source")
def m_evidence_fts_source(db: ProjectDatabase) -> None:
    """Search finds a statistic by its source ("ONS", "NHS Digital"): the evidence
    index is rebuilt with the source column, backfilled from existing rows."""
    search.rebuild_evidence_fts(db)
