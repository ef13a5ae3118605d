-- Ledger provisioning: the per-ledger steps that carry out an admission, suspension, reinstatement or removal
-- on the consortium's ledgers, with their status, attempts and overrides. No foreign keys: a plan belongs to
-- an application (admission) or a proposal (offboarding), named by plan_id, and the rows are an audit trail.

create table provisioning_steps (
    id                 uuid        primary key,
    seq                bigint      generated always as identity unique,
    plan_id            uuid        not null,
    position           integer     not null check (position >= 0),
    purpose            text        not null check (purpose in ('admit', 'suspend', 'reinstate', 'remove')),
    member_id          uuid        not null,
    application_id     uuid,
    requested_by       text        not null,
    ledger             text        not null,
    action             text        not null,
    description        text        not null,
    parameters         jsonb       not null,
    status             text        not null
        check (status in ('pending', 'running', 'done', 'failed', 'manual', 'overridden')),
    attempts           integer     not null default 0 check (attempts >= 0),
    last_error         text,
    instructions       text,
    next_attempt_at    timestamptz,
    overridden_by      text,
    override_reason    text,
    override_reference text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    unique (plan_id, position),
    check ((status = 'overridden') = (overridden_by is not null))
);

create index provisioning_steps_open on provisioning_steps (member_id, seq)
    where status not in ('done', 'overridden');
create index provisioning_steps_member on provisioning_steps (member_id, created_at);
create index provisioning_steps_application on provisioning_steps (application_id) where application_id is not null;

-- The steps now live in provisioning_steps; provisioning_plans keeps one row per approved application.
alter table provisioning_plans drop column steps;

-- An application whose every provisioning step is done or overridden; its member is active.
alter table applications drop constraint applications_state_check;
alter table applications add constraint applications_state_check
    check (state in ('due-diligence', 'voting', 'approved-pending-provisioning', 'provisioned', 'rejected'));
alter table applications add column provisioned_at timestamptz;

-- Reinstating a suspended member is decided by a proposal too.
alter table proposals drop constraint proposals_kind_check;
alter table proposals add constraint proposals_kind_check
    check (kind in ('admit-member', 'suspend-member', 'remove-member', 'reinstate-member', 'change-policy'));
