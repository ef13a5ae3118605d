package io.cairn.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.http.Json;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Reading a ledger format's JSON input the same way in every format: strict records, size limits
 * ({@code CAIRN-SIGN-0016}, 413), hex and base64 fields, curve checks; every refusal names the field under
 * {@code transaction.}.
 */
final class FormatInput {
    /** Largest Fabric payload, decoded. */
    static final int MAX_PAYLOAD_BYTES = 1024 * 1024;
    /** Largest personal_sign message, decoded, and largest EIP-712 document, serialised. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private FormatInput() {
    }

    /** The transaction read strictly into the format's input record. */
    static <T> T read(JsonNode transaction, Class<T> type) {
        return Json.read(transaction.toString().getBytes(StandardCharsets.UTF_8), type);
    }

    /** Refuses inputs longer than {@code limit} bytes. */
    static byte[] limited(String field, byte[] value, int limit) {
        limit(field, value.length, limit);
        return value;
    }

    /** Refuses a length above {@code limit} bytes. */
    static void limit(String field, long length, int limit) {
        if (length > limit) {
            throw CairnException.field(ErrorCode.SIGN_INPUT_TOO_LARGE, "transaction." + field,
                    field + " is " + length + " bytes; at most " + limit + " are accepted");
        }
    }

    /** Hex bytes with an optional {@code 0x}. */
    static byte[] hex(String field, String text) {
        String t = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        try {
            return HexFormat.of().parseHex(t);
        } catch (IllegalArgumentException e) {
            throw invalid(field, field + " is hexadecimal bytes (optionally 0x-prefixed)");
        }
    }

    /** Standard base64 bytes. */
    static byte[] base64(String field, String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field, field + " is standard base64");
        }
    }

    /** Refuses a key whose curve the format cannot use. */
    static void requireCurve(String format, Curve curve, Set<Curve> allowed) {
        if (!allowed.contains(curve)) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "key", format + " signatures need a key on "
                    + allowed.stream().map(Curve::label).sorted().toList() + "; this key is " + curve.label());
        }
    }

    /** Facts of a signature that moves no value and uses no nonce, on a chain or ledger. */
    static LedgerTransaction facts(String chainId, Optional<String> to) {
        return new LedgerTransaction(chainId, Optional.empty(), to, BigInteger.ZERO);
    }

    /** SHA-256 from the JDK. */
    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    static CairnException invalid(String field, String detail) {
        return CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "transaction." + field, detail);
    }

    /** A new answer object with the signer's public key (hex) already in it. */
    static ObjectNode answer(EncodedPublicKey publicKey) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("publicKey", publicKey.hex());
        return out;
    }
}
