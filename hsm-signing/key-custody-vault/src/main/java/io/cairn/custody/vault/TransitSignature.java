package io.cairn.custody.vault;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.Ed25519Signature;
import io.cairn.custody.spi.SignatureValue;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Transit signature, {@code vault:v<version>:<base64>}, into the SPI's value: the ASN.1 DER ECDSA
 * signature ({@code marshaling_algorithm=asn1}) becomes a low-S {@link EcdsaSignature} (Transit does not
 * normalise S), the 64 Ed25519 bytes an {@link Ed25519Signature}.
 */
final class TransitSignature {
    private static final Pattern FORMAT = Pattern.compile("vault:v([1-9][0-9]{0,8}):([A-Za-z0-9+/]+={0,2})");

    private TransitSignature() {
    }

    /**
     * The signature, when {@code text} is a well-formed Transit signature made by key version
     * {@code version} on {@code curve}; empty otherwise.
     */
    static Optional<SignatureValue> decode(Curve curve, int version, String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) != version) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(m.group(2));
            return Optional.of(curve.isEcdsa() ? EcdsaSignature.fromDer(curve, bytes).toLowS()
                    : new Ed25519Signature(bytes));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
