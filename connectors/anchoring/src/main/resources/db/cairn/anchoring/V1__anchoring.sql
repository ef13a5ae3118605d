-- The ledgers anchors are written to, and the durable anchor queue: one job per (verification block, ledger).

create table ledgers (
    name              text        primary key check (name ~ '^[a-z0-9-]{1,32}$'),
    type              text        not null,
    endpoints         text        not null,  -- one URL per line
    chain_id          bigint      not null check (chain_id > 0),
    key_alias         text        not null,
    contract_address  text        not null,
    deployment_block  bigint      not null check (deployment_block >= 0),
    finality_depth    integer     not null check (finality_depth >= 0),  -- 0: instant (BFT) finality
    transaction_type  text        not null,
    gas               text        not null,
    tls_ca_pem        text,
    auth_header       text,                  -- a secret: never returned by the API or logged
    registered_at     timestamptz not null,
    registered_by     text        not null
);

create table anchor_jobs (
    app               text        not null,
    seq               bigint      not null check (seq >= 0),
    ledger            text        not null,
    block_hash        bytea       not null check (length(block_hash) = 32),
    sealed_at         timestamptz not null,
    state             text        not null check (state in ('queued', 'submitting', 'anchored', 'final', 'broken')),
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null,
    last_error        text,
    tx_id             text,
    block_number      bigint,
    ledger_block_hash text,
    log_position      bigint,
    -- whether AnchorOutcomes has been told about the current state (anchored or final)
    reported          boolean     not null default true,
    broken_count      integer     not null default 0,
    queued_at         timestamptz not null,
    submitting_at     timestamptz,
    anchored_at       timestamptz,
    final_at          timestamptz,
    broken_at         timestamptz,
    last_verified_at  timestamptz,
    updated_at        timestamptz not null,
    primary key (app, seq, ledger)
);

create index anchor_jobs_due on anchor_jobs (ledger, state, next_attempt_at);
create index anchor_jobs_verified on anchor_jobs (ledger, state, last_verified_at);
