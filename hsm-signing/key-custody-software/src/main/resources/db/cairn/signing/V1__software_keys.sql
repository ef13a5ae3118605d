-- Keys of the development-only software key custody, sealed with AES-256-GCM under the master key.
-- A destroyed key keeps its row (so signing with it reports "destroyed", not "unknown") but loses its
-- sealed private key.
CREATE SCHEMA IF NOT EXISTS signing;

CREATE TABLE signing.software_keys (
    id                 VARCHAR(128) PRIMARY KEY,
    label              VARCHAR(64)  NOT NULL,
    curve              VARCHAR(16)  NOT NULL CHECK (curve IN ('secp256k1', 'p-256', 'ed25519')),
    public_key         BYTEA        NOT NULL,
    sealed_private_key BYTEA,
    imported           BOOLEAN      NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    destroyed_at       TIMESTAMPTZ,
    CONSTRAINT software_keys_sealed_until_destroyed
        CHECK ((destroyed_at IS NULL) = (sealed_private_key IS NOT NULL))
);
