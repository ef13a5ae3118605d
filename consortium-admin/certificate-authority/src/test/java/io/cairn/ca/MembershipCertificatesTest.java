package io.cairn.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.audit.spi.JournalReceipt;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import io.cairn.kernel.testing.MutableClock;
import io.cairn.membership.Application;
import io.cairn.membership.ApplicationState;
import io.cairn.membership.Consortium;
import io.cairn.membership.ConsortiumRole;
import io.cairn.membership.Contact;
import io.cairn.membership.DecisionRule;
import io.cairn.membership.LedgerIdentities;
import io.cairn.membership.Lei;
import io.cairn.membership.MemberProfile;
import io.cairn.membership.MembershipSettings;
import io.cairn.membership.PolicyTerms;
import io.cairn.membership.Proposal;
import io.cairn.membership.ProposalKind;
import io.cairn.membership.VoteChoice;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The membership workflow with the consortium CA as its issuer, over a real PostgreSQL: an approved admission
 * issues the certificate, suspension holds and removal revokes certificates, each journaled with serial and
 * fingerprint in the same transaction as the decision; a CSR the CA would refuse is refused at submission; a
 * CA failure undoes the decision.
 */
@Tag("integration")
class MembershipCertificatesTest extends CaDatabaseTest {
    static final String LEI_A = "506700GE1G29325QX363";
    static final String LEI_B = "7LTWFZYICNSX8D621K86";
    static final String LEI_C = "7H6GLXDRUGQFU57RNE97";
    static final String LEI_D = "529900T8BM49AURSDO55";
    static final Map<String, Set<Role>> USERS = Map.of("rep-a", Set.of(Role.MEMBER), "rep-b", Set.of(Role.MEMBER),
            "rep-c", Set.of(Role.MEMBER), "rep-d", Set.of(Role.MEMBER), "admin-1", Set.of(Role.CONSORTIUM_ADMIN),
            "admin-2", Set.of(Role.CONSORTIUM_ADMIN));

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final List<AuditEvent> journaled = Collections.synchronizedList(new ArrayList<>());
    final KeyPair caPair = TestKeys.ec("secp256r1");
    volatile boolean caKeyAvailable = true;
    ConsortiumCa ca;
    Consortium consortium;

    @BeforeEach
    void start() {
        db.jdbi().useHandle(h -> h.execute("truncate consortium.events, consortium.provisioning_plans, "
                + "consortium.checklist_items, consortium.applications, consortium.ballot_history, consortium.ballots, "
                + "consortium.electorate, consortium.proposals, consortium.governance_policies, "
                + "consortium.representatives, consortium.member_status_history, consortium.members restart identity"));
        ca = new ConsortiumCa(db.jdbi(), switchableKey(), CaSettings.defaults(), clock);
        AuditJournal journal = event -> {
            journaled.add(event);
            return CompletableFuture.completedFuture(new JournalReceipt(journaled.size() - 1, "leaf", Instant.now()));
        };
        consortium = new Consortium(db.jdbi(), u -> Optional.ofNullable(USERS.get(u)), Optional.of(journal),
                new MembershipSettings(List.of("kyc"), new PolicyTerms(DecisionRule.MAJORITY, 50, Duration.ofDays(7))),
                ca.issuer(), clock);
        found(LEI_A, "Bank A AG", "rep-a");
        found(LEI_B, "Bank B S.A.", "rep-b");
        found(LEI_C, "Bank C N.A.", "rep-c");
    }

    @Test
    void anApprovedAdmissionIssuesTheCertificateAndJournalsItsSerialAndFingerprint() {
        Application application = applyAndOpenVote(TestCsrs.pem(TestKeys.ec("secp256r1"), "CN=node1.bank-d.example",
                TestCsrs.dns("node1.bank-d.example")));
        vote(application, "rep-a", "rep-b");

        assertThat(consortium.onboarding().get(application.id()).state()).isEqualTo(ApplicationState.APPROVED_PENDING_PROVISIONING);
        IssuedCertificate issued = ca.certificatesOf(LEI_D).stream().reduce((a, b) -> b).orElseThrow();
        assertThat(ca.certificatesOf(LEI_D)).hasSize(1);
        assertThat(issued.memberId()).isEqualTo(application.member().id());
        assertThat(issued.subject()).isEqualTo("C=FR,O=Bank D SAS,SERIALNUMBER=" + LEI_D + ",CN=node1.bank-d.example");
        AuditEvent event = single("membership.certificate-issued");
        assertThat(event.subject()).isEqualTo("member/" + LEI_D);
        assertThat(event.attributes()).containsEntry("serial", issued.serial()).containsEntry("sha256", issued.sha256())
                .containsEntry("lei", LEI_D).containsEntry("proposal", application.proposalId().orElseThrow().toString());
        List<String> types = journaled.stream().map(AuditEvent::type).toList();
        assertThat(types.indexOf("membership.certificate-issued")).isGreaterThan(types.indexOf("membership.application-approved"));
    }

