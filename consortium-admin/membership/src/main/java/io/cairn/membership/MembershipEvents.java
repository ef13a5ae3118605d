package io.cairn.membership;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Records membership state changes in the {@code consortium.events} outbox, inside the transaction that
 * makes the change: an event exists exactly when its change was committed. {@link JournalRelay} then
 * carries the events to the audit journal.
 */
final class MembershipEvents {
    /** Event types, all under {@code membership.}. */
    static final String MEMBER_FOUNDED = "membership.member-founded";
    static final String REPRESENTATIVE_DESIGNATED = "membership.representative-designated";
    static final String REPRESENTATIVE_REVOKED = "membership.representative-revoked";
    static final String APPLICATION_SUBMITTED = "membership.application-submitted";
    static final String CHECKLIST_TICKED = "membership.checklist-item-ticked";
    static final String APPLICATION_REJECTED = "membership.application-rejected";
    static final String APPLICATION_APPROVED = "membership.application-approved";
    static final String PROPOSAL_OPENED = "membership.proposal-opened";
    static final String VOTE_CAST = "membership.vote-cast";
    static final String VOTE_CHANGED = "membership.vote-changed";
    static final String PROPOSAL_DECIDED = "membership.proposal-decided";
    static final String STATUS_CHANGED = "membership.member-status-changed";
    static final String POLICY_ADOPTED = "membership.policy-adopted";
    static final String CERTIFICATE_ISSUED = "membership.certificate-issued";
    static final String CERTIFICATE_HELD = "membership.certificate-held";
    static final String CERTIFICATE_REVOKED = "membership.certificate-revoked";
    static final String CERTIFICATE_RELEASED = "membership.certificate-released";
    static final String PROVISIONING_PLANNED = "membership.provisioning-planned";
    static final String PROVISIONING_STEP_CHANGED = "membership.provisioning-step-changed";
    static final String PROVISIONING_COMPLETED = "membership.provisioning-completed";
    static final String APPLICATION_PROVISIONED = "membership.application-provisioned";
    /** The actor of changes that a tally, a closed window or a decided proposal made. */
    static final String GOVERNANCE = "system:governance";

    private MembershipEvents() {
    }

    /**
     * Records one certificate the consortium CA issued, held or revoked: serial, SHA-256 fingerprint, end of
     * validity and the member's LEI, plus what caused it.
     */
    static void certificate(Handle h, String type, String actor, Member member, MemberCertificate certificate,
                            Instant at, Map<String, String> cause) {
        Map<String, String> attributes = new TreeMap<>(cause);
        attributes.putAll(Map.of("lei", member.lei().value(), "serial", certificate.serial(),
                "sha256", certificate.sha256(), "not-after", certificate.notAfter().toString()));
        record(h, type, actor, "member/" + member.lei(), at, attributes);
    }

    static void record(Handle h, String type, String actor, String subject, Instant at, Map<String, String> attributes) {
        h.createUpdate("insert into consortium.events (event_key, type, actor, subject, occurred_at, attributes) "
                        + "values (:key, :type, :actor, :subject, :at, cast(:attributes as jsonb))")
                .bind("key", java.util.UUID.randomUUID()).bind("type", type).bind("actor", actor).bind("subject", subject).bind("at", Timestamp.from(at))
                .bind("attributes", JsonColumns.write(new TreeMap<>(attributes))).execute();
    }
}
