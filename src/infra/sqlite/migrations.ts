/**
 * Answer-log schema, one numbered step at a time. Never edit a released step: add a new one, so a
 * database created by an older version upgrades in place.
 */
import type { Migration } from './open-database.js';

export const answerLogMigrations: Migration[] = [
  {
    version: 1,
    description: 'answer entries, feedback, audit trail',
    sql: `
      -- Small, filtered columns first and the large JSON last: SQLite must walk a long value's overflow
      -- pages to reach any column stored after it, which made filters and lists slow on big logs.
      CREATE TABLE entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,            -- ISO 8601 UTC, sorts as text
        surface TEXT NOT NULL,
        place TEXT,                          -- room or channel id
        asker TEXT,                          -- HMAC-SHA256 of the platform user id; the key is not in this file
        lang TEXT NOT NULL,
        mode TEXT NOT NULL,
        outcome TEXT NOT NULL,
        grounded INTEGER NOT NULL,
        total_ms REAL NOT NULL,
        embed_model TEXT,
        chat_model TEXT,
        review_status TEXT NOT NULL DEFAULT 'unreviewed' CHECK (review_status IN ('unreviewed', 'reviewed', 'flagged')),
        reviewed_by TEXT,
        reviewed_at TEXT,
        corrected_answerable INTEGER,        -- 0 when the reviewer says the corpus does not answer it
        question TEXT NOT NULL,
        standalone_question TEXT NOT NULL,
        fallback_reason TEXT,
        answer_text TEXT NOT NULL,
        corrected_answer TEXT,
        corrected_facts_json TEXT,           -- key phrases a correct answer contains (eval "facts")
        timings_json TEXT NOT NULL,
        citations_json TEXT NOT NULL,
        retrieved_json TEXT NOT NULL
      );
      CREATE INDEX entries_created_at ON entries (created_at);
      CREATE INDEX entries_asker ON entries (asker);
      CREATE INDEX entries_outcome ON entries (outcome, created_at);
      CREATE INDEX entries_review ON entries (review_status, created_at);

      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        comment TEXT,
        by_asker TEXT                        -- pseudonymised like entries.asker
      );
      CREATE INDEX feedback_entry ON feedback (entry_id);
      CREATE INDEX feedback_by ON feedback (by_asker);

      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT
      );
      CREATE INDEX audit_at ON audit (at);
    `,
  },
  {
    version: 2,
    description: 'meta: the fingerprint of the pseudonymisation key the entries are written with',
    sql: `CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
  {
    version: 3,
    description: 'full-text search over questions and answers (FTS5, accents and case folded)',
    sql: `
      -- External content: the text stays in entries; the index holds only the tokens, kept in step by triggers.
      CREATE VIRTUAL TABLE entries_fts USING fts5(
        question, standalone_question, answer_text,
        content = 'entries', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts (rowid, question, standalone_question, answer_text)
        VALUES (new.id, new.question, new.standalone_question, new.answer_text);
      END;
      CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, question, standalone_question, answer_text)
        VALUES ('delete', old.id, old.question, old.standalone_question, old.answer_text);
      END;
      CREATE TRIGGER entries_fts_update AFTER UPDATE OF question, standalone_question, answer_text ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, question, standalone_question, answer_text)
        VALUES ('delete', old.id, old.question, old.standalone_question, old.answer_text);
        INSERT INTO entries_fts (rowid, question, standalone_question, answer_text)
        VALUES (new.id, new.question, new.standalone_question, new.answer_text);
      END;
      INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');
    `,
  },
  {
    version: 4,
    description: 'sentences of a generated reply that the claim checks removed, with why',
    sql: `
      ALTER TABLE entries ADD COLUMN removed_json TEXT;   -- [{ text, reason }], NULL when none were removed
    `,
  },
  {
    version: 5,
    description: 'reviewed answers (corrections) and their uses, staff replies proposed as corrections',
    sql: `
      ALTER TABLE entries ADD COLUMN correction_id INTEGER;   -- the correction delivered (outcome 'correction')
      CREATE INDEX entries_correction ON entries (correction_id, created_at) WHERE correction_id IS NOT NULL;

      CREATE TABLE corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        reviewed_at TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        lang TEXT NOT NULL,
        withdrawn_at TEXT,                   -- set: never used again
        withdrawn_by TEXT,
        from_entry_id INTEGER,               -- no foreign key: the entry may be purged, the correction stays
        from_proposal_id INTEGER,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        sources_json TEXT NOT NULL           -- [{ docId, chunkId, title, source, url?, date, lang, quote }]
      );

      CREATE TABLE proposals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        surface TEXT NOT NULL,
        place TEXT,
        staff TEXT,                          -- pseudonymised like entries.asker
        bot_entry_id INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'dismissed')),
        decided_by TEXT,
        decided_at TEXT,
        correction_id INTEGER,
        question TEXT NOT NULL,
        reply TEXT NOT NULL,
        UNIQUE (bot_entry_id, reply)
      );
      CREATE INDEX proposals_status ON proposals (status, created_at);
    `,
  },
  {
    version: 6,
    description: 'each logged citation carries its article’s url (null: unknown, or logged before links were)',
    sql: `
      -- Citations are JSON: new entries write "url"; older ones get an explicit null so that every row has one shape.
      UPDATE entries SET citations_json = (
        SELECT COALESCE(json_group_array(json_set(c.value, '$.url', json_extract(c.value, '$.url'))), '[]')
        FROM json_each(entries.citations_json) AS c
      ) WHERE json_array_length(citations_json) > 0;
    `,
  },
  {
    version: 7,
    description: 'the document change numbers of the answering index and of the store (an index behind says so)',
    sql: `
      -- NULL in both: logged before this step, or by a process that knows no change number.
      ALTER TABLE entries ADD COLUMN index_change INTEGER;
      ALTER TABLE entries ADD COLUMN store_change INTEGER;
    `,
  },
];
