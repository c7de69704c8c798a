-- Archiving and export profiles. properties holds the type's settings without its secrets;
-- secrets holds those (passwords), sealed with the master key (bound to uid), never returned.
-- version grows with every change, so two administrators editing one profile do not overwrite
-- each other unknowingly. A profile runs when started or, when automatic, by the scheduler:
-- then again pause_seconds after its last run ended, inside its maintenance windows if any.
CREATE TABLE profiles (
    id                   bigserial PRIMARY KEY,
    uid                  text NOT NULL UNIQUE,
    version              integer NOT NULL DEFAULT 1,
    name                 text NOT NULL,
    owner                text NOT NULL,
    kind                 text NOT NULL CHECK (kind IN ('archive', 'export')),
    type                 text NOT NULL,
    properties           jsonb NOT NULL DEFAULT '{}',
    secrets              bytea,
    automatic            boolean NOT NULL DEFAULT false,
    pause_seconds        integer NOT NULL DEFAULT 0 CHECK (pause_seconds >= 0),
    maintenance_windows  text NOT NULL DEFAULT '',
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    last_run_started     timestamptz,
    last_run_ended       timestamptz
);
CREATE INDEX profiles_owner ON profiles (owner);

-- What happened to a profile besides its runs: created, changed, converted (with the old
-- settings), so an administrator can see how it came to be.
CREATE TABLE profile_history (
    id          bigserial PRIMARY KEY,
    profile_id  bigint NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL DEFAULT now(),
    event       text NOT NULL,
    user_name   text NOT NULL,
    details     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX profile_history_profile ON profile_history (profile_id, at);
