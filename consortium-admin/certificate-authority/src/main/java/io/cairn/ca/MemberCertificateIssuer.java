package io.cairn.ca;

import io.cairn.membership.CertificateIssuer;
import io.cairn.membership.CertificateRequest;
import io.cairn.membership.Member;
import io.cairn.membership.MemberCertificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The membership workflow's {@link CertificateIssuer} over the consortium CA: suspension holds the member's
 * certificates ({@code certificateHold}), removal revokes them ({@code cessationOfOperation}).
 */
final class MemberCertificateIssuer implements CertificateIssuer {
    private final ConsortiumCa ca;
    private final Clock clock;

    MemberCertificateIssuer(ConsortiumCa ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    @Override
    public void check(CertificateRequest request) {
        ca.check(request);
    }

    @Override
    public Optional<MemberCertificate> issue(Member member, CertificateRequest request) {
        return Optional.of(ca.issue(member, request).toMemberCertificate());
    }

    @Override
    public List<MemberCertificate> hold(Member member, String reason) {
        return facts(ca.revokeAll(member.id(), RevocationReason.CERTIFICATE_HOLD, clock.instant()));
    }

    @Override
    public List<MemberCertificate> revoke(Member member, String reason) {
        return facts(ca.revokeAll(member.id(), RevocationReason.CESSATION_OF_OPERATION, clock.instant()));
    }

    @Override
    public List<MemberCertificate> release(Member member) {
        return facts(ca.reinstate(member.id()));
    }

    private static List<MemberCertificate> facts(List<IssuedCertificate> certificates) {
        return certificates.stream().map(IssuedCertificate::toMemberCertificate).toList();
    }
}
