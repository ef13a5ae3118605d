-- Users of the appliance and the API tokens they authenticate with.
-- Token secrets are never stored: only their SHA-256 digest.

create table users (
    id                        uuid        primary key,
    username                  text        not null unique
                                          check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    display_name              text        not null check (length(display_name) between 1 and 200),
    roles                     text[]      not null check (cardinality(roles) > 0),
    client_certificate_sha256 text        unique check (client_certificate_sha256 ~ '^[0-9a-f]{64}$'),
    enabled                   boolean     not null default true,
    created_at                timestamptz not null,
    created_by                text        not null
);

create table tokens (
    id           uuid        primary key,
    user_id      uuid        not null references users (id),
    name         text        not null check (length(name) between 1 and 100),
    secret_hash  bytea       not null unique check (length(secret_hash) = 32),
    scopes       text[]      not null check (cardinality(scopes) > 0),
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    created_by   text        not null,
    check (expires_at > created_at)
);

create index tokens_user on tokens (user_id);

-- One row once the first administrator exists, so a restart never creates a second one.
create table bootstrap (
    singleton     boolean     primary key default true check (singleton),
    admin_user_id uuid        not null references users (id),
    completed_at  timestamptz not null
);
