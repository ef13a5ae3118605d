package io.cairn.membership;

import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.kernel.access.Role;
import io.cairn.membership.MembershipRequests.NewCertificate;
import io.cairn.membership.MembershipRequests.NewMember;
import io.cairn.membership.MembershipRequests.NewRepresentative;
import io.cairn.membership.MembershipViews.JurisdictionList;
import io.cairn.membership.MembershipViews.MemberHistory;
import io.cairn.membership.MembershipViews.MemberPage;
import io.cairn.membership.MembershipViews.MemberView;
import io.cairn.membership.MembershipViews.RepresentativeList;
import io.cairn.membership.MembershipViews.RepresentativeView;
import io.cairn.membership.MembershipViews.StatusChangeView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code /api/v1/members} resource: member organisations, their history and representatives, and issuing a
 * certificate to an active member (the consortium CA module serves the list of a member's certificates).
 */
public final class MembersApi implements ApiService {
    /** Roles that may read membership data. */
    static final Set<Role> READERS = Set.of(Role.CONSORTIUM_ADMIN, Role.AUDITOR, Role.COMPLIANCE_OFFICER, Role.MEMBER);

    private final MemberRegistry members;
    private final Representatives representatives;
    private final Roster roster;

    /** Creates the resource. */
    public MembersApi(MemberRegistry members, Representatives representatives, Roster roster) {
        this.members = members;
        this.representatives = representatives;
        this.roster = roster;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/v1/members", "listMembers")
                        .summary("List member organisations (and applicants), optionally by status")
                        .roles(READERS).query("status", "offset", "limit").response(MemberPage.class).handler(this::list),
                Endpoint.of("POST", "/api/v1/members", "createFoundingMember")
                        .summary("Create a founding member, active at once (only before the first proposal)")
                        .roles(Role.CONSORTIUM_ADMIN).request(NewMember.class).response(MemberView.class).status(201)
                        .handler(this::found),
                Endpoint.of("GET", "/api/v1/members/{lei}", "getMember").summary("Show a member organisation")
                        .roles(READERS).response(MemberView.class)
                        .handler(r -> ApiResponse.ok(MemberView.of(members.require(ApiParameters.lei(r))))),
                Endpoint.of("GET", "/api/v1/members/{lei}/history", "getMemberHistory")
                        .summary("Every status the member had: who changed it, when and why")
                        .roles(READERS).response(MemberHistory.class).handler(this::history),
                Endpoint.of("GET", "/api/v1/members/{lei}/representatives", "listRepresentatives")
                        .summary("Users who vote for the member organisation")
                        .roles(READERS).response(RepresentativeList.class).handler(this::representatives),
                Endpoint.of("POST", "/api/v1/members/{lei}/representatives", "designateRepresentative")
                        .summary("Designate a user with the member role to vote for the organisation")
                        .roles(Role.CONSORTIUM_ADMIN).request(NewRepresentative.class)
                        .response(RepresentativeView.class).status(201).handler(this::designate),
                Endpoint.of("DELETE", "/api/v1/members/{lei}/representatives/{username}", "revokeRepresentative")
                        .summary("End a user's designation; ballots already cast stay counted")
                        .roles(Role.CONSORTIUM_ADMIN).status(204).handler(r -> {
                            roster.revoke(ApiParameters.lei(r), r.path("username"), r.principal().username());
                            return ApiResponse.noContent();
                        }),
                Endpoint.of("POST", "/api/v1/members/{lei}/certificates", "issueMemberCertificate")
                        .summary("Issue a certificate from the consortium CA to an active member (founding members, renewals)")
                        .roles(Role.CONSORTIUM_ADMIN).request(NewCertificate.class).response(MemberCertificate.class)
                        .status(201).handler(this::certify),
                Endpoint.of("GET", "/api/v1/jurisdictions", "listJurisdictions")
                        .summary("The ISO 3166-1 alpha-2 codes accepted as jurisdictions")
                        .roles(READERS).response(JurisdictionList.class)
                        .handler(r -> ApiResponse.ok(new JurisdictionList(Jurisdictions.all()))));
    }

    private ApiResponse list(ApiRequest r) {
        Optional<MemberStatus> status = ApiParameters.choice(r, "status",
                s -> Arrays.stream(MemberStatus.values()).filter(v -> v.label().equals(s)).findFirst(),
                "applicant, active, suspended, removed");
        int offset = ApiParameters.offset(r);
        int limit = ApiParameters.limit(r);
        return ApiResponse.ok(new MemberPage(members.list(status, offset, limit).stream().map(MemberView::of).toList(),
                offset, limit));
    }

    private ApiResponse found(ApiRequest r) {
        Member member = roster.found(r.body(NewMember.class).profile(), r.principal().username());
        return ApiResponse.created("/api/v1/members/" + member.lei(), MemberView.of(member));
    }

    private ApiResponse history(ApiRequest r) {
        Member member = members.require(ApiParameters.lei(r));
        return ApiResponse.ok(new MemberHistory(member.lei().value(), member.status().label(),
                members.history(member).stream().map(StatusChangeView::of).toList()));
    }

    private ApiResponse representatives(ApiRequest r) {
        Member member = members.require(ApiParameters.lei(r));
        return ApiResponse.ok(new RepresentativeList(member.lei().value(), representatives.of(member).stream()
                .map(x -> new RepresentativeView(x.username(), member.lei().value(), x.designatedBy(), x.designatedAt()))
                .toList()));
    }

    private ApiResponse certify(ApiRequest r) {
        Lei lei = ApiParameters.lei(r);
        MemberCertificate issued = roster.certify(lei, r.body(NewCertificate.class).certificateRequest(),
                r.principal().username());
        return ApiResponse.created("/api/v1/members/" + lei + "/certificates", issued);
    }

    private ApiResponse designate(ApiRequest r) {
        Lei lei = ApiParameters.lei(r);
        Representative rep = roster.designate(lei, r.body(NewRepresentative.class).username(), r.principal().username());
        return ApiResponse.created("/api/v1/members/" + lei + "/representatives",
                new RepresentativeView(rep.username(), lei.value(), rep.designatedBy(), rep.designatedAt()));
    }
}
