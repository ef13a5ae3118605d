package io.cairn.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.signing.formats.CordaSignature;
import io.cairn.signing.formats.CordaSignatureMetadata;
import io.cairn.signing.formats.CordaSignatureScheme;
import io.cairn.signing.formats.CordaSigner;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code sign/corda}: a signature over a Corda 4 transaction id in Corda's scheme terms, through the
 * signature-formats module's {@link CordaSigner#signTransactionId}. The key's scheme decides what is signed:
 * {@code EDDSA_ED25519_SHA512} signs the 32 id bytes, {@code ECDSA_SECP256R1_SHA256} and
 * {@code ECDSA_SECP256K1_SHA256} sign their SHA-256 (DER, low S). The scheme is pinned into the request when it
 * is bound to the key ({@link #bind}); a caller may also name it, and a scheme that does not match the key is
 * refused. The answer holds the scheme (name and number), the signature, the {@code SignatureMetadata} values
 * and the public key. Facts for the policy: ledger {@code corda}, no nonce, no value.
 *
 * <p>This is a signature over the id itself, which suits verifiers calling {@code Crypto.doVerify(key,
 * signature, txId.bytes)}; Corda's own {@code TransactionSignature.verify(txId)} checks a signature over the
 * serialised {@code SignableData} instead (see {@code CordaTransactionSigner} in signature-formats-corda).
 */
public final class CordaFormat implements LedgerFormat {
    /** The ledger name the policy sees for Corda signatures. */
    public static final String LEDGER = "corda";

    /**
     * A Corda transaction id to sign.
     *
     * @param transactionId   the {@code SecureHash.SHA256} id, 64 hex digits (optional {@code 0x}, any case)
     * @param platformVersion the signing node's Corda platform version, for the signature metadata
     * @param scheme          the Corda scheme name; filled in from the key when absent
     */
    public record Transaction(String transactionId, Optional<Integer> platformVersion, Optional<String> scheme) {
    }

    @Override
    public String name() {
        return "corda";
    }

    @Override
    public JsonNode bind(JsonNode transaction, Curve curve) {
        String scheme = CordaSignatureScheme.forCurve(curve).name();
        JsonNode named = transaction.path("scheme");
        if (named.isMissingNode() || named.isNull()) {
            return ((ObjectNode) transaction.deepCopy()).put("scheme", scheme);
        }
        if (!named.asText().equalsIgnoreCase(scheme)) {
            throw FormatInput.invalid("scheme", "this key signs with Corda scheme " + scheme + ", not "
                    + named.asText());
        }
        return transaction;
    }

    @Override
    public Prepared prepare(JsonNode transaction) {
        Signing s = parse(transaction);
        return new Prepared(s.digest(), FormatInput.facts(LEDGER, Optional.empty()));
    }

    @Override
    public JsonNode assemble(JsonNode transaction, EncodedPublicKey publicKey, SignatureValue signature) {
        Signing s = parse(transaction);
        if (CordaSignatureScheme.forCurve(publicKey.curve()) != s.scheme()) {
            throw FormatInput.invalid("scheme", "the key signs with Corda scheme "
                    + CordaSignatureScheme.forCurve(publicKey.curve()) + ", not " + s.scheme());
        }
        CordaSignature signed = new CordaSigner(new PresignedCustody(publicKey, s.digest(), signature))
                .signTransactionId(PresignedCustody.HANDLE, s.transactionId());
        CordaSignatureMetadata metadata = new CordaSignatureMetadata(s.platformVersion(), s.scheme().schemeNumberId());
        ObjectNode out = FormatInput.answer(publicKey);
        out.put("transactionId", HexFormat.of().withUpperCase().formatHex(signed.transactionId()));
        out.put("scheme", signed.scheme().name());
        out.put("schemeNumberId", signed.scheme().schemeNumberId());
        out.put("signedContent", "transaction-id");
        out.put("signature", HexFormat.of().formatHex(signed.bytes()));
        out.put("signatureBase64", Base64.getEncoder().encodeToString(signed.bytes()));
        out.putObject("signatureMetadata").put("platformVersion", metadata.platformVersion())
                .put("schemeNumberId", metadata.schemeNumberId());
        out.put("publicKeyInfo", Base64.getEncoder().encodeToString(signed.signerPublicKey()));
        return out;
    }

    private static Signing parse(JsonNode transaction) {
        Transaction t = FormatInput.read(transaction, Transaction.class);
        byte[] id = FormatInput.hex("transactionId", String.valueOf(t.transactionId()));
        if (id.length != 32) {
            throw FormatInput.invalid("transactionId", "a Corda transaction id is a SHA-256 hash: 64 hex digits");
        }
        int platformVersion = t.platformVersion().orElseThrow(() -> FormatInput.invalid("platformVersion",
                "platformVersion (the signing node's Corda platform version) is required"));
        if (platformVersion < 1) {
            throw FormatInput.invalid("platformVersion", "a Corda platform version is a positive integer");
        }
        String name = t.scheme().orElseThrow(() -> FormatInput.invalid("scheme",
                "scheme is required; the API fills it in from the key"));
        CordaSignatureScheme scheme;
        try {
            scheme = CordaSignatureScheme.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FormatInput.invalid("scheme", "unknown Corda scheme '" + name + "'");
        }
        return new Signing(id, platformVersion, scheme);
    }

    /** A parsed request: the 32 id bytes, the platform version and the key's scheme. */
    private record Signing(byte[] transactionId, int platformVersion, CordaSignatureScheme scheme) {
        /** What the service signs: the id itself for Ed25519 (EdDSA hashes inside), its SHA-256 for ECDSA. */
        byte[] digest() {
            return scheme.curve().isEcdsa() ? FormatInput.sha256(transactionId) : transactionId.clone();
        }
    }
}