    @Test
    void aFoundersCertificateIsHeldOnSuspensionAndRevokedOnRemoval() throws Exception {
        io.cairn.membership.MemberCertificate founder = consortium.roster().certify(Lei.of(LEI_C),
                TestCsrs.request(TestKeys.ec("secp256r1"), "CN=node1.bank-c.example"), "admin-1");
        IssuedCertificate certificate = ca.find(founder.serial()).orElseThrow();
        assertThat(certificate.sha256()).isEqualTo(founder.sha256());
        assertThat(single("membership.certificate-issued").attributes()).containsEntry("serial", founder.serial());
        decide(consortium.governance().proposeStatusChange(ProposalKind.SUSPEND_MEMBER, Lei.of(LEI_C), "admin-1", "audit"));
        assertThat(ca.find(certificate.serial()).orElseThrow().reason()).contains(RevocationReason.CERTIFICATE_HOLD);
        assertThat(single("membership.certificate-held").attributes()).containsEntry("serial", certificate.serial())
                .containsEntry("sha256", certificate.sha256());
        assertThat(new X509CRLHolder(ca.crl()).getRevokedCertificate(certificate.serialNumber())).isNotNull();

        decide(consortium.governance().proposeStatusChange(ProposalKind.REMOVE_MEMBER, Lei.of(LEI_C), "admin-1", "left"));
        assertThat(ca.find(certificate.serial()).orElseThrow().reason()).contains(RevocationReason.CESSATION_OF_OPERATION);
        assertThat(single("membership.certificate-revoked").attributes()).containsEntry("serial", certificate.serial());
    }

    @Test
    void aRequestTheCaWouldRefuseIsRefusedAtSubmissionAndNothingIsWritten() {
        String weak = TestCsrs.pem(TestKeys.rsa(1024, 65537), "CN=node1");
        CsrPolicyTest.assertThrows(() -> consortium.onboarding().submit(profile(LEI_D, "Bank D SAS"),
                io.cairn.membership.CertificateRequest.parse("csr", weak), "rep-d"), ErrorCode.MEMBER_CSR_KEY_REFUSED, "1024 bits");
        assertThat(consortium.members().find(Lei.of(LEI_D))).isEmpty();
    }

    @Test
    void whenTheCaCannotSignTheDecidingVoteIsUndoneAndCanBeCastAgain() {
        Application application = applyAndOpenVote(TestCsrs.pem(TestKeys.ec("secp256r1"), "CN=node1"));
        java.util.UUID proposal = application.proposalId().orElseThrow();
        consortium.governance().cast(proposal, "rep-a", VoteChoice.YES, Optional.empty());
        caKeyAvailable = false;
        assertThatThrownBy(() -> consortium.governance().cast(proposal, "rep-b", VoteChoice.YES, Optional.empty()))
                .hasMessageContaining("CA key unavailable");
        assertThat(consortium.onboarding().get(application.id()).state()).isEqualTo(ApplicationState.VOTING);
        assertThat(ca.certificatesOf(LEI_D)).isEmpty();
        assertThat(journaled).extracting(AuditEvent::type).doesNotContain("membership.application-approved",
                "membership.certificate-issued");
        caKeyAvailable = true;
        consortium.governance().cast(proposal, "rep-b", VoteChoice.YES, Optional.empty());
        assertThat(consortium.onboarding().get(application.id()).state()).isEqualTo(ApplicationState.APPROVED_PENDING_PROVISIONING);
        assertThat(ca.certificatesOf(LEI_D)).hasSize(1);
        assertThat(single("membership.certificate-issued").attributes()).containsEntry("serial", ca.certificatesOf(LEI_D).get(0).serial());
    }

    private Application applyAndOpenVote(String csrPem) {
        Application a = consortium.onboarding().submit(profile(LEI_D, "Bank D SAS"),
                io.cairn.membership.CertificateRequest.parse("csr", csrPem), "rep-d");
        consortium.onboarding().tick(a.id(), "kyc", "admin-2", "checked", Optional.empty());
        return consortium.onboarding().openVote(a.id(), "admin-1");
    }

    private void vote(Application application, String... representatives) {
        for (String rep : representatives) {
            consortium.governance().cast(application.proposalId().orElseThrow(), rep, VoteChoice.YES, Optional.empty());
        }
    }

    private void decide(Proposal proposal) {
        consortium.governance().cast(proposal.id(), "rep-a", VoteChoice.YES, Optional.empty());
        consortium.governance().cast(proposal.id(), "rep-b", VoteChoice.YES, Optional.empty());
    }

    private AuditEvent single(String type) {
        List<AuditEvent> found = journaled.stream().filter(e -> e.type().equals(type)).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private void found(String lei, String name, String representative) {
        consortium.roster().found(new MemberProfile(Lei.of(lei), name, "DE", List.of(new Contact("Ops", "ops@bank.example",
                "+49 69 1234 5678")), Set.of(ConsortiumRole.FOUNDER), LedgerIdentities.none()), "admin-1");
        consortium.roster().designate(Lei.of(lei), representative, "admin-1");
    }

    private static MemberProfile profile(String lei, String name) {
        return new MemberProfile(Lei.of(lei), name, "FR", List.of(new Contact("Ops", "ops@bank-d.example",
                "+33 1 23 45 67 89")), Set.of(ConsortiumRole.PARTICIPANT), LedgerIdentities.none());
    }

    private CaKey switchableKey() {
        CaKey real = TestKeys.caKey(caPair);
        return new CaKey() {
            @Override
            public String algorithm() {
                return real.algorithm();
            }

            @Override
            public PublicKey publicKey() {
                return real.publicKey();
            }

            @Override
            public byte[] sign(byte[] tbsBytes) {
                if (!caKeyAvailable) {
                    throw new IllegalStateException("CA key unavailable");
                }
                return real.sign(tbsBytes);
            }
        };
    }
}
