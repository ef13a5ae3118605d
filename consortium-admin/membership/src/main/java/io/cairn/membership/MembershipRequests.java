package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Request bodies of the membership API, validated when they are read. */
public final class MembershipRequests {
    private MembershipRequests() {
    }

    /**
     * A founding member to create.
     *
     * @param lei              Legal Entity Identifier
     * @param legalName        registered legal name
     * @param jurisdiction     ISO 3166-1 alpha-2 code, e.g. {@code DE}
     * @param contacts         at least one contact
     * @param roles            consortium roles, e.g. {@code ["founder", "validator"]}
     * @param ledgerIdentities ledger identities (default: none)
     */
    public record NewMember(String lei, String legalName, String jurisdiction, List<Contact> contacts,
                            List<String> roles, Optional<LedgerIdentities> ledgerIdentities) {
        /** Validates the request. */
        public NewMember {
            MembershipRequests.profile(lei, legalName, jurisdiction, contacts, roles, ledgerIdentities);
        }

        /** The validated profile. */
        public MemberProfile profile() {
            return MembershipRequests.profile(lei, legalName, jurisdiction, contacts, roles, ledgerIdentities);
        }
    }

    /**
     * An application to join.
     *
     * @param lei              Legal Entity Identifier
     * @param legalName        registered legal name
     * @param jurisdiction     ISO 3166-1 alpha-2 code
     * @param contacts         at least one contact
     * @param roles            requested consortium roles (not {@code founder})
     * @param ledgerIdentities ledger identities (default: none)
     * @param csr              PEM PKCS#10 certificate signing request for the member certificate
     */
    public record NewApplication(String lei, String legalName, String jurisdiction, List<Contact> contacts,
                                 List<String> roles, Optional<LedgerIdentities> ledgerIdentities, String csr) {
        /** Validates the request, the CSR included. */
        public NewApplication {
            MembershipRequests.profile(lei, legalName, jurisdiction, contacts, roles, ledgerIdentities);
            CertificateRequest.parse("csr", csr);
        }

        /** The validated profile. */
        public MemberProfile profile() {
            return MembershipRequests.profile(lei, legalName, jurisdiction, contacts, roles, ledgerIdentities);
        }

        /** The parsed CSR. */
        public CertificateRequest certificateRequest() {
            return CertificateRequest.parse("csr", csr);
        }
    }

    /**
     * A certificate to issue to an active member (a founding member, or a renewal).
     *
     * @param csr the member's PEM PKCS#10 certificate signing request
     */
    public record NewCertificate(String csr) {
        /** Validates the CSR. */
        public NewCertificate {
            CertificateRequest.parse("csr", csr);
        }

        /** The parsed CSR. */
        public CertificateRequest certificateRequest() {
            return CertificateRequest.parse("csr", csr);
        }
    }

    /**
     * A representative to designate.
     *
     * @param username an enabled user of the appliance with the {@code member} role
     */
    public record NewRepresentative(String username) {
        /** Validates the request. */
        public NewRepresentative {
            text("username", username, 63);
        }
    }

    /**
     * Evidence for a due-diligence item.
     *
     * @param evidence  what was checked and found, 1-4000 characters
     * @param reference where the evidence is kept (document id, case number), up to 500 characters
     */
    public record Tick(String evidence, Optional<String> reference) {
        /** Validates the request. */
        public Tick {
            text("evidence", evidence, 4000);
            reference.ifPresent(r -> text("reference", r, 500));
        }
    }

    /**
     * Why a provisioning step may count as done without the runner.
     *
     * @param reason    what was done instead and by whom, 1-4000 characters
     * @param reference where the evidence is kept (ticket, signed config update), up to 500 characters
     */
    public record OverrideEvidence(String reason, Optional<String> reference) {
        /** Validates the request. */
        public OverrideEvidence {
            text("reason", reason, 4000);
            reference.ifPresent(r -> text("reference", r, 500));
        }
    }

