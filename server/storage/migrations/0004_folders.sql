-- Archive folders: one tree per user archive. A root folder (parent_id NULL) is an archive,
-- named after its user in lower case; paths are "<archive>/<folder>/<sub folder>".
CREATE TABLE folders (
    id          bigserial PRIMARY KEY,
    -- NO ACTION (checked at the end of a statement): a folder and its children may go together.
    parent_id   bigint REFERENCES folders (id),
    name        text NOT NULL CHECK (name <> '' AND position('/' IN name) = 0),
    path        text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((parent_id IS NULL) = (position('/' IN path) = 0))
);
CREATE UNIQUE INDEX folders_unique_child ON folders (coalesce(parent_id, 0), name);
CREATE INDEX folders_parent ON folders (parent_id);

-- What a user may do in a folder and everything below it: read, write (move within the
-- archive), delete. No row: no access.
CREATE TABLE folder_privileges (
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    folder_id   bigint NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
    privileges  text[] NOT NULL CHECK (privileges <@ ARRAY['read', 'write', 'delete']
                                       AND cardinality(privileges) > 0),
    PRIMARY KEY (user_id, folder_id)
);
