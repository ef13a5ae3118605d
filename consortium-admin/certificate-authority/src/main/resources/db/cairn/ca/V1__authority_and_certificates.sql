-- The consortium CA: its self-signed certificate, the latest CRL, and every member certificate it issued.

create table ca.authority (
    id              smallint primary key check (id = 1),
    certificate_pem text        not null,
    subject         text        not null,
    created_at      timestamptz not null,
    crl_number      bigint      not null default 0,
    crl_der         bytea,
    crl_this_update timestamptz,
    crl_next_update timestamptz
);

create table ca.certificates (
    serial      text primary key,
    member_id   uuid        not null,
    lei         text        not null,
    subject     text        not null,
    sha256      text        not null unique,
    pem         text        not null,
    not_before  timestamptz not null,
    not_after   timestamptz not null,
    issued_at   timestamptz not null,
    status      text        not null check (status in ('valid', 'on-hold', 'revoked')),
    revoked_at  timestamptz,
    reason      text,
    check ((status = 'valid') = (revoked_at is null))
);

create index certificates_member on ca.certificates (member_id, issued_at);
create index certificates_lei on ca.certificates (lei, issued_at);
create index certificates_revoked on ca.certificates (status) where status <> 'valid';
