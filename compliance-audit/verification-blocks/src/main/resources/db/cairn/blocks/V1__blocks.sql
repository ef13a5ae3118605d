-- Applications, their accepted messages (digests and off-chain payloads), the verification blocks the
-- messages are sealed into, and the per-ledger anchor state of every block.

create table applications (
    id                text        primary key check (id ~ '^[a-z0-9._-]{1,32}$'),
    name              text        not null,
    message_schema    text        not null,
    ledgers           text[]      not null,
    block_interval_ms bigint      not null check (block_interval_ms between 1000 and 86400000),
    max_block_size    integer     not null check (max_block_size between 1 and 100000),
    personal_data     boolean     not null,
    created_at        timestamptz not null,
    created_by        text        not null,
    -- the next per-application message sequence number; the row lock orders concurrent acceptances
    next_message_seq  bigint      not null default 0 check (next_message_seq >= 0)
);

-- One row per accepted message: the commitment that is journaled and sealed, never the payload.
create table messages (
    app                text        not null references applications (id),
    message_id         text        not null,
    seq                bigint      not null check (seq >= 0),
    sender             text        not null,
    signer_address     text        not null,
    digest             bytea       not null check (octet_length(digest) = 32),
    request_sha256     bytea       not null check (octet_length(request_sha256) = 32),
    submitted_by       text        not null,
    accepted_at        timestamptz not null,
    journal_leaf_index bigint,
    block_seq          bigint,
    payload_erased_at  timestamptz,
    primary key (app, message_id),
    unique (app, seq)
);
create index messages_unsealed on messages (app, seq) where block_seq is null;

-- Off-chain payloads (and the salt of a salted commitment); erasure deletes the row, never the digest.
create table payloads (
    app        text  not null,
    message_id text  not null,
    salt       bytea check (salt is null or octet_length(salt) = 32),
    nonce      bytea check (nonce is null or octet_length(nonce) = 12),
    content    bytea not null,
    primary key (app, message_id),
    foreign key (app, message_id) references messages (app, message_id)
);

create table verification_blocks (
    app                text        not null references applications (id),
    seq                bigint      not null check (seq >= 0),
    prev_block_hash    bytea       not null check (octet_length(prev_block_hash) = 32),
    merkle_root        bytea       not null check (octet_length(merkle_root) = 32),
    entries            integer     not null check (entries > 0),
    first_message_seq  bigint      not null,
    last_message_seq   bigint      not null,
    created_at         timestamptz not null,
    block_hash         bytea       not null check (octet_length(block_hash) = 32),
    status             text        not null check (status in ('pending', 'anchored', 'final', 'broken')),
    journal_leaf_index bigint,
    constraint verification_blocks_app_seq unique (app, seq),
    check (last_message_seq - first_message_seq + 1 = entries)
);

create table block_anchors (
    app         text        not null,
    seq         bigint      not null,
    ledger      text        not null,
    state       text        not null check (state in ('anchored', 'final', 'broken')),
    tx_id       text        not null,
    height      bigint      not null check (height >= 0),
    anchored_at timestamptz not null,
    final_at    timestamptz,
    broken_at   timestamptz,
    reason      text,
    primary key (app, seq, ledger),
    foreign key (app, seq) references verification_blocks (app, seq)
);
