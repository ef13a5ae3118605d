/**
 * Consortium membership: member organisations identified by LEI with their contacts, consortium roles,
 * ledger identities and status history; designated representatives who vote for them; the versioned
 * governance policy; proposals and votes with separation of duties; the onboarding workflow (application,
 * due-diligence checklist, admission vote, decision); the {@code /api/v1/members},
 * {@code /api/v1/onboarding/applications}, {@code /api/v1/votes} and {@code /api/v1/governance-policy}
 * resources; and the outbox that carries every state change to the audit journal.
 *
 * <p>Member certificates are issued, held and revoked through the {@link io.cairn.membership.CertificateIssuer}
 * seam (implemented by the consortium CA module) inside the transactions that record the decisions. Ledger
 * provisioning goes through the {@link io.cairn.membership.LedgerProvisioner} seam (one per ledger, adapted by the
 * appliance; this module depends on no connector): each admission, suspension, reinstatement and removal gets a
 * {@link io.cairn.membership.ProvisioningPlan} of steps that the {@link io.cairn.membership.ProvisioningRunner}
 * executes in order with retries, and that administrators override or retry.
 */
package io.cairn.membership;
