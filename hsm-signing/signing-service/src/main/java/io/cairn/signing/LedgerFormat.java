package io.cairn.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.SignatureValue;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A ledger's signature format as the signing service uses it: it turns the ledger's transaction (JSON, as the
 * caller sends it) into the digest to sign and the facts the policy and nonce guard check, and assembles the
 * ledger's signed artifact from the signature. The service does everything else (policy, nonce guard,
 * approvals, custody, audit record before release). Each format is served at
 * {@code POST /api/v1/keys/{alias}/sign/{name}}; the appliance binds the formats of the signature-formats
 * module (Ethereum, Fabric, Corda) through this interface.
 */
public interface LedgerFormat {
    /** The path segment and stored name, e.g. {@code ethereum-transaction}, {@code fabric}, {@code corda}. */
    String name();

    /** The curves of the keys this format signs with; by default every curve. */
    default Set<Curve> curves() {
        return EnumSet.allOf(Curve.class);
    }

    /**
     * Binds a transaction to the curve of the key that is to sign it, before anything is stored: refuses keys the
     * format cannot use ({@link #curves()}) and returns the transaction as it is then prepared, stored and assembled
     * (a format whose digest depends on the key's scheme pins the scheme in it). By default only the curve is
     * checked and the transaction is returned unchanged.
     *
     * @throws io.cairn.kernel.CairnException {@code CAIRN-SIGN-0007} naming {@code key} for a key of the wrong curve
     */
    default JsonNode bind(JsonNode transaction, Curve curve) {
        FormatInput.requireCurve(name(), curve, curves());
        return transaction;
    }

    /**
     * Parses a transaction and computes what to sign.
     *
     * @throws io.cairn.kernel.CairnException {@code CAIRN-API-0004} or {@code CAIRN-SIGN-0007} for a bad transaction
     */
    Prepared prepare(JsonNode transaction);

    /** Builds the signed artifact (raw transaction, hash, sender, ...) from the signature of {@link Prepared#digest()}. */
    JsonNode assemble(JsonNode transaction, EncodedPublicKey publicKey, SignatureValue signature);

    /**
     * What to sign for a transaction.
     *
     * @param digest the 32-byte digest computed from the transaction (Keccak-256, SHA-256, ...)
     * @param facts  chain id, nonce, destination and value, for policy and the nonce guard
     */
    record Prepared(byte[] digest, LedgerTransaction facts) {
        /** Copies the digest. */
        public Prepared {
            digest = digest.clone();
            Objects.requireNonNull(facts, "facts");
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Prepared p && java.util.Arrays.equals(digest, p.digest) && facts.equals(p.facts);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(digest) + facts.hashCode();
        }

        @Override
        public String toString() {
            return "Prepared[" + java.util.HexFormat.of().formatHex(digest) + ", " + facts + "]";
        }

        /** The facts as an optional, for {@link SignBody}. */
        Optional<LedgerTransaction> optionalFacts() {
            return Optional.of(facts);
        }
    }
}
