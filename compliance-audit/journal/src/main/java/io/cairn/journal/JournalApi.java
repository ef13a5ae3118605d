package io.cairn.journal;

import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.journal.JournalViews.CheckpointList;
import io.cairn.journal.JournalViews.CheckpointView;
import io.cairn.journal.JournalViews.ConsistencyProofView;
import io.cairn.journal.JournalViews.EntryView;
import io.cairn.journal.JournalViews.InclusionProofView;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The journal's HTTP resources under {@code /api/v1/journal}: checkpoints, entries, proofs and the audit. */
public final class JournalApi implements ApiService {
    /** Who may read the journal. */
    static final Set<Role> READERS = Set.of(Role.AUDITOR, Role.COMPLIANCE_OFFICER, Role.CONSORTIUM_ADMIN, Role.OPERATOR);

    private final PostgresJournal journal;
    private final CheckpointLog checkpoints;
    private final JournalProofs proofs;
    private final JournalAudit audit;

    /**
     * Creates the API.
     *
     * @param journal     the journal
     * @param checkpoints its checkpoints
     * @param proofs      its proofs
     * @param audit       its tamper audit
     */
    public JournalApi(PostgresJournal journal, CheckpointLog checkpoints, JournalProofs proofs, JournalAudit audit) {
        this.journal = journal;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.audit = audit;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/v1/journal/checkpoints", "listJournalCheckpoints")
                        .summary("The latest checkpoint and the newest checkpoints (limit, default 100)")
                        .roles(READERS).query("limit").response(CheckpointList.class).handler(this::list),
                Endpoint.of("POST", "/api/v1/journal/checkpoints", "createJournalCheckpoint")
                        .summary("Sign a checkpoint of the journal now (returns the latest when nothing was added)")
                        .roles(Role.OPERATOR, Role.CONSORTIUM_ADMIN).status(201).response(CheckpointView.class)
                        .handler(this::create),
                Endpoint.of("GET", "/api/v1/journal/entries/{index}", "getJournalEntry")
                        .summary("One journal entry with its canonical bytes and decoded event")
                        .roles(READERS).response(EntryView.class).handler(this::entry),
                Endpoint.of("GET", "/api/v1/journal/entries/{index}/inclusion-proof", "getJournalInclusionProof")
                        .summary("Inclusion proof of an entry (proof file format) against a tree size")
                        .roles(READERS).query("treeSize").response(InclusionProofView.class).handler(this::inclusion),
                Endpoint.of("GET", "/api/v1/journal/consistency-proof", "getJournalConsistencyProof")
                        .summary("Consistency proof between two tree sizes (proof file format)")
                        .roles(READERS).query("from", "to").response(ConsistencyProofView.class)
                        .handler(this::consistency),
                Endpoint.of("GET", "/api/v1/journal/audit", "getJournalAudit")
                        .summary("Result of the latest tamper audit (runs one when none has run yet)")
                        .roles(READERS).response(AuditReport.class).handler(this::auditReport));
    }

    private ApiResponse list(ApiRequest request) {
        int limit = request.queryInt("limit", 100, 1, 1000);
        List<CheckpointView> views = checkpoints.list(limit).stream().map(CheckpointView::of).toList();
        return ApiResponse.ok(new CheckpointList(journal.size(), views.stream().findFirst(), views));
    }

    private ApiResponse create(ApiRequest request) {
        Checkpoint checkpoint = checkpoints.create();
        return ApiResponse.created("/api/v1/journal/checkpoints?size=" + checkpoint.treeSize(),
                CheckpointView.of(checkpoint));
    }

    private ApiResponse entry(ApiRequest request) {
        long index = longValue("index", Optional.of(request.path("index"))).orElseThrow();
        JournalEntry entry = journal.entry(index).orElseThrow(() -> new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND,
                "the journal has no entry " + index));
        return ApiResponse.ok(EntryView.of(entry));
    }

    private ApiResponse inclusion(ApiRequest request) {
        long index = longValue("index", Optional.of(request.path("index"))).orElseThrow();
        Optional<Long> treeSize = longValue("treeSize", request.query("treeSize"));
        return ApiResponse.ok(InclusionProofView.of(proofs.inclusion(index, treeSize)));
    }

    private ApiResponse consistency(ApiRequest request) {
        long from = required("from", request);
        long to = required("to", request);
        return ApiResponse.ok(ConsistencyProofView.of(proofs.consistency(from, to)));
    }

    private ApiResponse auditReport(ApiRequest request) {
        return ApiResponse.ok(audit.latest().orElseGet(audit::run));
    }

    private static long required(String name, ApiRequest request) {
        return longValue(name, request.query(name)).orElseThrow(() -> CairnException.field(
                ErrorCode.API_INVALID_PARAMETER, name, "query parameter '" + name + "' is required"));
    }

    private static Optional<Long> longValue(String name, Optional<String> raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            throw CairnException.field(ErrorCode.API_INVALID_PARAMETER, name,
                    "'" + name + "' must be a non-negative whole number");
        }
    }
}
