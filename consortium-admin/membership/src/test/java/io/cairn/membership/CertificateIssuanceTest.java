package io.cairn.membership;

import static io.cairn.membership.ConsortiumFixture.LEI_C;
import static io.cairn.membership.OnboardingScenarioTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the workflow calls the {@link CertificateIssuer}: the CSR is checked on submission, the certificate
 * issued on an approved admission, held on suspension and revoked on removal, inside the decision's
 * transaction, each certificate journaled with its serial and fingerprint; a failing issuer undoes the decision.
 */
@Tag("integration")
class CertificateIssuanceTest {
    @TempDir
    static Path dir;
    static final RecordingIssuer ISSUER = new RecordingIssuer();
    static ConsortiumFixture f;

    @BeforeAll
    static void open() {
        f = new ConsortiumFixture(dir, ISSUER);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void start() {
        ISSUER.calls.clear();
        ISSUER.failing = Optional.empty();
        f.reset().founded();
    }

    @Test
    void anApprovedAdmissionIssuesFromTheApplicationsCsrAndJournalsTheCertificate() {
        String lei = ConsortiumFixture.lei("969500DBTESTAPPL01");
        Application a = f.applicationInVote(lei, "Bank D SA", "rep-d");
        UUID proposal = a.proposalId().orElseThrow();
        f.consortium.governance().cast(proposal, "rep-a", VoteChoice.YES, Optional.empty());
        assertThat(ISSUER.calls).containsExactly("check " + a.csr().subject());
        f.consortium.governance().cast(proposal, "rep-b", VoteChoice.YES, Optional.empty());

        assertThat(ISSUER.calls).containsExactly("check " + a.csr().subject(), "issue " + lei + " " + a.csr().subject());
        AuditEvent issued = f.journal.events().stream().filter(e -> e.type().equals("membership.certificate-issued"))
                .findFirst().orElseThrow();
        assertThat(issued.subject()).isEqualTo("member/" + lei);
        assertThat(issued.attributes()).containsEntry("serial", "0a1").containsEntry("sha256", "ab".repeat(32))
                .containsEntry("proposal", proposal.toString()).containsEntry("lei", lei);
    }

    @Test
    void aRejectedAdmissionIssuesNothing() {
        Application a = f.applicationInVote(ConsortiumFixture.lei("969500DBTESTAPPL02"), "Bank E SA", "rep-d");
        f.consortium.governance().cast(a.proposalId().orElseThrow(), "rep-a", VoteChoice.NO, Optional.empty());
        f.consortium.governance().cast(a.proposalId().orElseThrow(), "rep-b", VoteChoice.NO, Optional.empty());
        assertThat(f.consortium.onboarding().get(a.id()).state()).isEqualTo(ApplicationState.REJECTED);
        assertThat(ISSUER.calls).noneMatch(c -> c.startsWith("issue"));
    }

    @Test
    void suspensionHoldsAndRemovalRevokesEachJournaledWithSerialAndFingerprint() {
        UUID suspend = f.consortium.governance().proposeStatusChange(ProposalKind.SUSPEND_MEMBER, Lei.of(LEI_C),
                "admin-1", "fees").id();
        f.consortium.governance().cast(suspend, "rep-a", VoteChoice.YES, Optional.empty());
        f.consortium.governance().cast(suspend, "rep-b", VoteChoice.YES, Optional.empty());
        UUID remove = f.consortium.governance().proposeStatusChange(ProposalKind.REMOVE_MEMBER, Lei.of(LEI_C),
                "admin-1", "fees still unpaid").id();
        f.consortium.governance().cast(remove, "rep-a", VoteChoice.YES, Optional.empty());
        f.consortium.governance().cast(remove, "rep-b", VoteChoice.YES, Optional.empty());

        assertThat(ISSUER.calls).containsExactly("hold " + LEI_C + " suspended by vote: fees",
                "revoke " + LEI_C + " removed by vote: fees still unpaid");
        assertThat(f.journal.typesFor("member/" + LEI_C)).containsSubsequence("membership.member-status-changed",
                "membership.certificate-held", "membership.member-status-changed", "membership.certificate-revoked");
        assertThat(f.journal.events().stream().filter(e -> e.type().equals("membership.certificate-revoked"))
                .findFirst().orElseThrow().attributes()).containsEntry("serial", "0c1").containsEntry("proposal", remove.toString());
    }

    @Test
    void aRequestTheIssuerRefusesIsRefusedAtSubmissionWithItsCode() {
        ISSUER.failing = Optional.of(new CairnException(ErrorCode.MEMBER_CSR_KEY_REFUSED, "too weak"));
        String lei = ConsortiumFixture.lei("969500DBTESTAPPL03");
        assertError(() -> f.consortium.onboarding().submit(ConsortiumFixture.profile(lei, "Bank F SA", "FR",
                Set.of(ConsortiumRole.PARTICIPANT)), CertificateRequest.parse("csr", TestPki.csr("CN=F")), "rep-d"),
                ErrorCode.MEMBER_CSR_KEY_REFUSED, "too weak");
        assertThat(f.consortium.members().find(Lei.of(lei))).isEmpty();
    }

    @Test
    void aFailingIssuerUndoesTheDecidingVote() {
        Application a = f.applicationInVote(ConsortiumFixture.lei("969500DBTESTAPPL04"), "Bank G SA", "rep-d");
        UUID proposal = a.proposalId().orElseThrow();
        f.consortium.governance().cast(proposal, "rep-a", VoteChoice.YES, Optional.empty());
        int events = f.count("events");
        ISSUER.failing = Optional.of(new IllegalStateException("CA unavailable"));
        assertThatThrownBy(() -> f.consortium.governance().cast(proposal, "rep-b", VoteChoice.YES, Optional.empty()))
                .hasMessage("CA unavailable");
        assertThat(f.count("events")).isEqualTo(events);
        assertThat(f.consortium.onboarding().get(a.id()).state()).isEqualTo(ApplicationState.VOTING);
        ISSUER.failing = Optional.empty();
        f.consortium.governance().cast(proposal, "rep-b", VoteChoice.YES, Optional.empty());
        assertThat(f.consortium.onboarding().get(a.id()).state()).isEqualTo(ApplicationState.APPROVED_PENDING_PROVISIONING);
    }

    @Test
    void anActiveMemberIsCertifiedOutsideOnboardingAndOthersAreNot() {
        MemberCertificate issued = f.consortium.roster().certify(Lei.of(LEI_C),
                CertificateRequest.parse("csr", TestPki.csr("CN=node1.bank-c.example")), "admin-1");
        assertThat(issued.serial()).isEqualTo("0a1");
        AuditEvent event = f.journal.events().stream().filter(e -> e.type().equals("membership.certificate-issued"))
                .findFirst().orElseThrow();
        assertThat(event.actor()).isEqualTo("admin-1");
        assertThat(event.attributes()).containsEntry("lei", LEI_C).containsEntry("sha256", "ab".repeat(32))
                .containsEntry("csr-subject", "CN=node1.bank-c.example");

        Application a = f.applicationInVote(ConsortiumFixture.lei("969500DBTESTAPPL05"), "Bank H SA", "rep-d");
        assertError(() -> f.consortium.roster().certify(a.member().lei(), a.csr(), "admin-1"), ErrorCode.MEMBER_WRONG_STATE,
                "applicants get theirs when admitted");
        Consortium withoutCa = new Consortium(f.db.jdbi(), u -> Optional.empty(), Optional.empty(),
                new MembershipSettings(List.of("kyc"), new PolicyTerms(DecisionRule.MAJORITY, 50, java.time.Duration.ofDays(7))),
                f.clock);
        int events = f.count("events");
        assertError(() -> withoutCa.roster().certify(Lei.of(LEI_C), a.csr(), "admin-1"), ErrorCode.MEMBER_CA_NOT_CONFIGURED,
                "no consortium CA");
        assertThat(f.count("events")).isEqualTo(events);
    }

    /** Records calls and answers made-up certificates; can be made to fail. */
    static final class RecordingIssuer implements CertificateIssuer {
        final List<String> calls = new ArrayList<>();
        volatile Optional<RuntimeException> failing = Optional.empty();

        @Override
        public void check(CertificateRequest request) {
            failing.ifPresent(e -> {
                throw e;
            });
            calls.add("check " + request.subject());
        }

        @Override
        public Optional<MemberCertificate> issue(Member member, CertificateRequest request) {
            failing.ifPresent(e -> {
                throw e;
            });
            calls.add("issue " + member.lei() + " " + request.subject());
            return Optional.of(certificate("0a1"));
        }

        @Override
        public List<MemberCertificate> hold(Member member, String reason) {
            calls.add("hold " + member.lei() + " " + reason);
            return List.of(certificate("0b1"));
        }

        @Override
        public List<MemberCertificate> revoke(Member member, String reason) {
            calls.add("revoke " + member.lei() + " " + reason);
            return List.of(certificate("0c1"));
        }

        @Override
        public List<MemberCertificate> release(Member member) {
            calls.add("release " + member.lei());
            return List.of();
        }

        private static MemberCertificate certificate(String serial) {
            return new MemberCertificate(serial, "ab".repeat(32), Instant.parse("2028-03-01T00:00:00Z"), "pem");
        }
    }
}
