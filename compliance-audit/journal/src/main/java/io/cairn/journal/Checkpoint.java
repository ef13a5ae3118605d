package io.cairn.journal;

import io.cairn.audit.spi.CheckpointSignature;
import io.cairn.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A signed tree head of the journal.
 *
 * <p>The signed bytes are the UTF-8 body of four lines, each ending in a line feed:
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size, decimal&gt;
 * &lt;root hash, standard padded base64&gt;
 * timestamp &lt;ISO-8601 UTC instant, millisecond precision&gt;
 * </pre>
 * The text form adds an empty line and one signature line {@code — <key id> <base64 signature>}
 * (an em dash, U+2014, and a space), as in transparency-log checkpoints.
 *
 * @param origin    the journal's name
 * @param treeSize  number of entries covered
 * @param root      Merkle root of those entries
 * @param timestamp when the checkpoint was made
 * @param signature the signature over {@link #body()}
 */
public record Checkpoint(String origin, long treeSize, Hash root, Instant timestamp, CheckpointSignature signature) {
    /** Validates the fields. */
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * The signed body of a checkpoint.
     *
     * @param origin    the journal's name, one line
     * @param treeSize  number of entries
     * @param root      their Merkle root
     * @param timestamp when, truncated to milliseconds by the caller
     * @return the four lines
     */
    public static String body(String origin, long treeSize, Hash root, Instant timestamp) {
        return origin + "\n" + treeSize + "\n" + root.base64() + "\ntimestamp " + timestamp + "\n";
    }

    /** The signed body. */
    public String body() {
        return body(origin, treeSize, root, timestamp);
    }

    /** The body followed by the signature line. */
    public String text() {
        return body() + "\n\u2014 " + signature.keyId() + " " + Base64.getEncoder().encodeToString(signature.signature()) + "\n";
    }

    /** Whether the signature verifies over the body with the included public key. */
    public boolean signatureValid() {
        try {
            PublicKey key = KeyFactory.getInstance(keyAlgorithm(signature.algorithm()))
                    .generatePublic(new X509EncodedKeySpec(signature.publicKey()));
            Signature verifier = Signature.getInstance(signature.algorithm());
            verifier.initVerify(key);
            verifier.update(body().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String keyAlgorithm(String signatureAlgorithm) {
        String upper = signatureAlgorithm.toUpperCase(java.util.Locale.ROOT);
        if (upper.contains("ECDSA")) {
            return "EC";
        }
        if (upper.contains("RSA")) {
            return "RSA";
        }
        return signatureAlgorithm;
    }
}
