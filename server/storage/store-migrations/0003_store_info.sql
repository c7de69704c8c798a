-- What a store knows about itself, so that a detached store (its schema left in the database)
-- can be attached again: its uid, last name and data key, wrapped by the master key of the
-- installation that wrote it. Written when the store is created and when it is detached.
CREATE TABLE store_info (
    singleton           boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    uid                 text NOT NULL,
    name                text NOT NULL,
    wrapped_data_key    bytea NOT NULL,
    index_path          text,
    created_at          timestamptz NOT NULL
);
