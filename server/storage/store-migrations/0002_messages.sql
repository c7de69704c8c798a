-- Messages of one archive store. A message row places a content row in a folder; the same
-- content in two folders is two rows and one content. Folder ids refer to the server's
-- folder table (no foreign key: a store may later live on another PostgreSQL server).
CREATE TABLE messages (
    id                  bigserial PRIMARY KEY,
    folder_id           bigint NOT NULL,
    content_sha256      bytea NOT NULL REFERENCES contents (sha256),
    -- SHA-256 of Message-ID, Date, From and the normalised body text: the same message
    -- fetched through another protocol (different transport headers) has the same key.
    duplicate_key       bytea NOT NULL,
    archived_at         timestamptz NOT NULL DEFAULT now(),
    message_date        timestamptz,
    date_from_received  boolean NOT NULL DEFAULT false,
    -- Subject, sender, recipients and Message-ID, sealed like the content: a database dump
    -- shows no word of anybody's mail.
    envelope            bytea NOT NULL,
    size                bigint NOT NULL,
    has_attachments     boolean NOT NULL DEFAULT false,
    parse_status        text NOT NULL CHECK (parse_status IN ('ok', 'defective', 'unparseable')),
    defects             text[] NOT NULL DEFAULT '{}',
    source_profile      text,
    source_folder       text,
    source_id           text,
    UNIQUE (folder_id, content_sha256)
);
CREATE INDEX messages_folder ON messages (folder_id, message_date);
CREATE INDEX messages_duplicate_key ON messages (folder_id, duplicate_key);
CREATE INDEX messages_content ON messages (content_sha256);
