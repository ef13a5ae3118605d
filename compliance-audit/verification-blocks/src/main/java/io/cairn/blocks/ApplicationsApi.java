package io.cairn.blocks;

import io.cairn.blocks.BlocksViews.ApplicationList;
import io.cairn.blocks.BlocksViews.ApplicationView;
import io.cairn.blocks.BlocksViews.MessageView;
import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.kernel.access.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applications and their messages under {@code /api/v1/applications}: define and read applications, submit
 * source-signed messages, read a message (with its payload for payload readers) and erase a payload.
 */
public final class ApplicationsApi implements ApiService {
    /** Who may read payloads of messages. */
    static final Set<Role> PAYLOAD_READERS = Set.of(Role.CONSORTIUM_ADMIN, Role.COMPLIANCE_OFFICER);
    /** Who may submit messages: member representatives, i.e. the member's application integrations. */
    static final Set<Role> SUBMITTERS = Set.of(Role.MEMBER);

    private final ApplicationRegistry registry;
    private final MessageIntake intake;
    private final MessageArchive archive;

    /**
     * Creates the API.
     *
     * @param registry applications
     * @param intake   message acceptance
     * @param archive  accepted messages and payloads
     */
    public ApplicationsApi(ApplicationRegistry registry, MessageIntake intake, MessageArchive archive) {
        this.registry = registry;
        this.intake = intake;
        this.archive = archive;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("POST", "/api/v1/applications", "defineApplication")
                        .summary("Define an application (immutable; defining the same one again answers it)")
                        .roles(Role.CONSORTIUM_ADMIN).request(ApplicationDefinition.class).status(201)
                        .response(ApplicationView.class).handler(this::define),
                Endpoint.of("GET", "/api/v1/applications", "listApplications")
                        .summary("Every application").roles(Role.ALL).response(ApplicationList.class)
                        .handler(r -> ApiResponse.ok(new ApplicationList(
                                registry.list().stream().map(ApplicationView::of).toList()))),
                Endpoint.of("GET", "/api/v1/applications/{app}", "getApplication")
                        .summary("One application").roles(Role.ALL).response(ApplicationView.class)
                        .handler(r -> ApiResponse.ok(ApplicationView.of(registry.require(r.path("app"))))),
                Endpoint.of("POST", "/api/v1/applications/{app}/messages", "submitApplicationMessage")
                        .summary("Submit a source-signed message; its digest is journaled and sealed into a block")
                        .roles(SUBMITTERS).request(MessageSubmission.class).status(201).response(MessageView.class)
                        .handler(this::submit),
                Endpoint.of("GET", "/api/v1/applications/{app}/messages/{id}", "getApplicationMessage")
                        .summary("An accepted message: metadata and digest (payload for payload readers)")
                        .roles(Role.ALL).response(MessageView.class).handler(this::message),
                Endpoint.of("DELETE", "/api/v1/applications/{app}/messages/{id}/payload", "eraseApplicationPayload")
                        .summary("Erase a message's payload and salt; the digest and every proof remain")
                        .roles(Role.CONSORTIUM_ADMIN).status(204).handler(this::erase));
    }

    private ApiResponse define(ApiRequest request) {
        ApplicationRegistry.Defined defined = registry.define(request.body(ApplicationDefinition.class),
                request.principal().userId());
        ApplicationView view = ApplicationView.of(defined.application());
        return defined.created() ? ApiResponse.created("/api/v1/applications/" + view.id(), view) : ApiResponse.ok(view);
    }

    private ApiResponse submit(ApiRequest request) {
        MessageIntake.Accepted accepted = intake.accept(request.path("app"), request.body(MessageSubmission.class),
                request.principal().userId());
        MessageView view = MessageView.of(accepted.message(), Optional.empty());
        return accepted.created()
                ? ApiResponse.created("/api/v1/applications/" + view.app() + "/messages/" + view.messageId(), view)
                : ApiResponse.ok(view);
    }

    private ApiResponse message(ApiRequest request) {
        String app = registry.require(request.path("app")).id();
        AcceptedMessage message = archive.message(app, request.path("id"));
        boolean mayRead = request.principal().mayUse(PAYLOAD_READERS);
        return ApiResponse.ok(MessageView.of(message,
                mayRead ? archive.payload(app, message.messageId()) : Optional.empty()));
    }

    private ApiResponse erase(ApiRequest request) {
        String app = registry.require(request.path("app")).id();
        archive.erase(app, request.path("id"), request.principal().userId());
        return ApiResponse.noContent();
    }
}
