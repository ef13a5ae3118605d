package io.cairn.membership;

import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.kernel.access.Role;
import io.cairn.membership.MembershipRequests.AdminDecision;
import io.cairn.membership.MembershipRequests.NewProposal;
import io.cairn.membership.MembershipRequests.Vote;
import io.cairn.membership.MembershipViews.BallotReceipt;
import io.cairn.membership.MembershipViews.ProposalList;
import io.cairn.membership.MembershipViews.ProposalView;
import io.cairn.membership.MembershipViews.TallyView;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code /api/v1/votes} resource: proposals, ballots and tallies. A ballot is {@code PUT} to
 * {@code /api/v1/votes/{id}/ballot}: the first cast of an organisation answers 201, a later cast by any of
 * its representatives replaces it and answers 200 with {@code changed: true}, the previous choice and the
 * new revision; {@code expectedRevision} turns a cast into a conditional one (409 {@code CAIRN-MEMBER-0011}).
 */
public final class VotesApi implements ApiService {
    private static final String BASE = "/api/v1/votes";
    private static final Set<String> STATES = Set.of("open", "approved", "rejected");

    private final Governance governance;
    private final MemberRegistry members;

    /** Creates the resource. */
    public VotesApi(Governance governance, MemberRegistry members) {
        this.governance = governance;
        this.members = members;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", BASE, "listProposals")
                        .summary("List proposals, newest first (state=open for those accepting votes)")
                        .roles(MembersApi.READERS).query("state", "offset", "limit").response(ProposalList.class)
                        .handler(this::list),
                Endpoint.of("POST", BASE, "proposeStatusChange")
                        .summary("Put the suspension or removal of a member to the vote")
                        .roles(Role.CONSORTIUM_ADMIN).request(NewProposal.class).response(ProposalView.class).status(201)
                        .handler(this::propose),
                Endpoint.of("GET", BASE + "/{id}", "getTally").summary("A proposal with its current count and ballots")
                        .roles(MembersApi.READERS).response(TallyView.class)
                        .handler(r -> ApiResponse.ok(TallyView.of(governance.status(id(r)), members::leiOf))),
                Endpoint.of("PUT", BASE + "/{id}/ballot", "castVote")
                        .summary("Cast (201) or change (200) your organisation's vote; representatives only")
                        .roles(Role.MEMBER).request(Vote.class).response(BallotReceipt.class).handler(this::cast),
                Endpoint.of("POST", BASE + "/{id}/decision", "decideProposal")
                        .summary("Decide an admin-only proposal (not by the administrator who asked for or opened it)")
                        .roles(Role.CONSORTIUM_ADMIN).request(AdminDecision.class).response(ProposalView.class)
                        .handler(this::decide));
    }

    private ApiResponse list(ApiRequest r) {
        Optional<String> state = ApiParameters.choice(r, "state", s -> Optional.of(s).filter(STATES::contains),
                "open, approved, rejected");
        int offset = ApiParameters.offset(r);
        int limit = ApiParameters.limit(r);
        return ApiResponse.ok(new ProposalList(governance.list(state, offset, limit).stream()
                .map(p -> ProposalView.of(p, members::leiOf)).toList(), offset, limit));
    }

    private ApiResponse propose(ApiRequest r) {
        NewProposal body = r.body(NewProposal.class);
        Proposal p = governance.proposeStatusChange(body.proposalKind(), Lei.of(body.lei()), r.principal().username(),
                body.motivation());
        return ApiResponse.created(BASE + "/" + p.id(), ProposalView.of(p, members::leiOf));
    }

    private ApiResponse cast(ApiRequest r) {
        Vote body = r.body(Vote.class);
        UUID id = id(r);
        Ballot b = governance.cast(id, r.principal().username(), body.voteChoice(), body.expectedRevision());
        String state = governance.status(id).proposal().state();
        BallotReceipt receipt = new BallotReceipt(id.toString(), members.leiOf(b.memberId()), b.choice().label(),
                b.revision(), b.isChange(), b.previousChoice().map(VoteChoice::label), b.castBy(), b.castAt(), state);
        return b.isChange() ? ApiResponse.ok(receipt) : ApiResponse.created(BASE + "/" + id, receipt);
    }

    private ApiResponse decide(ApiRequest r) {
        AdminDecision body = r.body(AdminDecision.class);
        Proposal p = governance.decideAsAdministrator(id(r), r.principal().username(), "approve".equals(body.outcome()),
                body.reason());
        return ApiResponse.ok(ProposalView.of(p, members::leiOf));
    }

    private static UUID id(ApiRequest r) {
        return ApiParameters.id(r, "id", "proposal");
    }
}
