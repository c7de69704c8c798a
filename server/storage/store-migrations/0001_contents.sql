-- Content of one archive store, once per distinct raw message (single-instance storage):
-- keyed by the SHA-256 of the raw bytes, zstd-compressed and AES-256-GCM-sealed with the
-- store's data key (associated data: store uid and hash, so rows cannot be moved around).
CREATE TABLE contents (
    sha256      bytea PRIMARY KEY CHECK (length(sha256) = 32),
    sealed      bytea NOT NULL,
    raw_size    bigint NOT NULL CHECK (raw_size >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
