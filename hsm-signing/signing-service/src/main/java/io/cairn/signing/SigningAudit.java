package io.cairn.signing;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.audit.spi.JournalReceipt;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Objects;

/**
 * Records key ceremonies and signatures in the audit journal. A record that cannot be written is
 * {@code CAIRN-SIGN-0015}: the caller must then release nothing.
 */
public final class SigningAudit {
    private static final System.Logger LOG = System.getLogger(SigningAudit.class.getName());
    private final AuditJournal journal;

    /** Writes through this journal. */
    public SigningAudit(AuditJournal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /** Appends and waits for the receipt. */
    public JournalReceipt record(AuditEvent event) {
        try {
            return journal.append(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "audit record " + event.type() + " failed", e);
            throw new CairnException(ErrorCode.SIGN_AUDIT_UNAVAILABLE,
                    "the audit journal could not record '" + event.type() + "'; nothing was released", e);
        }
    }
}
