package io.cairn.membership;

import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.kernel.access.Role;
import io.cairn.membership.MembershipRequests.OverrideEvidence;
import io.cairn.membership.MembershipViews.PlanList;
import io.cairn.membership.MembershipViews.PlanView;
import io.cairn.membership.MembershipViews.StepView;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Ledger provisioning plans: an application's admission plan under {@code /api/v1/onboarding/applications/{id}/
 * provisioning}, and every plan of a member (admission, suspension, reinstatement, removal) under
 * {@code /api/v1/members/{lei}/provisioning}; administrators override or retry a step through either.
 */
final class ProvisioningApi implements ApiService {
    private static final String APPLICATION = "/api/v1/onboarding/applications/{id}/provisioning";
    private static final String MEMBER = "/api/v1/members/{lei}/provisioning";

    private final Provisioning provisioning;

    ProvisioningApi(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>(List.of(
                Endpoint.of("GET", APPLICATION, "getApplicationProvisioning")
                        .summary("Show the ledger provisioning plan of an approved application, with step statuses")
                        .roles(MembersApi.READERS).response(PlanView.class)
                        .handler(r -> ApiResponse.ok(PlanView.of(provisioning.applicationPlan(application(r))))),
                Endpoint.of("GET", MEMBER, "listMemberProvisioning")
                        .summary("Every ledger provisioning plan of a member, oldest first")
                        .roles(MembersApi.READERS).response(PlanList.class).handler(r -> ApiResponse.ok(new PlanList(
                                ApiParameters.lei(r).value(), provisioning.memberPlans(ApiParameters.lei(r)).stream()
                                .map(PlanView::of).toList())))));
        endpoints.addAll(stepEndpoints(APPLICATION, "Application", ProvisioningApi::application));
        endpoints.addAll(stepEndpoints(MEMBER, "Member", this::member));
        return List.copyOf(endpoints);
    }

    private List<Endpoint> stepEndpoints(String base, String owner, Function<ApiRequest, UUID> ownerId) {
        return List.of(
                Endpoint.of("POST", base + "/{step}/override", "override" + owner + "ProvisioningStep")
                        .summary("Declare a pending, failed or manual step done, with a reason and evidence")
                        .roles(Role.CONSORTIUM_ADMIN).request(OverrideEvidence.class).response(StepView.class)
                        .handler(r -> override(r, ownerId)),
                Endpoint.of("POST", base + "/{step}/retry", "retry" + owner + "ProvisioningStep")
                        .summary("Make a failed or manual step pending again").roles(Role.CONSORTIUM_ADMIN)
                        .response(StepView.class).handler(r -> retry(r, ownerId)));
    }

    private ApiResponse override(ApiRequest r, Function<ApiRequest, UUID> owner) {
        OverrideEvidence body = r.body(OverrideEvidence.class);
        return ApiResponse.ok(StepView.of(provisioning.override(owner.apply(r), step(r), r.principal().username(),
                body.reason(), body.reference())));
    }

    private ApiResponse retry(ApiRequest r, Function<ApiRequest, UUID> owner) {
        return ApiResponse.ok(StepView.of(provisioning.retry(owner.apply(r), step(r), r.principal().username())));
    }

    private static UUID application(ApiRequest r) {
        return ApiParameters.id(r, "id", "application");
    }

    private UUID member(ApiRequest r) {
        return provisioning.memberId(ApiParameters.lei(r));
    }

    private static UUID step(ApiRequest r) {
        return ApiParameters.id(r, "step", "provisioning step");
    }
}
