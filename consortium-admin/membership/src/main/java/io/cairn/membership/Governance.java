package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Proposals and votes: opening a proposal under the current policy, casting and changing votes with
 * separation of duties, administrators' decisions under the admin-only rule, and deciding proposals when
 * their window closes or as soon as their outcome is settled ({@link Tally}). Every change is one
 * transaction; proposals whose window has closed are decided on the next access or by {@link #settleDue()}.
 */
public final class Governance {
    private final Jdbi jdbi;
    private final MemberRegistry members;
    private final Representatives representatives;
    private final PolicyBook policies;
    private final ProposalRecords records;
    private final Decisions decisions;
    private final JournalRelay relay;
    private final Clock clock;

    Governance(Jdbi jdbi, MemberRegistry members, Representatives representatives, PolicyBook policies,
               ProposalRecords records, Decisions decisions, JournalRelay relay, Clock clock) {
        this.jdbi = jdbi;
        this.members = members;
        this.representatives = representatives;
        this.policies = policies;
        this.records = records;
        this.decisions = decisions;
        this.relay = relay;
        this.clock = clock;
    }

    /** Opens a proposal inside the caller's transaction, under the current policy. */
    Proposal open(Handle h, ProposalKind kind, Optional<Member> subject, String requestedBy, String openedBy,
                  String motivation, Optional<PolicyTerms> proposed) {
        Instant now = clock.instant();
        GovernancePolicy policy = policies.current(h).orElseThrow(() -> new IllegalStateException("no policy"));
        List<UUID> electorate = new ArrayList<>(members.activeIds(h));
        subject.ifPresent(s -> electorate.remove(s.id()));
        Proposal p = new Proposal(UUID.randomUUID(), kind, subject.map(Member::id), policy.version(),
                policy.terms().rule(), policy.terms().quorumPercent(), requestedBy, openedBy, now,
                now.plus(policy.terms().votingWindow()), Proposal.OPEN, Optional.empty(), Optional.empty(),
                Optional.empty(), motivation, proposed);
        records.insert(h, p, electorate);
        MembershipEvents.record(h, MembershipEvents.PROPOSAL_OPENED, openedBy, "proposal/" + p.id(), now,
                Map.of("kind", kind.label(), "policy-version", Integer.toString(policy.version()),
                        "closes-at", p.closesAt().toString(), "electorate", Integer.toString(electorate.size()),
                        "subject", subject.map(m -> m.lei().value()).orElse("-")));
        return p;
    }

    /**
     * Decides a just-opened proposal at once when no vote could change its outcome (an empty electorate);
     * called by the opener after it linked the proposal (e.g. to its application), in the same transaction.
     */
    Proposal decideIfSettled(Handle h, Proposal p) {
        if (p.rule() != DecisionRule.ADMIN_ONLY) {
            Tally tally = tally(h, p);
            if (tally.settled()) {
                decide(h, p, tally.approved(), "tally", tally.explanation(), p.openedAt());
            }
        }
        return require(h, p.id(), false);
    }

    /**
     * Proposes to suspend an active member, to remove an active or suspended one, or to reinstate a suspended one.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0013} when the member's status does not allow it
     */
    public Proposal proposeStatusChange(ProposalKind kind, Lei lei, String by, String motivation) {
        if (kind == ProposalKind.ADMIT_MEMBER || kind == ProposalKind.CHANGE_POLICY) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "kind",
                    "proposals opened here are 'suspend-member', 'remove-member' or 'reinstate-member'");
        }
        Proposal p = jdbi.inTransaction(h -> {
            Member member = members.findByLei(h, lei).orElseThrow(() -> new CairnException(
                    ErrorCode.API_RESOURCE_NOT_FOUND, "no member organisation with LEI " + lei));
            boolean allowed = kind == ProposalKind.REINSTATE_MEMBER ? member.status() == MemberStatus.SUSPENDED
                    : member.status() == MemberStatus.ACTIVE
                    || (kind == ProposalKind.REMOVE_MEMBER && member.status() == MemberStatus.SUSPENDED);
            if (!allowed) {
                throw new CairnException(ErrorCode.MEMBER_WRONG_STATE, "a " + member.status().label()
                        + " member cannot be the subject of a '" + kind.label() + "' proposal");
            }
            return decideIfSettled(h, open(h, kind, Optional.of(member), by, by, motivation, Optional.empty()));
        });
        relay.deliverQuietly();
        return p;
    }

    /** Proposes new policy terms, voted under the current policy. */
    public Proposal proposePolicy(PolicyTerms terms, String by, String motivation) {
        Proposal p = jdbi.inTransaction(h -> decideIfSettled(h, open(h, ProposalKind.CHANGE_POLICY, Optional.empty(),
                by, by, motivation, Optional.of(terms))));
        relay.deliverQuietly();
        return p;
    }

    /**
     * Casts or changes the vote of the caller's organisation. A second cast by any representative of the same
     * organisation replaces its vote and increments the revision; {@code expectedRevision} (0 = no vote yet)
     * makes the cast conditional.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0007} not a representative, {@code 0008} window closed,
     *                        {@code 0009} separation of duties, {@code 0010} organisation not eligible,
     *                        {@code 0011} expected revision differs, {@code 0017} admin-only proposal
     */
    public Ballot cast(UUID proposalId, String username, VoteChoice choice, Optional<Integer> expectedRevision) {
        settle(proposalId);
        Ballot ballot = jdbi.inTransaction(h -> {
            Representative rep = representatives.find(h, username).orElseThrow(() -> new CairnException(
                    ErrorCode.MEMBER_NOT_A_REPRESENTATIVE, "'" + username
                            + "' is not a designated representative of any member organisation"));
            Proposal p = require(h, proposalId, true);
            Instant now = clock.instant();
            checkMayVote(h, p, rep, username, now);
            Optional<Ballot> previous = records.ballots(h, p.id()).stream()
                    .filter(b -> b.memberId().equals(rep.memberId())).findFirst();
            int revision = previous.map(Ballot::revision).orElse(0);
            if (expectedRevision.isPresent() && expectedRevision.get() != revision) {
                throw new CairnException(ErrorCode.MEMBER_BALLOT_CONFLICT, "your organisation's ballot is at revision "
                        + revision + ", not " + expectedRevision.get() + "; read the tally and cast again");
            }
            Ballot cast = new Ballot(p.id(), rep.memberId(), choice, revision + 1, username, now,
                    previous.map(Ballot::choice));
            records.saveBallot(h, cast);
            MembershipEvents.record(h, cast.isChange() ? MembershipEvents.VOTE_CHANGED : MembershipEvents.VOTE_CAST,
                    username, "proposal/" + p.id(), now, Map.of("member", members.byId(h, rep.memberId()).lei().value(),
                            "choice", choice.label(), "revision", Integer.toString(cast.revision())));
            Tally tally = tally(h, p);
            if (tally.settled()) {
                decide(h, p, tally.approved(), "tally", tally.explanation(), now);
            }
            return cast;
        });
        relay.deliverQuietly();
        return ballot;
    }

    private void checkMayVote(Handle h, Proposal p, Representative rep, String username, Instant now) {
        if (!p.acceptsVotesAt(now)) {
            throw new CairnException(ErrorCode.MEMBER_VOTING_CLOSED, "voting on proposal " + p.id() + " closed at "
                    + p.decidedAt().orElse(p.closesAt()) + "; it was " + (Proposal.OPEN.equals(p.state())
                    ? "not decided yet" : p.state()));
        }
        if (p.rule() == DecisionRule.ADMIN_ONLY) {
            throw new CairnException(ErrorCode.MEMBER_WRONG_DECISION_PROCEDURE, "proposal " + p.id()
                    + " is decided by an administrator under the admin-only rule; members do not vote on it");
        }
        if (username.equals(p.requestedBy()) || username.equals(p.openedBy())) {
            throw new CairnException(ErrorCode.MEMBER_SELF_APPROVAL,
                    "'" + username + "' asked for or opened this proposal and cannot vote on it");
        }
        if (p.subjectMember().equals(Optional.of(rep.memberId()))) {
            throw new CairnException(ErrorCode.MEMBER_SELF_APPROVAL,
                    "the organisation '" + username + "' represents is the subject of this proposal and cannot vote on it");
        }
        if (!records.electorate(h, p.id()).contains(rep.memberId())
                || members.byId(h, rep.memberId()).status() != MemberStatus.ACTIVE) {
            throw new CairnException(ErrorCode.MEMBER_NOT_ELIGIBLE, "the organisation '" + username
                    + "' represents was not an active member when the proposal opened, or is no longer active");
        }
    }

    /**
     * Decides an admin-only proposal.
     *
     * @throws CairnException {@code CAIRN-MEMBER-0017} when members vote on it, {@code 0009} when the
     *                        administrator asked for or opened it or represents the organisation concerned,
     *                        {@code 0008} when its window closed
     */
    public Proposal decideAsAdministrator(UUID proposalId, String username, boolean approve, String reason) {
        settle(proposalId);
        Proposal decided = jdbi.inTransaction(h -> {
            Proposal p = require(h, proposalId, true);
            Instant now = clock.instant();
            if (!p.acceptsVotesAt(now)) {
                throw new CairnException(ErrorCode.MEMBER_VOTING_CLOSED, "proposal " + p.id() + " is already "
                        + p.state());
            }
            if (p.rule() != DecisionRule.ADMIN_ONLY) {
                throw new CairnException(ErrorCode.MEMBER_WRONG_DECISION_PROCEDURE, "proposal " + p.id()
                        + " is decided by the members' vote under the " + p.rule().label() + " rule");
            }
            boolean concerned = representatives.find(h, username)
                    .map(r -> p.subjectMember().equals(Optional.of(r.memberId()))).orElse(false);
            if (username.equals(p.requestedBy()) || username.equals(p.openedBy()) || concerned) {
                throw new CairnException(ErrorCode.MEMBER_SELF_APPROVAL, "'" + username
                        + "' asked for, opened or is concerned by this proposal; another administrator must decide it");
            }
            decide(h, p, approve, username, (approve ? "approved" : "rejected") + " by administrator " + username
                    + ": " + reason, now);
            return require(h, proposalId, false);
        });
        relay.deliverQuietly();
        return decided;
    }

    /** A proposal with its count, deciding it first if its window has closed. */
    public ProposalStatus status(UUID proposalId) {
        settle(proposalId);
        return jdbi.withHandle(h -> {
            Proposal p = require(h, proposalId, false);
            return new ProposalStatus(p, tally(h, p), records.ballots(h, p.id()));
        });
    }

    /** Proposals, newest first; closed windows are decided first. */
    public List<Proposal> list(Optional<String> state, int offset, int limit) {
        settleDue();
        return jdbi.withHandle(h -> records.list(h, state, offset, limit));
    }

    /**
     * Decides every open proposal whose window has closed; the appliance may call this on a schedule, and
     * every read or vote does it for the proposal concerned.
     *
     * @return how many proposals were decided
     */
    public int settleDue() {
        List<UUID> due = jdbi.withHandle(h -> records.dueIds(h, clock.instant()));
        due.forEach(this::settle);
        return due.size();
    }

    private void settle(UUID proposalId) {
        boolean decided = jdbi.inTransaction(h -> {
            Optional<Proposal> found = records.find(h, proposalId, true);
            Instant now = clock.instant();
            if (found.isEmpty() || !Proposal.OPEN.equals(found.get().state()) || now.isBefore(found.get().closesAt())) {
                return false;
            }
            Proposal p = found.get();
            if (p.rule() == DecisionRule.ADMIN_ONLY) {
                decide(h, p, false, "window", "no administrator decided within the voting window", p.closesAt());
            } else {
                Tally tally = tally(h, p);
                decide(h, p, tally.approved(), "tally", "window closed: " + tally.explanation(), p.closesAt());
            }
            return true;
        });
        if (decided) {
            relay.deliverQuietly();
        }
    }

    private void decide(Handle h, Proposal p, boolean approved, String by, String reason, Instant at) {
        records.decide(h, p.id(), approved, at, by, reason);
        String actor = "tally".equals(by) || "window".equals(by) ? MembershipEvents.GOVERNANCE : by;
        MembershipEvents.record(h, MembershipEvents.PROPOSAL_DECIDED, actor, "proposal/" + p.id(), at,
                Map.of("kind", p.kind().label(), "outcome", approved ? "approved" : "rejected", "reason", reason));
        decisions.apply(h, p, approved, reason, at);
    }

    Tally tally(Handle h, Proposal p) {
        List<Ballot> ballots = records.ballots(h, p.id());
        int yes = count(ballots, VoteChoice.YES);
        int no = count(ballots, VoteChoice.NO);
        int abstain = count(ballots, VoteChoice.ABSTAIN);
        return new Tally(records.electorate(h, p.id()).size(), yes, no, abstain, p.rule(), p.quorumPercent());
    }

    private static int count(List<Ballot> ballots, VoteChoice choice) {
        return (int) ballots.stream().filter(b -> b.choice() == choice).count();
    }

    /** Whether founding members may still be created: no proposal was ever opened. */
    boolean foundingOpen(Handle h) {
        return !records.any(h);
    }

    private Proposal require(Handle h, UUID id, boolean lock) {
        return records.find(h, id, lock).orElseThrow(() -> new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND,
                "no proposal with id " + id));
    }
}
