-- Credential objects: Entra ID applications that sign in with a certificate the server made.
-- The certificate is public (it is uploaded to Entra ID); the private key is sealed with the
-- master key (bound to uid) and never leaves the server.
CREATE TABLE credentials (
    id                   bigserial PRIMARY KEY,
    uid                  text NOT NULL UNIQUE,
    type                 text NOT NULL CHECK (type IN ('Office365_Modern')),
    description          text NOT NULL,
    tenant_id            text NOT NULL,
    application_id       text NOT NULL,
    cloud                text NOT NULL DEFAULT 'global' CHECK (cloud IN ('global', 'china')),
    assertion_algorithm  text NOT NULL DEFAULT 'PS256' CHECK (assertion_algorithm IN ('PS256', 'RS256')),
    certificate          text NOT NULL,
    sealed_private_key   bytea NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
