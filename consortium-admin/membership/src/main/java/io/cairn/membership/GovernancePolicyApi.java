package io.cairn.membership;

import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.kernel.access.Role;
import io.cairn.membership.MembershipRequests.PolicyChange;
import io.cairn.membership.MembershipViews.PolicyHistory;
import io.cairn.membership.MembershipViews.PolicyView;
import io.cairn.membership.MembershipViews.ProposalView;
import java.util.List;

/** The {@code /api/v1/governance-policy} resource: the current policy, its versions, and proposed changes. */
public final class GovernancePolicyApi implements ApiService {
    private static final String BASE = "/api/v1/governance-policy";

    private final PolicyBook policies;
    private final Governance governance;
    private final MemberRegistry members;

    /** Creates the resource. */
    public GovernancePolicyApi(PolicyBook policies, Governance governance, MemberRegistry members) {
        this.policies = policies;
        this.governance = governance;
        this.members = members;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", BASE, "getGovernancePolicy").summary("The current governance policy")
                        .roles(MembersApi.READERS).response(PolicyView.class).handler(r -> {
                            governance.settleDue();
                            return ApiResponse.ok(PolicyView.of(policies.current()));
                        }),
                Endpoint.of("GET", BASE + "/history", "getGovernancePolicyHistory")
                        .summary("Every version of the governance policy, oldest first")
                        .roles(MembersApi.READERS).response(PolicyHistory.class).handler(r -> {
                            governance.settleDue();
                            return ApiResponse.ok(new PolicyHistory(policies.history().stream().map(PolicyView::of)
                                    .toList()));
                        }),
                Endpoint.of("POST", BASE + "/proposals", "proposePolicyChange")
                        .summary("Propose new policy terms; voted under the current policy, applies to later proposals")
                        .roles(Role.CONSORTIUM_ADMIN).request(PolicyChange.class).response(ProposalView.class).status(201)
                        .handler(this::propose));
    }

    private ApiResponse propose(ApiRequest r) {
        PolicyChange body = r.body(PolicyChange.class);
        Proposal p = governance.proposePolicy(body.terms(), r.principal().username(), body.motivation());
        return ApiResponse.created("/api/v1/votes/" + p.id(), ProposalView.of(p, members::leiOf));
    }
}
