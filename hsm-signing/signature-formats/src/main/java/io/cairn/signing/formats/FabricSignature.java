package io.cairn.signing.formats;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Hyperledger Fabric signature: ASN.1 DER {@code SEQUENCE { r, s }} with low S, by a P-256 key over
 * SHA-256 of the proposal, transaction or commit-status request bytes.
 *
 * @param der    the DER signature, as fabric-gateway's {@code newSignedProposal} /
 *               {@code newSignedTransaction} take it (copied)
 * @param digest the SHA-256 digest that was signed (copied)
 */
public record FabricSignature(byte[] der, byte[] digest) {

    /** Copies the arrays. */
    public FabricSignature {
        der = der.clone();
        digest = Inputs.exactly("digest", digest, 32);
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FabricSignature f && Arrays.equals(der, f.der) && Arrays.equals(digest, f.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "FabricSignature[" + HexFormat.of().formatHex(der) + "]";
    }
}
