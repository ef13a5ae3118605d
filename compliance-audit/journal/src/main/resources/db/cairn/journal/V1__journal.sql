-- The audit journal: canonical entries (the Merkle leaves), the perfect-subtree hashes above them,
-- the committed tree size and the signed checkpoints.

create table entries (
    leaf_index      bigint      primary key check (leaf_index >= 0),
    entry           bytea       not null,
    leaf_hash       bytea       not null check (octet_length(leaf_hash) = 32),
    idempotency_key text        unique,
    created_at      timestamptz not null
);

-- Hashes of the perfect subtrees of level >= 1 (leaves are entries.leaf_hash): node (level, node_index)
-- covers leaves [node_index * 2^level, (node_index + 1) * 2^level).
create table tree_nodes (
    level      smallint not null check (level between 1 and 62),
    node_index bigint   not null check (node_index >= 0),
    hash       bytea    not null check (octet_length(hash) = 32),
    primary key (level, node_index)
);

-- The committed tree size, one row; every append transaction moves it from the size it started from.
create table head (
    id         boolean     primary key default true check (id),
    size       bigint      not null check (size >= 0),
    updated_at timestamptz not null
);
insert into head (id, size, updated_at) values (true, 0, now());

create table checkpoints (
    tree_size  bigint      primary key check (tree_size >= 0),
    origin     text        not null,
    root       bytea       not null check (octet_length(root) = 32),
    issued_at  timestamptz not null,
    body       text        not null,
    key_id     text        not null,
    algorithm  text        not null,
    signature  bytea       not null,
    public_key bytea       not null,
    created_at timestamptz not null default now()
);
