package io.cairn.custody.vault;

import io.cairn.custody.spi.Curve;
import java.util.Optional;

/** The Transit key types this backend creates, and the curve each one is. */
enum TransitKeyType {
    /** ECDSA on NIST P-256. */
    ECDSA_P256("ecdsa-p256", Curve.P256),
    /** EdDSA on edwards25519. */
    ED25519("ed25519", Curve.ED25519);

    private final String vaultName;
    private final Curve curve;

    TransitKeyType(String vaultName, Curve curve) {
        this.vaultName = vaultName;
        this.curve = curve;
    }

    /** The {@code type} value in Transit's API. */
    String vaultName() {
        return vaultName;
    }

    /** The curve of keys of this type. */
    Curve curve() {
        return curve;
    }

    /** The type that creates keys on {@code curve}; empty when Transit has none (secp256k1). */
    static Optional<TransitKeyType> forCurve(Curve curve) {
        for (TransitKeyType type : values()) {
            if (type.curve == curve) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type with this Transit name; empty for types this backend does not use. */
    static Optional<TransitKeyType> fromVaultName(String name) {
        for (TransitKeyType type : values()) {
            if (type.vaultName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
