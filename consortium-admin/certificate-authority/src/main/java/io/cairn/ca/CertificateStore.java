package io.cairn.ca;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The issued certificates in {@code ca.certificates}. */
final class CertificateStore {
    private static final String COLUMNS = "serial, member_id, lei, subject, sha256, pem, not_before, not_after, issued_at, "
            + "status, revoked_at, reason";

    void insert(Handle h, IssuedCertificate c) {
        h.createUpdate("insert into ca.certificates (" + COLUMNS + ") values (:serial, :member, :lei, :subject, :sha256, "
                        + ":pem, :notBefore, :notAfter, :issuedAt, :status, null, null)")
                .bind("serial", c.serial()).bind("member", c.memberId()).bind("lei", c.lei()).bind("subject", c.subject())
                .bind("sha256", c.sha256()).bind("pem", c.pem()).bind("notBefore", Timestamp.from(c.notBefore()))
                .bind("notAfter", Timestamp.from(c.notAfter())).bind("issuedAt", Timestamp.from(c.issuedAt()))
                .bind("status", c.status().label()).execute();
    }

    /**
     * Moves a member's certificates in one of the {@code from} states to {@code to}, locking them.
     *
     * @return the changed certificates as they are now
     */
    List<IssuedCertificate> transition(Handle h, UUID memberId, List<CertificateStatus> from, CertificateStatus to,
                                       Optional<RevocationReason> reason, Instant at) {
        List<String> serials = h.createQuery("select serial from ca.certificates where member_id = :m and status in (<from>) "
                        + "order by issued_at, serial for update")
                .bind("m", memberId).bindList("from", from.stream().map(CertificateStatus::label).toList())
                .mapTo(String.class).list();
        if (serials.isEmpty()) {
            return List.of();
        }
        h.createUpdate("update ca.certificates set status = :to, revoked_at = :at, reason = :reason where serial in (<serials>)")
                .bind("to", to.label()).bind("at", reason.isPresent() ? Timestamp.from(at) : null)
                .bind("reason", reason.map(RevocationReason::label).orElse(null)).bindList("serials", serials).execute();
        return h.createQuery("select " + COLUMNS + " from ca.certificates where serial in (<serials>) order by issued_at, serial")
                .bindList("serials", serials).map((rs, ctx) -> row(rs)).list();
    }

    List<IssuedCertificate> ofMember(Handle h, UUID memberId) {
        return h.createQuery("select " + COLUMNS + " from ca.certificates where member_id = :m order by issued_at, serial")
                .bind("m", memberId).map((rs, ctx) -> row(rs)).list();
    }

    List<IssuedCertificate> ofLei(Handle h, String lei) {
        return h.createQuery("select " + COLUMNS + " from ca.certificates where lei = :lei order by issued_at, serial")
                .bind("lei", lei).map((rs, ctx) -> row(rs)).list();
    }

    Optional<IssuedCertificate> find(Handle h, String serial) {
        return h.createQuery("select " + COLUMNS + " from ca.certificates where serial = :s").bind("s", serial)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** Every certificate on the CRL (on hold or revoked), oldest revocation first. */
    List<IssuedCertificate> revoked(Handle h) {
        return h.createQuery("select " + COLUMNS + " from ca.certificates where status <> 'valid' order by revoked_at, serial")
                .map((rs, ctx) -> row(rs)).list();
    }

    private static IssuedCertificate row(ResultSet rs) throws SQLException {
        Optional<Instant> revokedAt = Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant);
        return new IssuedCertificate(rs.getString("serial"), rs.getObject("member_id", UUID.class), rs.getString("lei"),
                rs.getString("subject"), rs.getString("sha256"), rs.getString("pem"),
                rs.getTimestamp("not_before").toInstant(), rs.getTimestamp("not_after").toInstant(),
                rs.getTimestamp("issued_at").toInstant(), CertificateStatus.fromLabel(rs.getString("status")), revokedAt,
                Optional.ofNullable(rs.getString("reason")).flatMap(RevocationReason::fromLabel));
    }
}
