package io.cairn.connector.fabric;

import io.cairn.connector.spi.SignatureScheme;
import io.cairn.connector.spi.SignerKey;
import io.cairn.connector.spi.SigningRequest;
import io.cairn.connector.spi.TransactionSigner;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * A test-only {@link TransactionSigner} over a software P-256 key (JCA {@code SHA256withECDSA}, S made low),
 * standing for another Org1 member or a misbehaving custody.
 */
class SoftwareP256Signer implements TransactionSigner {

    private final String alias;
    private final KeyPair keys;

    SoftwareP256Signer(String alias, KeyPair keys) {
        this.alias = alias;
        this.keys = keys;
    }

    @Override
    public SignerKey key(String keyAlias) {
        ECPublicKey pub = (ECPublicKey) keys.getPublic();
        byte[] raw = new byte[65];
        raw[0] = 4;
        put(pub.getW().getAffineX(), raw, 1);
        put(pub.getW().getAffineY(), raw, 33);
        return new SignerKey(alias, SignatureScheme.ECDSA_P256_SHA256_DER, raw);
    }

    @Override
    public byte[] sign(SigningRequest request) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(request.payload());
            return withS(signature.sign(), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same signature with S in the lower ({@code high = false}) or upper half of the group order. */
    static byte[] withS(byte[] der, boolean high) {
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
        boolean isHigh = s.compareTo(SigningSeam.HALF_ORDER) > 0;
        if (isHigh != high) {
            s = SigningSeam.HALF_ORDER.shiftLeft(1).add(BigInteger.ONE).subtract(s);
        }
        ASN1EncodableVector v = new ASN1EncodableVector(2);
        v.add(new ASN1Integer(r));
        v.add(new ASN1Integer(s));
        try {
            return new DERSequence(v).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, offset + 32 - length, length);
    }
}
