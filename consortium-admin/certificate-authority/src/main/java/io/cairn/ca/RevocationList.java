package io.cairn.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;

/**
 * A signed CRL (X.509 v2): issuer = the CA's subject, thisUpdate, nextUpdate, one entry per certificate on
 * hold or revoked with its revocation time and reason code, the CA's authority key identifier and the CRL
 * number.
 *
 * @param number     the CRL number
 * @param thisUpdate when it was made
 * @param nextUpdate when the next one is due at the latest
 * @param der        the DER encoding
 */
record RevocationList(long number, Instant thisUpdate, Instant nextUpdate, byte[] der) {

    /** Builds and signs a CRL. */
    static RevocationList sign(CaKey key, X509CertificateHolder ca, long number, Instant now, java.time.Duration validity,
                               List<IssuedCertificate> revoked) {
        Instant thisUpdate = now.truncatedTo(ChronoUnit.SECONDS);
        Instant nextUpdate = thisUpdate.plus(validity);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(ca.getSubject(), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (IssuedCertificate c : revoked) {
            builder.addCRLEntry(c.serialNumber(), Date.from(c.revokedAt().orElseThrow()), c.reason().orElseThrow().code());
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false, CertificateProfiles.authorityKeyIdentifier(ca));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            return new RevocationList(number, thisUpdate, nextUpdate, builder.build(new CaContentSigner(key)).getEncoded());
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode the CRL's extensions", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the CRL", e);
        }
    }

    /** A copy of the DER bytes. */
    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RevocationList r && r.number == number && java.util.Arrays.equals(r.der, der);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(number);
    }

    @Override
    public String toString() {
        return "RevocationList[number=" + number + ", thisUpdate=" + thisUpdate + ", nextUpdate=" + nextUpdate + "]";
    }
}
