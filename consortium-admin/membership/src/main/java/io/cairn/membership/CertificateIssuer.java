package io.cairn.membership;

import java.util.List;

/**
 * The consortium CA as the membership workflow sees it. The workflow calls it inside the transaction that
 * records the decision, so a decision and its certificate change are committed together (or not at all):
 * <ul>
 *   <li>{@link #check} when an application is submitted, so a CSR the CA would refuse is refused at once;</li>
 *   <li>{@link #issue} when an admission is approved;</li>
 *   <li>{@link #hold} when a member is suspended, {@link #revoke} when it is removed.</li>
 * </ul>
 * Every certificate returned is recorded in the membership journal with its serial and SHA-256 fingerprint.
 * {@link #none()} issues nothing (a consortium without a CA).
 */
public interface CertificateIssuer {
    /**
     * Refuses a request the CA would not certify; the default accepts every request.
     *
     * @param request the applicant's certificate signing request
     * @throws io.cairn.kernel.CairnException a {@code CAIRN-MEMBER} code saying why
     */
    default void check(CertificateRequest request) {
    }

    /**
     * Issues a member certificate.
     *
     * @param member  the admitted member
     * @param request the member's certificate signing request
     * @return the issued certificate; empty when this issuer issues nothing
     */
    java.util.Optional<MemberCertificate> issue(Member member, CertificateRequest request);

    /**
     * Suspends every valid certificate of a member (RFC 5280 reason {@code certificateHold}).
     *
     * @param member the member
     * @param reason why, as recorded in its status history
     * @return the certificates put on hold
     */
    List<MemberCertificate> hold(Member member, String reason);

    /**
     * Revokes every certificate of a member for good (RFC 5280 reason {@code cessationOfOperation}),
     * including those on hold.
     *
     * @param member the member
     * @param reason why, as recorded in its status history
     * @return the certificates revoked
     */
    List<MemberCertificate> revoke(Member member, String reason);

    /**
     * Lifts the hold on a member's suspended certificates (a suspended member made active again).
     *
     * @param member the member
     * @return the certificates valid again
     */
    List<MemberCertificate> release(Member member);

    /** An issuer that issues and revokes nothing. */
    static CertificateIssuer none() {
        return new CertificateIssuer() {
            @Override
            public java.util.Optional<MemberCertificate> issue(Member member, CertificateRequest request) {
                return java.util.Optional.empty();
            }

            @Override
            public List<MemberCertificate> hold(Member member, String reason) {
                return List.of();
            }

            @Override
            public List<MemberCertificate> revoke(Member member, String reason) {
                return List.of();
            }

            @Override
            public List<MemberCertificate> release(Member member) {
                return List.of();
            }
        };
    }
}
