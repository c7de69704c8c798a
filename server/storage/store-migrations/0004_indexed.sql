-- Whether the store's full-text index holds the message: set after the index committed it,
-- so a crash between the database commit and the index commit leaves it false, and the next
-- start indexes it. Verification compares this with the index itself.
ALTER TABLE messages ADD COLUMN indexed boolean NOT NULL DEFAULT false;
CREATE INDEX messages_unindexed ON messages (id) WHERE NOT indexed;
