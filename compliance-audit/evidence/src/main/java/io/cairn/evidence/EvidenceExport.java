package io.cairn.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One planned evidence bundle: its scope, the checkpoints, entries and blocks it holds, ready to be written.
 */
public final class EvidenceExport {
    private final ExportPlan plan;

    EvidenceExport(ExportPlan plan) {
        this.plan = plan;
    }

    /** The scope. */
    public EvidenceScope scope() {
        return plan.scope();
    }

    /** The number of journal entries in the bundle. */
    public int entryCount() {
        return plan.leafIndexes().length;
    }

    /** The number of verification blocks in the bundle. */
    public int blockCount() {
        return plan.blockRecords().size();
    }

    /** The file name a download should suggest, e.g. {@code evidence-payments-20261121T000000Z.zip}. */
    public String fileName() {
        EvidenceScope scope = plan.scope();
        return "evidence-" + scope.app() + "-" + scope.from().toString().replace(":", "").replace("-", "") + ".zip";
    }

    /**
     * Streams the bundle.
     *
     * @param out where the zip goes; not closed
     * @throws IOException when writing fails
     */
    public void writeTo(OutputStream out) throws IOException {
        new BundleWriter(plan).write(out);
    }

    /**
     * Writes the bundle to a file.
     *
     * @param file the zip file to create or replace
     * @throws IOException when writing fails
     */
    public void writeTo(Path file) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            writeTo(out);
        }
    }
}
