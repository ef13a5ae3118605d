package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.io.StringReader;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * An applicant's PKCS#10 certificate signing request, kept for the consortium CA step.
 *
 * @param pem        the request as submitted (one PEM block {@code CERTIFICATE REQUEST})
 * @param subject    its subject, RFC 4514 form
 * @param keyAlgorithm algorithm of the public key, e.g. {@code EC} or {@code RSA}
 */
public record CertificateRequest(String pem, String subject, String keyAlgorithm) {
    /** Verifies self-signatures of every key type BouncyCastle knows, so refusing a key is the CA's decision. */
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    /**
     * Parses a PEM request and checks its self-signature (proof of possession of the private key).
     *
     * @throws CairnException {@code CAIRN-MEMBER-0003} when it is not one, or the signature does not verify
     */
    public static CertificateRequest parse(String field, String pem) {
        PKCS10CertificationRequest request = read(field, pem);
        try {
            var verifier = new JcaContentVerifierProviderBuilder().setProvider(PROVIDER)
                    .build(request.getSubjectPublicKeyInfo());
            if (!request.isSignatureValid(verifier)) {
                throw malformed(field, "the request's signature does not verify with its own public key");
            }
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            if (e instanceof CairnException ce) {
                throw ce;
            }
            throw malformed(field, "the request's key or signature algorithm is not supported");
        }
        String subject = request.getSubject().toString();
        if (subject.isBlank()) {
            throw malformed(field, "the request has an empty subject");
        }
        String algorithm = request.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId();
        return new CertificateRequest(pem.strip() + "\n", subject, keyAlgorithmName(algorithm));
    }

    private static PKCS10CertificationRequest read(String field, String pem) {
        if (pem == null || !pem.strip().startsWith("-----BEGIN CERTIFICATE REQUEST-----")
                || !pem.strip().endsWith("-----END CERTIFICATE REQUEST-----")) {
            throw malformed(field, "a CSR is one PEM block '-----BEGIN CERTIFICATE REQUEST-----'");
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (!(object instanceof PKCS10CertificationRequest request) || parser.readObject() != null) {
                throw malformed(field, "the PEM block is not a single PKCS#10 certificate request");
            }
            return request;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CairnException ce) {
                throw ce;
            }
            throw malformed(field, "the PEM block cannot be decoded as a PKCS#10 certificate request");
        }
    }

    private static String keyAlgorithmName(String oid) {
        return switch (oid) {
            case "1.2.840.10045.2.1" -> "EC";
            case "1.2.840.113549.1.1.1" -> "RSA";
            case "1.3.101.112" -> "Ed25519";
            default -> oid;
        };
    }

    private static CairnException malformed(String field, String detail) {
        return CairnException.field(ErrorCode.MEMBER_MALFORMED_CSR, field, detail);
    }
}
