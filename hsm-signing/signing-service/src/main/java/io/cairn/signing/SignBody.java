package io.cairn.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a signing request asks to sign, as stored with the request and hashed for idempotency.
 *
 * @param purpose     the purpose label
 * @param digest      the 32-byte digest, lower-case hex without prefix
 * @param transaction the ledger transaction the digest was computed from, when there is one
 * @param format      the {@link LedgerFormat} that computed the digest, for ledger transactions
 * @param payload     the transaction as the caller sent it, for the format to assemble the signed artifact
 */
public record SignBody(String purpose, String digest, Optional<LedgerTransaction> transaction, Optional<String> format,
                       Optional<JsonNode> payload) {
    /** Normalises the digest to 64 lower-case hex digits. */
    public SignBody {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(format, "format");
        payload = Objects.requireNonNull(payload, "payload").filter(node -> node != null && !node.isNull());
        String d = digest == null ? "" : digest.toLowerCase(Locale.ROOT);
        d = d.startsWith("0x") ? d.substring(2) : d;
        if (!d.matches("[0-9a-f]{64}")) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "digest",
                    "a digest is exactly 32 bytes written as 64 hexadecimal digits");
        }
        digest = d;
    }

    /** A digest to sign without a ledger format. */
    public SignBody(String purpose, String digest, Optional<LedgerTransaction> transaction) {
        this(purpose, digest, transaction, Optional.empty(), Optional.empty());
    }

    /** The digest bytes. */
    public byte[] digestBytes() {
        return HexFormat.of().parseHex(digest);
    }
}
