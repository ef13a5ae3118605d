package io.cairn.http;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.logging.LogContext;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatchers;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Serves the declared endpoints through Helidon. For every call, in order: a request id, a server span,
 * authentication (nothing is public under {@code /api}), the role check, the handler, and a JSON or
 * problem+json answer. Unmatched paths get 404 and known paths with another method 405, both as problems.
 */
public final class ApiRouter {
    private static final Logger LOG = Logger.getLogger(ApiRouter.class.getName());
    /** One line per API request; tune or silence it through the level of {@code io.cairn.http.access}. */
    private static final Logger ACCESS = Logger.getLogger("io.cairn.http.access");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final List<Endpoint> endpoints;
    private final Authenticator authenticator;
    private final HttpSettings settings;
    private final Observability observability;
    private final List<FailureTranslator> translators;
    private final Tracer tracer;
    private final RequestBodies bodies;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /**
     * Creates the router.
     *
     * @param services      every API resource
     * @param authenticator checks credentials
     * @param settings      listener settings (body limit, Retry-After)
     * @param observability meters and tracing
     * @param translators   recognisers of known failures (e.g. lost database)
     */
    public ApiRouter(List<ApiService> services, Authenticator authenticator, HttpSettings settings,
                     Observability observability, List<FailureTranslator> translators) {
        List<Endpoint> all = new ArrayList<>();
        services.forEach(s -> all.addAll(s.endpoints()));
        this.endpoints = List.copyOf(all);
        this.authenticator = authenticator;
        this.settings = settings;
        this.observability = observability;
        this.translators = List.copyOf(translators);
        this.tracer = observability.openTelemetry().getTracer("io.cairn.http");
        this.bodies = new RequestBodies(settings.maxBodySize());
        EndpointCatalogue.checkUnique(endpoints);
    }

    /** Every endpoint served, for the OpenAPI description and tests. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Adds the endpoints, then the 404/405 fallback, to a routing. Register other routes before this. */
    public void register(HttpRouting.Builder routing) {
        for (Endpoint endpoint : endpoints) {
            routing.route(Method.create(endpoint.method()), endpoint.path(), (req, res) -> serve(endpoint, req, res));
        }
        routing.route(method -> true, PathMatchers.any(), this::fallback);
    }

    private void serve(Endpoint endpoint, ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        String requestId = requestId(req);
        Span span = startSpan(endpoint, req);
        int status = 500;
        Scope scope = span.makeCurrent();
        try {
            bindLogContext(requestId, span);
            res.header(HeaderNames.create("X-Request-Id"), requestId);
            status = respond(endpoint, req, res, requestId);
        } finally {
            scope.close();
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
            record(endpoint.method(), endpoint.path(), status, start);
            int finalStatus = status;
            ACCESS.info(() -> endpoint.method() + " " + req.path().path() + " " + finalStatus + " "
                    + (System.nanoTime() - start) / 1_000_000 + "ms");
            LogContext.clear();
        }
    }

