package io.cairn.signing.formats;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.Objects;

/**
 * Hyperledger Fabric signatures: ECDSA P-256, DER-encoded with low S as Fabric peers require, over SHA-256
 * of the signed part of a Fabric message: the serialised {@code peer.Proposal} of a {@code SignedProposal},
 * the serialised {@code common.Payload} of an {@code Envelope} ({@link #sign}), or over the digest a client
 * hands out for exactly that ({@link #signDigest}: fabric-gateway's {@code getDigest()} of a proposal,
 * transaction, commit or events request, whose {@code getBytes()} then goes with the signature to
 * {@code newSignedProposal} and its siblings). Thread-safe.
 */
public final class FabricSigner {
    /** The largest message accepted (Fabric's default gRPC message limit is 100 MiB; proposals are small). */
    public static final int MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

    private final KeyCustody custody;

    /** A signer over {@code custody}. */
    public FabricSigner(KeyCustody custody) {
        this.custody = Objects.requireNonNull(custody, "custody");
    }

    /** Signs the bytes of a proposal, transaction or request: ECDSA over their SHA-256 digest. */
    public FabricSignature sign(KeyHandle handle, byte[] message) {
        Objects.requireNonNull(message, "message");
        if (message.length == 0 || message.length > MAX_MESSAGE_BYTES) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "message",
                    "a Fabric message to sign is 1 to " + MAX_MESSAGE_BYTES + " bytes");
        }
        return signDigest(handle, Sha256.of(message));
    }

    /**
     * Signs a SHA-256 digest handed out by a Fabric client, e.g. fabric-gateway's {@code Proposal.getDigest()}
     * in the offline signing flow ({@code getBytes()} is the gateway's envelope, {@code getDigest()} the hash of
     * the proposal inside it).
     */
    public FabricSignature signDigest(KeyHandle handle, byte[] digest) {
        byte[] d = Inputs.exactly("digest", digest, 32);
        Curve curve = custody.publicKey(handle).curve();
        if (curve != Curve.P256) {
            throw Inputs.wrongCurve("Fabric signing", "p-256", curve.label());
        }
        SignatureValue value = custody.sign(handle, SigningInput.digest(d));
        if (!(value instanceof EcdsaSignature ecdsa) || ecdsa.curve() != Curve.P256) {
            throw new CairnException(ErrorCode.SIGN_SIGNATURE_FAILED,
                    "the key custody returned a " + value.curve().label() + " signature for a P-256 key");
        }
        return new FabricSignature(ecdsa.toLowS().der(), d);
    }
}
