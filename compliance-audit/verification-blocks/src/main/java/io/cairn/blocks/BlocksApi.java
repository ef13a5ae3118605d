package io.cairn.blocks;

import io.cairn.blocks.BlocksViews.BlockList;
import io.cairn.blocks.BlocksViews.BlockView;
import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import java.util.List;
import java.util.Optional;

/**
 * Verification blocks of an application and inclusion proofs of its messages, under
 * {@code /api/v1/applications/{app}}. Bodies hold hashes only, never payloads.
 */
public final class BlocksApi implements ApiService {
    private final ApplicationRegistry registry;
    private final VerificationBlocks blocks;

    /**
     * Creates the API.
     *
     * @param registry applications
     * @param blocks   the read side of blocks
     */
    public BlocksApi(ApplicationRegistry registry, VerificationBlocks blocks) {
        this.registry = registry;
        this.blocks = blocks;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/v1/applications/{app}/blocks", "listVerificationBlocks")
                        .summary("Verification blocks of an application from a sequence number (from, limit <= 1000)")
                        .roles(Role.ALL).query("from", "limit").response(BlockList.class).handler(this::list),
                Endpoint.of("GET", "/api/v1/applications/{app}/blocks/{seq}", "getVerificationBlock")
                        .summary("One verification block with its status and anchors per ledger")
                        .roles(Role.ALL).response(BlockView.class).handler(this::block),
                Endpoint.of("GET", "/api/v1/applications/{app}/messages/{id}/proof", "getMessageInclusionProof")
                        .summary("Inclusion proof of a message in its verification block")
                        .roles(Role.ALL).response(MessageProof.class)
                        .handler(r -> ApiResponse.ok(blocks.proof(registry.require(r.path("app")).id(), r.path("id")))));
    }

    private ApiResponse list(ApiRequest request) {
        String app = registry.require(request.path("app")).id();
        long from = nonNegative("from", request.query("from").orElse("0"));
        int limit = request.queryInt("limit", 100, 1, 1000);
        List<BlockView> page = blocks.page(app, from, limit).stream().map(b -> BlockView.of(b, Optional.empty())).toList();
        Optional<Long> next = page.size() == limit ? Optional.of(page.getLast().seq() + 1) : Optional.empty();
        return ApiResponse.ok(new BlockList(page, next));
    }

    private ApiResponse block(ApiRequest request) {
        String app = registry.require(request.path("app")).id();
        long seq = nonNegative("seq", request.path("seq"));
        VerificationBlock block = blocks.require(app, seq);
        return ApiResponse.ok(BlockView.of(block, Optional.of(blocks.anchors(app, seq))));
    }

    private static long nonNegative(String name, String raw) {
        try {
            long value = Long.parseLong(raw);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CairnException.field(ErrorCode.API_INVALID_PARAMETER, name, "'" + name + "' must be a non-negative whole number");
    }
}
