package io.cairn.ca;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The single row of {@code ca.authority}: the CA certificate, the CRL number and the latest CRL. */
final class AuthorityRecord {
    private final Jdbi jdbi;

    AuthorityRecord(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The stored CA certificate, PEM. */
    Optional<String> certificatePem() {
        return jdbi.withHandle(h -> h.createQuery("select certificate_pem from ca.authority where id = 1")
                .mapTo(String.class).findOne());
    }

    /** Stores the CA certificate unless another instance stored one first; answers the one stored. */
    String storeOnce(String pem, String subject, Instant at) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("insert into ca.authority (id, certificate_pem, subject, created_at) values (1, :pem, :subject, :at) "
                    + "on conflict (id) do nothing").bind("pem", pem).bind("subject", subject)
                    .bind("at", Timestamp.from(at)).execute();
            return h.createQuery("select certificate_pem from ca.authority where id = 1").mapTo(String.class).one();
        });
    }

    /** Locks the row and answers the next CRL number. */
    long nextCrlNumber(Handle h) {
        return h.createQuery("select crl_number from ca.authority where id = 1 for update").mapTo(Long.class).one() + 1;
    }

    void storeCrl(Handle h, RevocationList crl) {
        h.createUpdate("update ca.authority set crl_number = :n, crl_der = :der, crl_this_update = :t, "
                        + "crl_next_update = :next where id = 1")
                .bind("n", crl.number()).bind("der", crl.der()).bind("t", Timestamp.from(crl.thisUpdate()))
                .bind("next", Timestamp.from(crl.nextUpdate())).execute();
    }

    /** The latest CRL, if one was made. */
    Optional<RevocationList> latestCrl() {
        return jdbi.withHandle(h -> h.createQuery("select crl_number, crl_der, crl_this_update, crl_next_update "
                        + "from ca.authority where id = 1 and crl_der is not null")
                .map((rs, ctx) -> new RevocationList(rs.getLong("crl_number"),
                        rs.getTimestamp("crl_this_update").toInstant(), rs.getTimestamp("crl_next_update").toInstant(),
                        rs.getBytes("crl_der")))
                .findOne());
    }
}
