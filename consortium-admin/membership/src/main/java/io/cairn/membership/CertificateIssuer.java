package io.cairn.membership;

/**
 * NOT IMPLEMENTED YET — the seam for the consortium CA step. The consortium CA will issue a member's
 * X.509 certificate from the {@link CertificateRequest} kept with its application, with the CA key held in
 * {@code hsm-signing}, and revoke it (CRL) on suspension or removal. Nothing in this module calls it yet;
 * no certificate is issued by the membership workflow.
 */
public interface CertificateIssuer {
    /**
     * Issues a member certificate.
     *
     * @param member  the admitted member
     * @param request the member's certificate signing request
     * @return the issued certificate, PEM
     */
    String issue(Member member, CertificateRequest request);

    /**
     * Revokes every certificate of a member.
     *
     * @param member the member
     * @param reason why, as recorded in its status history
     */
    void revoke(Member member, String reason);
}
