-- Users who may sign in, with their global and login privileges.
-- User names are kept lower-case: user archives are handled lower-case everywhere.
CREATE TABLE users (
    id                  bigserial PRIMARY KEY,
    user_name           text NOT NULL UNIQUE
                        CHECK (user_name <> '' AND user_name = lower(user_name)),
    full_name           text,
    distinguished_name  text,
    authentication      text NOT NULL DEFAULT 'integrated'
                        CHECK (authentication IN ('integrated', 'directoryServices')),
    -- libsodium's Argon2id string ($argon2id$v=19$m=...,t=...,p=...$salt$hash); NULL: no password set.
    password_hash       text,
    must_change_password boolean NOT NULL DEFAULT false,
    privileges          text[] NOT NULL DEFAULT '{}',
    login_privileges    text[] NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL DEFAULT now(),
    password_changed_at timestamptz
);

-- Server-wide named settings (global properties, first-start markers).
CREATE TABLE server_properties (
    name        text PRIMARY KEY,
    value       text NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
