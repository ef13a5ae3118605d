package io.cairn.connector.fabric;

import io.cairn.connector.spi.SignatureScheme;
import io.cairn.connector.spi.SigningRequest;
import io.cairn.connector.spi.TransactionSigner;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * The fabric-gateway {@link Signer} of a connector: hands every message the gateway wants signed (proposal,
 * transaction envelope payload, commit-status and events requests; the gateway runs with {@code Hash.NONE},
 * so the message itself arrives here) to the {@link TransactionSigner} as an
 * {@link SignatureScheme#ECDSA_P256_SHA256_DER} request, and checks what comes back the way a peer would:
 * DER, low S, valid under the identity certificate's public key. Anything else is {@code CAIRN-LEDGER-0008}.
 */
final class SigningSeam implements Signer {

    /** Half the order of the P-256 group: Fabric accepts only signatures with {@code s} at most this. */
    static final BigInteger HALF_ORDER = new BigInteger(
            "7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8", 16);

    private final TransactionSigner signer;
    private final String keyAlias;
    private final String purpose;
    private final PublicKey identityKey;

    SigningSeam(TransactionSigner signer, String keyAlias, String ledgerId, PublicKey identityKey) {
        this.signer = signer;
        this.keyAlias = keyAlias;
        this.purpose = "fabric message for ledger " + ledgerId;
        this.identityKey = identityKey;
    }

    @Override
    public byte[] sign(byte[] message) {
        byte[] der;
        try {
            der = signer.sign(new SigningRequest(keyAlias, SignatureScheme.ECDSA_P256_SHA256_DER, message, purpose));
        } catch (CairnException e) {
            throw new CairnException(ErrorCode.LEDGER_SIGNING_FAILED, "key custody refused to sign for "
                    + keyAlias + ": " + e.getMessage(), e);
        }
        check(message, der);
        return der;
    }

    private void check(byte[] message, byte[] der) {
        boolean lowS;
        boolean valid;
        try {
            BigInteger s = ASN1Integer.getInstance(ASN1Sequence.getInstance(der).getObjectAt(1)).getValue();
            lowS = s.signum() > 0 && s.compareTo(HALF_ORDER) <= 0;
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(identityKey);
            verifier.update(message);
            valid = verifier.verify(der);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CairnException(ErrorCode.LEDGER_SIGNING_FAILED, "the signature of " + keyAlias
                    + " is not a DER ECDSA signature", e);
        }
        if (!valid) {
            throw new CairnException(ErrorCode.LEDGER_SIGNING_FAILED, "the signature of " + keyAlias
                    + " does not verify under the identity certificate's public key");
        }
        if (!lowS) {
            throw new CairnException(ErrorCode.LEDGER_SIGNING_FAILED, "the signature of " + keyAlias
                    + " has a high S value, which Fabric peers refuse");
        }
    }
}
