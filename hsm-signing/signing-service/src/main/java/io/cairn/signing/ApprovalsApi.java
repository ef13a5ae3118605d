package io.cairn.signing;

import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import io.cairn.signing.ApiViews.SigningRequestList;
import io.cairn.signing.ApiViews.SigningRequestView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code /api/v1/approvals} and {@code /api/v1/signing-requests} resources. Approving and rejecting are
 * open to every role that can hold an approver role; the request's own rules (role, not the requester, one
 * decision per user) decide.
 */
final class ApprovalsApi implements ApiService {
    private static final Set<Role> READERS = Set.of(Role.CONSORTIUM_ADMIN, Role.OPERATOR, Role.AUDITOR);
    private static final Set<Role> DECIDERS = Set.of(Role.CONSORTIUM_ADMIN, Role.OPERATOR, Role.COMPLIANCE_OFFICER);
    private final SigningService service;

    ApprovalsApi(SigningService service) {
        this.service = service;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/v1/approvals", "listApprovals")
                        .summary("List signing and destruction requests (default: pending), newest first")
                        .roles(READERS).query("state", "limit").response(SigningRequestList.class).handler(this::list),
                Endpoint.of("POST", "/api/v1/approvals/{id}/approve", "approveRequest")
                        .summary("Approve a pending request; the m-th approval produces the signature")
                        .roles(DECIDERS).response(SigningRequestView.class)
                        .handler(r -> KeysApi.answer(service.approvals().approve(id(r), r.principal()))),
                Endpoint.of("POST", "/api/v1/approvals/{id}/reject", "rejectRequest")
                        .summary("Reject a pending request").roles(DECIDERS).response(SigningRequestView.class)
                        .handler(r -> ApiResponse.ok(SigningRequestView.of(service.approvals().reject(id(r), r.principal())))),
                Endpoint.of("GET", "/api/v1/signing-requests/{id}", "getSigningRequest")
                        .summary("Show a request and, once signed, its signature").roles(READERS)
                        .response(SigningRequestView.class)
                        .handler(r -> ApiResponse.ok(SigningRequestView.of(service.request(id(r))))));
    }

    private ApiResponse list(ApiRequest r) {
        Optional<RequestState> state = Optional.of(r.query("state").orElse("pending")).filter(s -> !s.equals("all"))
                .map(ApprovalsApi::state);
        int limit = r.queryInt("limit", 100, 1, 1000);
        return ApiResponse.ok(new SigningRequestList(service.approvals().list(state, limit).stream().map(SigningRequestView::of).toList()));
    }

    private static RequestState state(String label) {
        return Arrays.stream(RequestState.values()).filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> CairnException.field(ErrorCode.API_INVALID_PARAMETER, "state",
                        "state is all, pending, approved, signed, completed, rejected or expired"));
    }

    private static UUID id(ApiRequest r) {
        try {
            return UUID.fromString(r.path("id"));
        } catch (IllegalArgumentException e) {
            throw new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND, "no signing request " + r.path("id"));
        }
    }
}
