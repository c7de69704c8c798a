-- Archive stores. Each store is a PostgreSQL schema ("store_<uid>") holding its content and
-- message rows, with its own data key, wrapped by the master key (never stored in the clear).
CREATE TABLE archive_stores (
    id                      serial PRIMARY KEY,
    uid                     text NOT NULL UNIQUE CHECK (uid ~ '^[0-9a-f]{16}$'),
    name                    text NOT NULL UNIQUE CHECK (name <> ''),
    state                   text NOT NULL
                            CHECK (state IN ('current', 'normal', 'writeProtected', 'disabled')),
    wrapped_data_key        bytea NOT NULL,
    index_path              text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    message_count           bigint NOT NULL DEFAULT 0,
    raw_bytes               bigint NOT NULL DEFAULT 0,
    stored_bytes            bigint NOT NULL DEFAULT 0,
    statistics_refreshed_at timestamptz
);
-- Exactly one store receives new mail.
CREATE UNIQUE INDEX archive_stores_one_current ON archive_stores ((true)) WHERE state = 'current';

-- When to start a new "year-month" store: a size threshold (MB of stored content) or, without
-- one, at the start of every month.
CREATE TABLE store_auto_create (
    singleton               boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    enabled                 boolean NOT NULL DEFAULT true,
    size_threshold_mb       bigint CHECK (size_threshold_mb IS NULL OR size_threshold_mb > 0)
);
INSERT INTO store_auto_create DEFAULT VALUES;
