package io.cairn.http;

/** Serves one endpoint; throws {@link io.cairn.kernel.CairnException} for anything the caller should see. */
@FunctionalInterface
public interface EndpointHandler {
    /**
     * Serves an authenticated, authorised request.
     *
     * @param request the request
     * @return the answer
     */
    ApiResponse handle(ApiRequest request);
}
