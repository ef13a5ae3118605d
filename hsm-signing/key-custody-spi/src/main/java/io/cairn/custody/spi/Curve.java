package io.cairn.custody.spi;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The signature curves a key custody backend may offer.
 *
 * <p>ECDSA curves sign a 32-byte digest ({@link SigningInput.Digest}); Ed25519 signs the message itself
 * ({@link SigningInput.Message}), as EdDSA hashes internally.
 */
public enum Curve {
    /** ECDSA on secp256k1 (Ethereum, Bitcoin). */
    SECP256K1("secp256k1", "secp256k1",
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141",
            "3056301006072a8648ce3d020106052b8104000a034200", 65),
    /** ECDSA on NIST P-256, also named secp256r1 or prime256v1 (Fabric, X.509, Corda). */
    P256("p-256", "secp256r1",
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551",
            "3059301306072a8648ce3d020106082a8648ce3d030107034200", 65),
    /** EdDSA on edwards25519 (Corda, general message signing). */
    ED25519("ed25519", "Ed25519",
            "1000000000000000000000000000000014DEF9DEA2F79CD65812631A5CF5D3ED",
            "302a300506032b6570032100", 32);

    private final String label;
    private final String jcaName;
    private final BigInteger order;
    private final byte[] spkiPrefix;
    private final int publicKeyLength;

    Curve(String label, String jcaName, String orderHex, String spkiPrefixHex, int publicKeyLength) {
        this.label = label;
        this.jcaName = jcaName;
        this.order = new BigInteger(orderHex, 16);
        this.spkiPrefix = HexFormat.of().parseHex(spkiPrefixHex);
        this.publicKeyLength = publicKeyLength;
    }

    /** The name used in configuration and APIs, e.g. {@code secp256k1}, {@code p-256}, {@code ed25519}. */
    public String label() {
        return label;
    }

    /** The standard name of the curve or algorithm in Java security providers. */
    public String jcaName() {
        return jcaName;
    }

    /** The order n of the curve's base point (the group order for Ed25519). */
    public BigInteger order() {
        return order;
    }

    /** Whether keys on this curve sign with ECDSA over a digest (otherwise: EdDSA over the message). */
    public boolean isEcdsa() {
        return this != ED25519;
    }

    /** The length of the raw public key: 65 (uncompressed SEC1 point) for ECDSA, 32 for Ed25519. */
    public int publicKeyLength() {
        return publicKeyLength;
    }

    /** The DER prefix that turns a raw public key into a SubjectPublicKeyInfo. */
    byte[] spkiPrefix() {
        return Arrays.copyOf(spkiPrefix, spkiPrefix.length);
    }

    /** The curve with this label (case-insensitive; {@code secp256r1} and {@code prime256v1} mean P-256). */
    public static Optional<Curve> fromLabel(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Curve c : values()) {
            if (c.label.equals(t) || c.jcaName.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(c);
            }
        }
        return t.equals("prime256v1") || t.equals("p256") ? Optional.of(P256) : Optional.empty();
    }
}