    /**
     * Why an application is rejected.
     *
     * @param reasons one or more reasons
     */
    public record Rejection(List<String> reasons) {
        /** Validates the request. */
        public Rejection {
            if (reasons == null || reasons.isEmpty()) {
                throw CairnException.field(ErrorCode.API_INVALID_FIELD, "reasons", "give at least one reason");
            }
            reasons.forEach(r -> text("reasons", r, 2000));
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A suspension or removal to put to the vote.
     *
     * @param kind       {@code suspend-member}, {@code remove-member} or {@code reinstate-member}
     * @param lei        the member concerned
     * @param motivation why, 1-2000 characters
     */
    public record NewProposal(String kind, String lei, String motivation) {
        /** Validates the request. */
        public NewProposal {
            Optional<ProposalKind> k = ProposalKind.fromLabel(kind);
            if (k.isEmpty() || k.get() == ProposalKind.ADMIT_MEMBER || k.get() == ProposalKind.CHANGE_POLICY) {
                throw CairnException.field(ErrorCode.API_INVALID_FIELD, "kind", "kind is 'suspend-member', "
                        + "'remove-member' or 'reinstate-member' (admissions open from onboarding, policy changes from governance-policy)");
            }
            Lei.of(lei);
            text("motivation", motivation, 2000);
        }

        /** The kind. */
        public ProposalKind proposalKind() {
            return ProposalKind.fromLabel(kind).orElseThrow();
        }
    }

    /**
     * A vote.
     *
     * @param choice           {@code yes}, {@code no} or {@code abstain}
     * @param expectedRevision cast only if the organisation's ballot is at this revision (0: not voted yet)
     */
    public record Vote(String choice, Optional<Integer> expectedRevision) {
        /** Validates the request. */
        public Vote {
            if (VoteChoice.fromLabel(choice).isEmpty()) {
                throw CairnException.field(ErrorCode.API_INVALID_FIELD, "choice", "choice is 'yes', 'no' or 'abstain'");
            }
            if (expectedRevision.isPresent() && expectedRevision.get() < 0) {
                throw CairnException.field(ErrorCode.API_INVALID_FIELD, "expectedRevision", "expectedRevision is 0 or more");
            }
        }

        /** The choice. */
        public VoteChoice voteChoice() {
            return VoteChoice.fromLabel(choice).orElseThrow();
        }
    }

    /**
     * An administrator's decision on an admin-only proposal.
     *
     * @param outcome {@code approve} or {@code reject}
     * @param reason  why, 1-2000 characters
     */
    public record AdminDecision(String outcome, String reason) {
        /** Validates the request. */
        public AdminDecision {
            if (!"approve".equals(outcome) && !"reject".equals(outcome)) {
                throw CairnException.field(ErrorCode.API_INVALID_FIELD, "outcome", "outcome is 'approve' or 'reject'");
            }
            text("reason", reason, 2000);
        }
    }

    /**
     * A proposed governance policy.
     *
     * @param rule          {@code majority}, {@code two-thirds}, {@code unanimity} or {@code admin-only}
     * @param quorumPercent 0-100
     * @param votingWindow  ISO-8601 duration, e.g. {@code P7D} or {@code PT48H}
     * @param motivation    why, 1-2000 characters
     */
    public record PolicyChange(String rule, int quorumPercent, String votingWindow, String motivation) {
        /** Validates the request. */
        public PolicyChange {
            terms(rule, quorumPercent, votingWindow);
            text("motivation", motivation, 2000);
        }

        /** The proposed terms. */
        public PolicyTerms terms() {
            return terms(rule, quorumPercent, votingWindow);
        }

        private static PolicyTerms terms(String rule, int quorumPercent, String votingWindow) {
            Duration window;
            try {
                window = Duration.parse(votingWindow == null ? "" : votingWindow);
            } catch (DateTimeParseException e) {
                throw CairnException.field(ErrorCode.MEMBER_INVALID_POLICY, "votingWindow",
                        "votingWindow is an ISO-8601 duration such as 'P7D' or 'PT48H'");
            }
            return new PolicyTerms(DecisionRule.fromLabel("rule", rule), quorumPercent, window);
        }
    }

    static MemberProfile profile(String lei, String legalName, String jurisdiction, List<Contact> contacts,
                                 List<String> roles, Optional<LedgerIdentities> ledgerIdentities) {
        if (roles == null) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "roles", "give at least one consortium role");
        }
        Set<ConsortiumRole> parsed = new LinkedHashSet<>();
        roles.forEach(r -> parsed.add(ConsortiumRole.fromLabel(r)));
        return new MemberProfile(Lei.of(lei), legalName, jurisdiction, contacts, parsed,
                ledgerIdentities.orElse(LedgerIdentities.none()));
    }

    static void text(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, field, field + " must be 1-" + max + " characters");
        }
    }
}
