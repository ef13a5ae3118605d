package io.cairn.signing.formats;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.Ed25519Signature;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import java.util.Objects;

/**
 * Signs 32-byte digests the caller computed, for certificates, journal checkpoints and report seals.
 *
 * <p>ECDSA keys sign the digest (low-S) and the result is DER or {@code r || s}; a verifier runs
 * {@code <DIGEST>withECDSA} (DER) or {@code <DIGEST>withECDSAinP1363Format} (raw) over the original data,
 * or plain ECDSA over the digest. Ed25519 keys sign the 32 digest bytes as the message (pure Ed25519,
 * named {@code Ed25519}): a verifier checks it over the digest, not over the original data. Thread-safe.
 */
public final class DigestSigner {
    private final KeyCustody custody;

    /** A signer over {@code custody}. */
    public DigestSigner(KeyCustody custody) {
        this.custody = Objects.requireNonNull(custody, "custody");
    }

    /** Signs {@code digest}, computed by the caller with {@code algorithm}. */
    public DigestSignature sign(KeyHandle handle, byte[] digest, DigestAlgorithm algorithm, SignatureEncoding encoding) {
        byte[] d = Inputs.exactly("digest", digest, 32);
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(encoding, "encoding");
        Curve curve = custody.publicKey(handle).curve();
        SigningInput input = curve.isEcdsa() ? SigningInput.digest(d) : SigningInput.message(d);
        SignatureValue value = custody.sign(handle, input);
        return switch (value) {
            case EcdsaSignature ecdsa -> new DigestSignature(algorithmName(algorithm, encoding), curve, encoding, d,
                    encoding == SignatureEncoding.DER ? ecdsa.toLowS().der() : ecdsa.toLowS().concatenated());
            case Ed25519Signature ed -> new DigestSignature("Ed25519", curve, SignatureEncoding.RAW, d, ed.bytes());
        };
    }

    private static String algorithmName(DigestAlgorithm algorithm, SignatureEncoding encoding) {
        String name = algorithm.jcaPrefix() + "withECDSA";
        return encoding == SignatureEncoding.DER ? name : name + "inP1363Format";
    }
}