    private int respond(Endpoint endpoint, ServerRequest req, ServerResponse res, String requestId) {
        String instance = req.path().path();
        try {
            Principal principal = authenticate(req);
            LogContext.put("user", principal.username());
            authorise(endpoint, principal);
            ApiRequest request = new ApiRequest(principal, requestId, req.path().pathParameters().toMap().entrySet()
                    .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0))),
                    query(req), () -> bodies.read(endpoint, req));
            ApiResponse answer = endpoint.handler().handle(request);
            return Answers.send(res, answer);
        } catch (CairnException e) {
            return problem(res, e, instance, requestId);
        } catch (RuntimeException e) {
            return problem(res, translate(e, requestId), instance, requestId);
        }
    }

    private CairnException translate(RuntimeException failure, String requestId) {
        for (FailureTranslator translator : translators) {
            Optional<CairnException> known = translator.translate(failure);
            if (known.isPresent()) {
                LOG.log(Level.WARNING, "request " + requestId + ": " + known.get().getMessage(), failure);
                return known.get();
            }
        }
        LOG.log(Level.SEVERE, "request " + requestId + " failed", failure);
        return new CairnException(ErrorCode.SYS_INTERNAL,
                "An unexpected error occurred; the server log has details under request id " + requestId + ".");
    }

    private Principal authenticate(ServerRequest req) {
        Credentials credentials = CredentialsReader.read(req);
        if (credentials.isEmpty()) {
            throw new CairnException(ErrorCode.AUTH_MISSING_CREDENTIALS,
                    "This endpoint requires authentication: send 'Authorization: Bearer <token>' or a client certificate.");
        }
        return authenticator.authenticate(credentials);
    }

    private static void authorise(Endpoint endpoint, Principal principal) {
        if (principal.mayUse(endpoint.roles())) {
            return;
        }
        List<String> allowed = endpoint.roles().stream().map(r -> r.label()).sorted().toList();
        boolean heldButOutOfScope = principal.roles().stream().anyMatch(endpoint.roles()::contains);
        if (heldButOutOfScope) {
            throw new CairnException(ErrorCode.AUTH_SCOPE_INSUFFICIENT,
                    "The token used is not scoped for this endpoint; it needs one of the roles " + allowed + ".");
        }
        throw new CairnException(ErrorCode.AUTH_FORBIDDEN,
                "This endpoint requires one of the roles " + allowed + ".");
    }

    private void fallback(ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        String requestId = requestId(req);
        res.header(HeaderNames.create("X-Request-Id"), requestId);
        String path = req.path().path();
        List<String> allowed = EndpointCatalogue.methodsFor(endpoints, path);
        CairnException failure;
        if (allowed.isEmpty()) {
            failure = new CairnException(ErrorCode.API_ROUTE_NOT_FOUND, "No endpoint answers " + path + ".");
        } else {
            res.header(HeaderNames.ALLOW, String.join(", ", allowed));
            failure = new CairnException(ErrorCode.API_METHOD_NOT_ALLOWED, path + " accepts " + allowed + ", not "
                    + req.prologue().method().text() + ".");
        }
        int status = problem(res, failure, path, requestId);
        record(req.prologue().method().text(), "unmatched", status, start);
    }

    private int problem(ServerResponse res, CairnException failure, String instance, String requestId) {
        ErrorCode error = failure.error();
        if (error.httpStatus() == 503) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, settings.retryAfter().toSeconds())));
        }
        if (error.httpStatus() == 401) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"cairn\"");
        }
        res.status(Status.create(error.httpStatus()));
        res.header(HeaderNames.CONTENT_TYPE, Problems.MEDIA_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(Json.write(Problems.body(failure, instance, requestId)));
        return error.httpStatus();
    }

    private Span startSpan(Endpoint endpoint, ServerRequest req) {
        Context parent = observability.openTelemetry().getPropagators().getTextMapPropagator()
                .extract(Context.root(), req, HeaderCarrier.INSTANCE);
        return tracer.spanBuilder(endpoint.method() + " " + endpoint.path())
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", endpoint.method())
                .setAttribute("http.route", endpoint.path())
                .startSpan();
    }

    private static void bindLogContext(String requestId, Span span) {
        LogContext.put("requestId", requestId);
        if (span.getSpanContext().isValid()) {
            LogContext.put("traceId", span.getSpanContext().getTraceId());
            LogContext.put("spanId", span.getSpanContext().getSpanId());
        }
    }

    /** Records a request's duration; each (method, route, status) timer is registered once, on first use. */
    private void record(String method, String route, int status, long start) {
        timers.computeIfAbsent(method + " " + route + " " + status, key -> Timer.builder("cairn.http.server.requests")
                        .description("API requests by route and status")
                        .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                        .register(observability.meters()))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private static String requestId(ServerRequest req) {
        return req.headers().first(HeaderNames.create("X-Request-Id"))
                .filter(id -> REQUEST_ID.matcher(id).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    private static Map<String, String> query(ServerRequest req) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String name : req.query().names()) {
            values.put(name, req.query().get(name));
        }
        return values;
    }
}
