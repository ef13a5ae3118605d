package io.cairn.evidence;

import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.BinaryBody;
import io.cairn.http.Endpoint;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import java.io.BufferedOutputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/evidence?app=&from=&to=&redacted=}: the evidence bundle of an application and time
 * window, as {@code application/zip} (roles auditor and consortium-admin). Refusals (bad parameters, a scope
 * over {@code evidence.max-entries}, a scope not yet checkpointed) are problems before any byte is sent.
 */
public final class EvidenceApi implements ApiService {
    private final EvidenceExporter exporter;

    /**
     * Creates the API.
     *
     * @param exporter the exporter
     */
    public EvidenceApi(EvidenceExporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.of("GET", "/api/v1/evidence", "exportEvidence")
                .summary("Evidence bundle (application/zip, cairn-evidence/v1) of an application's journal entries,"
                        + " checkpoints, proofs, verification blocks and anchors in [from, to)")
                .roles(Role.AUDITOR, Role.CONSORTIUM_ADMIN).query("app", "from", "to", "redacted")
                .response(BinaryBody.class).handler(this::export));
    }

    private ApiResponse export(ApiRequest request) {
        String app = request.query("app").orElseThrow(() -> missing("app"));
        EvidenceScope scope = new EvidenceScope(app, instant(request, "from"), instant(request, "to"),
                redacted(request));
        EvidenceExport export = exporter.plan(scope);
        return ApiResponse.binary("application/zip", Map.of("Content-Disposition",
                "attachment; filename=\"" + export.fileName() + "\""), out -> {
                    BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
                    export.writeTo(buffered);
                    buffered.flush();
                });
    }

    private static Instant instant(ApiRequest request, String name) {
        String raw = request.query(name).orElseThrow(() -> missing(name));
        try {
            return Instant.parse(raw);
        } catch (DateTimeException e) {
            throw CairnException.field(ErrorCode.API_INVALID_PARAMETER, name,
                    "'" + name + "' must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z");
        }
    }

    private static boolean redacted(ApiRequest request) {
        String raw = request.query("redacted").orElse("false");
        if (!raw.equals("true") && !raw.equals("false")) {
            throw CairnException.field(ErrorCode.API_INVALID_PARAMETER, "redacted", "'redacted' must be true or false");
        }
        return Boolean.parseBoolean(raw);
    }

    private static CairnException missing(String name) {
        return CairnException.field(ErrorCode.API_INVALID_PARAMETER, name, "query parameter '" + name + "' is required");
    }
}
