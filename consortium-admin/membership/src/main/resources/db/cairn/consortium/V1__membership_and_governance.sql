-- Consortium membership, governance policy, proposals and votes, onboarding applications, and the
-- outbox of membership events on their way to the audit journal.

create table members (
    id                uuid        primary key,
    lei               text        not null unique check (lei ~ '^[0-9A-Z]{18}[0-9]{2}$'),
    legal_name        text        not null check (length(legal_name) between 1 and 500),
    jurisdiction      text        not null check (jurisdiction ~ '^[A-Z]{2}$'),
    contacts          jsonb       not null,
    roles             text[]      not null,
    ledger_identities jsonb       not null,
    status            text        not null check (status in ('applicant', 'active', 'suspended', 'removed')),
    created_at        timestamptz not null,
    created_by        text        not null
);

-- Every status a member ever had: who changed it, when and why. Never updated, never deleted.
create table member_status_history (
    id          bigint      generated always as identity primary key,
    member_id   uuid        not null references members (id),
    from_status text        check (from_status in ('applicant', 'active', 'suspended', 'removed')),
    to_status   text        not null check (to_status in ('applicant', 'active', 'suspended', 'removed')),
    changed_by  text        not null,
    changed_at  timestamptz not null,
    reason      text        not null check (length(reason) between 1 and 2000)
);

create index member_status_history_member on member_status_history (member_id, id);

-- Users of the appliance who vote for a member organisation; a user represents one organisation.
create table representatives (
    username      text        primary key,
    member_id     uuid        not null references members (id),
    designated_by text        not null,
    designated_at timestamptz not null
);

create index representatives_member on representatives (member_id);

create table governance_policies (
    version         integer     primary key check (version > 0),
    rule            text        not null check (rule in ('majority', 'two-thirds', 'unanimity', 'admin-only')),
    quorum_percent  integer     not null check (quorum_percent between 0 and 100),
    voting_window_seconds bigint not null check (voting_window_seconds > 0),
    adopted_at      timestamptz not null,
    adopted_by      text        not null,
    proposal_id     uuid
);

create table proposals (
    id              uuid        primary key,
    kind            text        not null check (kind in ('admit-member', 'suspend-member', 'remove-member', 'change-policy')),
    subject_member  uuid        references members (id),
    policy_version  integer     not null references governance_policies (version),
    rule            text        not null,
    quorum_percent  integer     not null,
    requested_by    text        not null,
    opened_by       text        not null,
    opened_at       timestamptz not null,
    closes_at       timestamptz not null check (closes_at > opened_at),
    state           text        not null check (state in ('open', 'approved', 'rejected')),
    decided_at      timestamptz,
    decided_by      text,
    decision_reason text,
    motivation      text        not null,
    proposed_policy jsonb,
    check ((state = 'open') = (decided_at is null))
);

create index proposals_open on proposals (closes_at) where state = 'open';

-- The organisations entitled to vote on a proposal: the active members when it opened, except the one
-- the proposal concerns.
create table electorate (
    proposal_id uuid not null references proposals (id),
    member_id   uuid not null references members (id),
    primary key (proposal_id, member_id)
);

-- One current ballot per organisation and proposal; revision counts casts and changes.
create table ballots (
    proposal_id uuid        not null references proposals (id),
    member_id   uuid        not null references members (id),
    choice      text        not null check (choice in ('yes', 'no', 'abstain')),
    revision    integer     not null check (revision > 0),
    cast_by     text        not null,
    cast_at     timestamptz not null,
    primary key (proposal_id, member_id),
    foreign key (proposal_id, member_id) references electorate (proposal_id, member_id)
);

-- Every cast and change, in order.
create table ballot_history (
    id          bigint      generated always as identity primary key,
    proposal_id uuid        not null references proposals (id),
    member_id   uuid        not null references members (id),
    choice      text        not null check (choice in ('yes', 'no', 'abstain')),
    revision    integer     not null,
    cast_by     text        not null,
    cast_at     timestamptz not null
);

create table applications (
    id               uuid        primary key,
    member_id        uuid        not null references members (id),
    csr_pem          text        not null,
    csr_subject      text        not null,
    state            text        not null check (state in ('due-diligence', 'voting', 'approved-pending-provisioning', 'rejected')),
    submitted_by     text        not null,
    submitted_at     timestamptz not null,
    proposal_id      uuid        references proposals (id),
    decided_at       timestamptz,
    rejection_reasons text[]
);

create unique index applications_one_pending_per_member on applications (member_id)
    where state in ('due-diligence', 'voting');

create table checklist_items (
    application_id uuid        not null references applications (id),
    position       integer     not null,
    item           text        not null,
    ticked_by      text,
    ticked_at      timestamptz,
    evidence       text,
    reference      text,
    primary key (application_id, item),
    check ((ticked_by is null) = (ticked_at is null))
);

-- Empty until the provisioning step exists: one row per approved application.
create table provisioning_plans (
    application_id uuid        primary key references applications (id),
    created_at     timestamptz not null,
    steps          jsonb       not null default '[]'
);

-- Outbox: written in the same transaction as the change it records, then relayed to the audit journal.
create table events (
    id           bigint      generated always as identity primary key,
    event_key    uuid        not null unique,
    type         text        not null,
    actor        text        not null,
    subject      text        not null,
    occurred_at  timestamptz not null,
    attributes   jsonb       not null,
    journaled_at timestamptz,
    leaf_index   bigint
);

create index events_pending on events (id) where journaled_at is null;
