-- Keys known to the signing service: alias, backend, curve, purpose, policy and lifecycle state.
CREATE TABLE managed_keys (
    alias           TEXT PRIMARY KEY,
    backend         TEXT        NOT NULL,
    curve           TEXT        NOT NULL,
    purpose         TEXT        NOT NULL,
    policy          TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('active', 'disabled', 'destroyed')),
    current_version INTEGER     NOT NULL,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Every version of a key; old versions stay for verification after a rotation.
CREATE TABLE key_versions (
    alias        TEXT        NOT NULL REFERENCES managed_keys (alias),
    version      INTEGER     NOT NULL,
    handle_id    TEXT        NOT NULL,
    public_key   BYTEA       NOT NULL,
    attestation  TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (alias, version)
);

-- Signing and destruction requests: idempotency, approvals state machine and the stored answer.
CREATE TABLE signing_requests (
    id                 UUID PRIMARY KEY,
    requester          TEXT        NOT NULL,
    idempotency_key    TEXT        NOT NULL,
    request_sha256     TEXT        NOT NULL,
    alias              TEXT        NOT NULL REFERENCES managed_keys (alias),
    operation          TEXT        NOT NULL,
    body               TEXT        NOT NULL,
    state              TEXT        NOT NULL CHECK (state IN ('pending', 'approved', 'signed', 'completed', 'rejected', 'expired')),
    required_approvals INTEGER     NOT NULL,
    approver_role      TEXT        NOT NULL,
    result             TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    decided_at         TIMESTAMPTZ,
    CONSTRAINT signing_requests_idempotency UNIQUE (requester, idempotency_key)
);
CREATE INDEX signing_requests_alias_created ON signing_requests (alias, created_at);
CREATE INDEX signing_requests_state ON signing_requests (state, created_at);

-- One decision per user and request.
CREATE TABLE approvals (
    request_id  UUID        NOT NULL REFERENCES signing_requests (id),
    approver    TEXT        NOT NULL,
    decision    TEXT        NOT NULL CHECK (decision IN ('approve', 'reject')),
    decided_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, approver)
);

-- Ethereum nonce guard: a key signs at most one payload per (chain id, nonce).
CREATE TABLE ethereum_nonces (
    alias          TEXT    NOT NULL REFERENCES managed_keys (alias),
    chain_id       TEXT    NOT NULL,
    nonce          NUMERIC NOT NULL,
    payload_sha256 TEXT    NOT NULL,
    request_id     UUID    NOT NULL REFERENCES signing_requests (id),
    CONSTRAINT ethereum_nonces_once UNIQUE (alias, chain_id, nonce)
);
