"""Schema version 1: the first data model (docs/ARCHITECTURE.md maps where it is used).

Kept as plain DDL so the file can be read with any SQLite tool and the
structure is reviewed in one place. Later versions add migrations; this text
never changes once released.
"""

from __future__ import annotations

STATEMENTS: tuple[str, ...] = (
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT
    )
    """,
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        outlet TEXT,
        author TEXT,
        published TEXT,
        url TEXT,
        language TEXT,
        source_format TEXT NOT NULL,
        source_name TEXT,
        imported_at TEXT NOT NULL,
        text TEXT NOT NULL,
        text_sha256 TEXT NOT NULL,
        revision_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        metadata TEXT NOT NULL DEFAULT '{}'
    )
    """,
    "CREATE INDEX articles_text_sha256 ON articles(text_sha256)",
    "CREATE INDEX articles_url ON articles(url)",
    "CREATE INDEX articles_revision_of ON articles(revision_of)",
    """
    CREATE TABLE vocab (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('side', 'stance', 'verdict', 'topic')),
        name TEXT NOT NULL,
        colour TEXT NOT NULL DEFAULT '#cccccc',
        rating REAL,
        description TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        UNIQUE (kind, name COLLATE NOCASE)
    )
    """,
    """
    CREATE TABLE speakers (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        role TEXT,
        organisation TEXT,
        side_id INTEGER REFERENCES vocab(id) ON DELETE RESTRICT,
        note TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE TABLE speaker_roles (
        id INTEGER PRIMARY KEY,
        speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
        role TEXT,
        organisation TEXT,
        side_id INTEGER REFERENCES vocab(id) ON DELETE RESTRICT,
        valid_from TEXT,
        valid_to TEXT
    )
    """,
    """
    CREATE TABLE speaker_aliases (
        id INTEGER PRIMARY KEY,
        speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
        alias TEXT NOT NULL COLLATE NOCASE UNIQUE
    )
    """,
    """
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE RESTRICT,
        start INTEGER,
        "end" INTEGER,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        anchor TEXT NOT NULL DEFAULT 'exact' CHECK (anchor IN ('exact', 'fuzzy', 'orphan')),
        statement TEXT NOT NULL DEFAULT '',
        speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
        side_id INTEGER REFERENCES vocab(id) ON DELETE RESTRICT,
        stance_id INTEGER REFERENCES vocab(id) ON DELETE RESTRICT,
        verdict_id INTEGER REFERENCES vocab(id) ON DELETE RESTRICT,
        status TEXT NOT NULL DEFAULT 'to check'
            CHECK (status IN ('to check', 'in progress', 'checked')),
        note TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((anchor = 'orphan') OR (start IS NOT NULL AND "end" IS NOT NULL AND start < "end"))
    )
    """,
    "CREATE INDEX claims_article ON claims(article_id, start)",
    "CREATE INDEX claims_speaker ON claims(speaker_id)",
    """
    CREATE TABLE claim_topics (
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        topic_id INTEGER NOT NULL REFERENCES vocab(id) ON DELETE RESTRICT,
        PRIMARY KEY (claim_id, topic_id)
    )
    """,
    """
    CREATE TABLE quantities (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        value REAL,
        unit TEXT,
        direction TEXT,
        period TEXT,
        base_year INTEGER,
        measure TEXT,
        basis TEXT,
        qualifier TEXT,
        subject TEXT,
        start INTEGER,
        "end" INTEGER,
        words TEXT NOT NULL DEFAULT '',
        corrected INTEGER NOT NULL DEFAULT 0
    )
    """,
    "CREATE INDEX quantities_claim ON quantities(claim_id)",
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        media_type TEXT,
        size INTEGER NOT NULL,
        data BLOB NOT NULL
    )
    """,
    """
    CREATE TABLE datasets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        table_name TEXT NOT NULL UNIQUE,
        source_name TEXT,
        imported_at TEXT NOT NULL,
        row_count INTEGER NOT NULL DEFAULT 0,
        columns TEXT NOT NULL DEFAULT '[]'
    )
    """,
    """
    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN
            ('url', 'document', 'dataset', 'statistic', 'article_span', 'note')),
        title TEXT NOT NULL DEFAULT '',
        url TEXT,
        archived_url TEXT,
        citation TEXT,
        value TEXT,
        unit TEXT,
        period TEXT,
        source TEXT,
        accessed_at TEXT,
        document_id INTEGER REFERENCES documents(id) ON DELETE RESTRICT,
        dataset_id INTEGER REFERENCES datasets(id) ON DELETE RESTRICT,
        dataset_row INTEGER,
        article_id INTEGER REFERENCES articles(id) ON DELETE RESTRICT,
        start INTEGER,
        "end" INTEGER,
        quote TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE claim_evidence (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        relation TEXT NOT NULL CHECK (relation IN ('supports', 'refutes', 'context')),
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (claim_id, evidence_id)
    )
    """,
    """
    CREATE TABLE claim_links (
        id INTEGER PRIMARY KEY,
        from_claim INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        to_claim INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        relation TEXT NOT NULL CHECK (relation IN ('same', 'contradicts', 'responds-to')),
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (from_claim, to_claim, relation),
        CHECK (from_claim <> to_claim)
    )
    """,
)
