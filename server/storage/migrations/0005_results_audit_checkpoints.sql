-- One row per run of a profile or an import: what ran, for whom, when, how it ended, and the
-- report with per-item failures. result is NULL while the run is going on; a run the server
-- could not finish (crash, restart) is closed as 'threadAbort' at the next start.
CREATE TABLE worker_results (
    id              bigserial PRIMARY KEY,
    profile_id      bigint,
    profile_name    text NOT NULL,
    user_name       text,
    started_by      text NOT NULL,
    started_at      timestamptz NOT NULL,
    completed_at    timestamptz,
    result          text CHECK (result IN ('succeeded', 'completedWithWarnings',
                                           'completedWithErrors', 'failed', 'cancelled',
                                           'disconnected', 'threadAbort')),
    items_archived  bigint NOT NULL DEFAULT 0,
    items_skipped   bigint NOT NULL DEFAULT 0,
    items_failed    bigint NOT NULL DEFAULT 0,
    report          jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX worker_results_started ON worker_results (started_at);

-- Who did what and when. Administrator activities are always written; the reason given for a
-- deleted message is kept in details.
CREATE TABLE audit_log (
    id              bigserial PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT now(),
    event           text NOT NULL,
    user_name       text NOT NULL,
    client_address  text,
    details         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);

-- How far a source has been archived: written in the same transaction as the batch it follows,
-- so it never runs ahead of the mail that is committed. The key names the source exactly
-- (for a file: target folder, path, size and modification time).
CREATE TABLE source_checkpoints (
    source_key      text PRIMARY KEY,
    position        text NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
