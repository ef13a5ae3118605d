-- The appliance's own keys (e.g. the one that signs journal checkpoints): which custody backend holds
-- each and under which handle. The private keys stay in the custody; only the reference is here.
create table system_keys (
    purpose     text        primary key check (purpose ~ '^[a-z][a-z0-9-]{1,62}$'),
    backend     text        not null,
    key_id      text        not null,
    curve       text        not null,
    created_at  timestamptz not null
);
