package io.cairn.custody.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a backend asserts about one key's protection, with the evidence it read back from the custody.
 *
 * <p>For a PKCS#11 key the flags come from the token's own attributes ({@code CKA_TOKEN},
 * {@code CKA_SENSITIVE}, {@code CKA_EXTRACTABLE}, ...) and {@code evidence} holds them by name. This is what
 * a key-ceremony record keeps.
 *
 * @param protection          where the key lives
 * @param onToken             the key is a persistent object of the custody (not a session copy)
 * @param sensitive           the custody refuses to reveal the private value in plaintext
 * @param nonExtractable      the custody refuses to export the private key, even wrapped
 * @param generatedInCustody  the key was generated inside the custody (not imported)
 * @param evidence            attribute name to value, as read back from the custody
 * @param attestedAt          when the evidence was read
 */
public record KeyAttestation(
        Protection protection,
        boolean onToken,
        boolean sensitive,
        boolean nonExtractable,
        boolean generatedInCustody,
        Map<String, String> evidence,
        Instant attestedAt) {

    /** Copies the evidence into an ordered, immutable map. */
    public KeyAttestation {
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(attestedAt, "attestedAt");
        evidence = Collections.unmodifiableMap(new TreeMap<>(evidence));
    }

    /** Whether the key can never leave the custody: on token, sensitive and not extractable. */
    public boolean keyNeverLeavesCustody() {
        return onToken && sensitive && nonExtractable;
    }
}
