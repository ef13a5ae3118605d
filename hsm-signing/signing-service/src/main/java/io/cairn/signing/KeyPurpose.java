package io.cairn.signing;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Arrays;

/** What a managed key is for; a key's policy lists the purposes it may sign for. */
public enum KeyPurpose {
    /** Ledger transactions (Ethereum, Fabric, Corda). */
    LEDGER_TRANSACTION("ledger-transaction"),
    /** Certificates issued by the appliance's certificate authority. */
    CERTIFICATE_AUTHORITY("certificate-authority"),
    /** Signed checkpoints of the audit journal. */
    JOURNAL_CHECKPOINT("journal-checkpoint"),
    /** Seals of regulator reports and evidence bundles. */
    REPORT_SEAL("report-seal");

    private final String label;

    KeyPurpose(String label) {
        this.label = label;
    }

    /** The name used in the API and in records. */
    public String label() {
        return label;
    }

    /** The purpose with this name, or {@code CAIRN-API-0004} naming the field. */
    public static KeyPurpose parse(String field, String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst()
                .orElseThrow(() -> CairnException.field(ErrorCode.API_INVALID_FIELD, field,
                        "unknown purpose '" + label + "'; one of " + Arrays.stream(values()).map(KeyPurpose::label).toList()));
    }
}
