package io.cairn.custody.spi;

import java.util.Set;

/**
 * A place where private keys live and sign: an HSM, a key management service or the development store.
 *
 * <p>Contract, checked by the key custody TCK for every backend:
 * <ul>
 *   <li>Private keys never cross this interface, in either direction.</li>
 *   <li>ECDSA keys sign a 32-byte {@link SigningInput.Digest} and return a low-S {@link EcdsaSignature};
 *       Ed25519 keys sign a {@link SigningInput.Message} and return an {@link Ed25519Signature}.</li>
 *   <li>Fail closed: when the custody cannot be used every method throws
 *       {@link io.cairn.kernel.ErrorCode#SIGN_CUSTODY_UNAVAILABLE} (HTTP 503); nothing is ever signed
 *       elsewhere.</li>
 *   <li>An unknown handle gives {@link io.cairn.kernel.ErrorCode#SIGN_KEY_NOT_FOUND}, a key destroyed
 *       through this instance {@link io.cairn.kernel.ErrorCode#SIGN_KEY_DESTROYED}, a curve the backend
 *       does not offer {@link io.cairn.kernel.ErrorCode#SIGN_CURVE_NOT_SUPPORTED}, an input of the wrong
 *       kind {@link io.cairn.kernel.ErrorCode#SIGN_INVALID_INPUT}.</li>
 *   <li>Implementations are thread-safe; public keys are stable across restarts.</li>
 * </ul>
 */
public interface KeyCustody extends AutoCloseable {

    /** The backend name that appears in every {@link KeyHandle} it issues, e.g. {@code pkcs11}. */
    String backend();

    /** Where this backend keeps keys. */
    Protection protection();

    /** The curves this backend (as configured) can generate and sign with. */
    Set<Curve> supportedCurves();

    /** Generates a new key inside the custody. */
    KeyMaterialInfo generate(KeySpec spec);

    /** Reads back a key's public key and attestation. */
    KeyMaterialInfo describe(KeyHandle handle);

    /** A key's public key. */
    default EncodedPublicKey publicKey(KeyHandle handle) {
        return describe(handle).publicKey();
    }

    /** Signs with the key: a digest for ECDSA keys, a message for Ed25519 keys. */
    SignatureValue sign(KeyHandle handle, SigningInput input);

    /** Destroys the key in the custody; signing with it fails afterwards. Destroying it again does nothing. */
    void destroy(KeyHandle handle);

    /** Whether the backend can sign now. Never throws. */
    CustodyHealth health();

    /** Releases sessions and caches. Keys stay in the custody. */
    @Override
    void close();
}
