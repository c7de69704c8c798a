-- Searches a user keeps by name (query, folder scope, sort), gone with the user.
CREATE TABLE saved_searches (
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        text NOT NULL CHECK (name <> ''),
    query       text NOT NULL,
    folder      text,
    sort        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, name)
);
