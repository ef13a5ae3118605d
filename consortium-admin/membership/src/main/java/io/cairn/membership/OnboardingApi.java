package io.cairn.membership;

import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.kernel.access.Role;
import io.cairn.membership.MembershipRequests.NewApplication;
import io.cairn.membership.MembershipRequests.Rejection;
import io.cairn.membership.MembershipRequests.Tick;
import io.cairn.membership.MembershipViews.ApplicationPage;
import io.cairn.membership.MembershipViews.ApplicationView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code /api/v1/onboarding/applications} resource: the onboarding workflow. */
public final class OnboardingApi implements ApiService {
    private static final String BASE = "/api/v1/onboarding/applications";

    private final Onboarding onboarding;

    /** Creates the resource. */
    public OnboardingApi(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("POST", BASE, "submitMembershipApplication")
                        .summary("Apply for membership: organisation data, ledger identities and a PEM CSR")
                        .roles(Role.CONSORTIUM_ADMIN, Role.MEMBER).request(NewApplication.class)
                        .response(ApplicationView.class).status(201).handler(this::submit),
                Endpoint.of("GET", BASE, "listMembershipApplications").summary("List applications, newest first")
                        .roles(MembersApi.READERS).query("state", "offset", "limit").response(ApplicationPage.class)
                        .handler(this::list),
                Endpoint.of("GET", BASE + "/{id}", "getMembershipApplication").summary("Show an application and its checklist")
                        .roles(MembersApi.READERS).response(ApplicationView.class)
                        .handler(r -> ApiResponse.ok(ApplicationView.of(onboarding.get(id(r))))),
                Endpoint.of("POST", BASE + "/{id}/checklist/{item}", "tickChecklistItem")
                        .summary("Tick a due-diligence item with its evidence")
                        .roles(Role.CONSORTIUM_ADMIN).request(Tick.class).response(ApplicationView.class)
                        .handler(this::tick),
                Endpoint.of("POST", BASE + "/{id}/vote", "openAdmissionVote")
                        .summary("Open the admission vote once the checklist is complete")
                        .roles(Role.CONSORTIUM_ADMIN).response(ApplicationView.class)
                        .handler(r -> ApiResponse.ok(ApplicationView.of(onboarding.openVote(id(r),
                                r.principal().username())))),
                Endpoint.of("POST", BASE + "/{id}/rejection", "rejectMembershipApplication")
                        .summary("Reject an application during due diligence, with reasons")
                        .roles(Role.CONSORTIUM_ADMIN).request(Rejection.class).response(ApplicationView.class)
                        .handler(r -> ApiResponse.ok(ApplicationView.of(onboarding.reject(id(r),
                                r.principal().username(), r.body(Rejection.class).reasons())))));
    }

    private ApiResponse submit(ApiRequest r) {
        NewApplication body = r.body(NewApplication.class);
        Application application = onboarding.submit(body.profile(), body.certificateRequest(), r.principal().username());
        return ApiResponse.created(BASE + "/" + application.id(), ApplicationView.of(application));
    }

    private ApiResponse list(ApiRequest r) {
        Optional<ApplicationState> state = ApiParameters.choice(r, "state",
                s -> Arrays.stream(ApplicationState.values()).filter(v -> v.label().equals(s)).findFirst(),
                "due-diligence, voting, approved-pending-provisioning, provisioned, rejected");
        int offset = ApiParameters.offset(r);
        int limit = ApiParameters.limit(r);
        return ApiResponse.ok(new ApplicationPage(onboarding.list(state, offset, limit).stream()
                .map(ApplicationView::of).toList(), offset, limit));
    }

    private ApiResponse tick(ApiRequest r) {
        Tick body = r.body(Tick.class);
        return ApiResponse.ok(ApplicationView.of(onboarding.tick(id(r), r.path("item"), r.principal().username(),
                body.evidence(), body.reference())));
    }

    private static UUID id(ApiRequest r) {
        return ApiParameters.id(r, "id", "application");
    }
}
