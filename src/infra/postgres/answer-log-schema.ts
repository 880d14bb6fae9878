/**
 * PostgreSQL schema of the answer log, step for step the SQLite one (src/infra/sqlite/migrations.ts)
 * with the same version numbers, recorded under component `answer-log`: "at step 5" means the same
 * tables in both, and `soga migrate-log` copies rows column for column. Never edit a released step: add
 * one to both files. Times stay ISO 8601 UTC text, as in SQLite: they sort as time, and copied entries
 * keep exactly the value they had.
 */
import type { PgMigration } from './pg-database.js';

export const ANSWER_LOG = 'answer-log';

export const pgAnswerLogMigrations: PgMigration[] = [
  {
    version: 1,
    description: 'answer entries, feedback, audit trail',
    sql: `
      create table soga_log_entries (
        id bigserial primary key,
        created_at text not null,
        surface text not null,
        place text,
        asker text,                          -- HMAC-SHA256 of the platform user id; the key is not in the database
        lang text not null,
        mode text not null,
        outcome text not null,
        grounded integer not null,
        total_ms double precision not null,
        embed_model text,
        chat_model text,
        review_status text not null default 'unreviewed' check (review_status in ('unreviewed', 'reviewed', 'flagged')),
        reviewed_by text,
        reviewed_at text,
        corrected_answerable integer,
        question text not null,
        standalone_question text not null,
        fallback_reason text,
        answer_text text not null,
        corrected_answer text,
        corrected_facts_json text,
        timings_json text not null,
        citations_json text not null,
        retrieved_json text not null
      );
      create index soga_log_entries_created_at on soga_log_entries (created_at, id);
      create index soga_log_entries_asker on soga_log_entries (asker);
      create index soga_log_entries_outcome on soga_log_entries (outcome, created_at);
      create index soga_log_entries_review on soga_log_entries (review_status, created_at);

      create table soga_log_feedback (
        id bigserial primary key,
        entry_id bigint not null references soga_log_entries (id) on delete cascade,
        created_at text not null,
        rating text not null check (rating in ('up', 'down')),
        comment text,
        by_asker text
      );
      create index soga_log_feedback_entry on soga_log_feedback (entry_id);
      create index soga_log_feedback_by on soga_log_feedback (by_asker);

      create table soga_log_audit (
        id bigserial primary key,
        at text not null,
        actor text not null,
        action text not null,
        target text,
        detail text
      );
      create index soga_log_audit_at on soga_log_audit (at);
    `,
  },
  {
    version: 2,
    description: 'meta: the fingerprint of the pseudonymisation key the entries are written with',
    sql: `create table soga_log_meta (name text primary key, value text not null);`,
  },
  {
    version: 3,
    description: 'full-text search over questions and answers (tsvector, accents and case folded)',
    sql: `
      -- The words of question, searched query and answer, accent- and case-folded by the application
      -- (fold-search-text.ts) before to_tsvector('simple'): the server's locale folds only ASCII, and
      -- unaccent would need an extension. Rows without it (none unless written by hand) are filled at open.
      alter table soga_log_entries add column search tsvector;
      create index soga_log_entries_search on soga_log_entries using gin (search);
    `,
  },
  {
    version: 4,
    description: 'sentences of a generated reply that the claim checks removed, with why',
    sql: `alter table soga_log_entries add column removed_json text;`,
  },
  {
    version: 5,
    description: 'reviewed answers (corrections) and their uses, staff replies proposed as corrections',
    sql: `
      alter table soga_log_entries add column correction_id bigint;
      create index soga_log_entries_correction on soga_log_entries (correction_id, created_at) where correction_id is not null;

      create table soga_corrections (
        id bigserial primary key,
        reviewed_at text not null,
        reviewer text not null,
        lang text not null,
        withdrawn_at text,
        withdrawn_by text,
        from_entry_id bigint,                -- no foreign key: the entry may be purged, the correction stays
        from_proposal_id bigint,
        question text not null,
        answer text not null,
        sources_json text not null
      );

      create table soga_proposals (
        id bigserial primary key,
        created_at text not null,
        surface text not null,
        place text,
        staff text,
        bot_entry_id bigint not null,
        status text not null default 'open' check (status in ('open', 'approved', 'dismissed')),
        decided_by text,
        decided_at text,
        correction_id bigint,
        question text not null,
        reply text not null,
        unique (bot_entry_id, reply)
      );
      create index soga_proposals_status on soga_proposals (status, created_at);
    `,
  },
  {
    version: 6,
    description: 'each logged citation carries its article’s url (null: unknown, or logged before links were)',
    sql: `
      update soga_log_entries set citations_json = (
        select coalesce(jsonb_agg(case when c.value ? 'url' then c.value else c.value || '{"url": null}'::jsonb end order by c.n), '[]'::jsonb)::text
        from jsonb_array_elements(soga_log_entries.citations_json::jsonb) with ordinality as c (value, n)
      ) where jsonb_array_length(citations_json::jsonb) > 0;
    `,
  },
  {
    version: 7,
    description: 'the document change numbers of the answering index and of the store (an index behind says so)',
    sql: `
      alter table soga_log_entries add column index_change bigint;
      alter table soga_log_entries add column store_change bigint;
    `,
  },
];
