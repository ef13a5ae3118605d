package io.cairn.ca;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;

/**
 * A BouncyCastle {@link ContentSigner} over a {@link CaKey}: collects the to-be-signed bytes and hands them to
 * the key in one call. One instance signs one certificate or CRL.
 */
public final class CaContentSigner implements ContentSigner {
    private final CaKey key;
    private final AlgorithmIdentifier algorithm;
    private final ByteArrayOutputStream tbs = new ByteArrayOutputStream(1024);

    /**
     * Creates a signer.
     *
     * @param key the CA key
     * @throws IllegalArgumentException when the key's algorithm is neither ECDSA with SHA-256 nor Ed25519
     */
    public CaContentSigner(CaKey key) {
        this.key = key;
        this.algorithm = algorithmIdentifier(key.algorithm());
    }

    /**
     * Checks that a key's algorithm is supported and fits its public key.
     *
     * @throws IllegalArgumentException otherwise
     */
    static void check(CaKey key) {
        algorithmIdentifier(key.algorithm());
        String type = key.publicKey().getAlgorithm();
        boolean fits = CaKey.SHA256_WITH_ECDSA.equals(key.algorithm()) ? "EC".equals(type)
                : "Ed25519".equals(type) || "EdDSA".equals(type);
        if (!fits) {
            throw new IllegalArgumentException("the CA key signs with " + key.algorithm() + " but its public key is "
                    + type);
        }
    }

    /** The X.509 algorithm identifier of a {@link CaKey#algorithm()} name. */
    static AlgorithmIdentifier algorithmIdentifier(String name) {
        return switch (name) {
            case CaKey.SHA256_WITH_ECDSA -> new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            case CaKey.ED25519 -> new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
            default -> throw new IllegalArgumentException("unsupported CA key algorithm " + name
                    + "; expected " + CaKey.SHA256_WITH_ECDSA + " or " + CaKey.ED25519);
        };
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
        return tbs;
    }

    @Override
    public byte[] getSignature() {
        return key.sign(tbs.toByteArray());
    }
}
