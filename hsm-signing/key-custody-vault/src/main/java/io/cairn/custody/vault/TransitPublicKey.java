package io.cairn.custody.vault;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code public_key} text Transit reports for one key version: a PEM {@code PUBLIC KEY}
 * (SubjectPublicKeyInfo) for ECDSA keys, the base64 of the raw 32-byte point for Ed25519 keys.
 */
final class TransitPublicKey {
    private static final Pattern PEM = Pattern.compile(
            "\\s*-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----\\s*");

    private TransitPublicKey() {
    }

    /** The public key in the SPI's encoding; empty when the text is not a key on {@code curve}. */
    static Optional<EncodedPublicKey> decode(Curve curve, String text) {
        try {
            Matcher pem = PEM.matcher(text);
            if (pem.matches()) {
                byte[] spki = Base64.getMimeDecoder().decode(pem.group(1));
                return EncodedPublicKey.fromSubjectPublicKeyInfo(spki).filter(k -> k.curve() == curve);
            }
            if (curve == Curve.ED25519) {
                byte[] raw = Base64.getDecoder().decode(text.strip());
                return raw.length == 32 ? Optional.of(new EncodedPublicKey(curve, raw)) : Optional.empty();
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
