package io.cairn.appliance.cli;

import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn audit export}: downloads an evidence bundle from a running appliance into a file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {
            "Download the evidence bundle (cairn-evidence/v1) of an application and time window"
                + " (GET /api/v1/evidence; roles auditor or consortium-admin) into --output.",
            "Check it afterwards, anywhere, with 'cairn audit verify FILE'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the bundle was written",
            "1:the appliance refused or failed (the problem code is printed)",
            "2:the arguments are wrong"})
final class AuditExportCommand extends UsersCommand.ApiCommand {
    @Option(names = "--app", required = true, paramLabel = "APP", description = "Application id.")
    String app;

    @Option(names = "--from", required = true, paramLabel = "INSTANT",
            description = "Start of the window (inclusive), ISO-8601 UTC, e.g. 2026-11-01T00:00:00Z.")
    Instant from;

    @Option(names = "--to", required = true, paramLabel = "INSTANT", description = "End of the window (exclusive).")
    Instant to;

    @Option(names = "--redacted", description = "Give journal entries as leaf hashes only (except the block-sealed"
            + " entries that link blocks to the journal).")
    boolean redacted;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Where to write the zip.")
    Path output;

    @Override
    public Integer call() {
        long bytes = client().download("/api/v1/evidence?app=" + app + "&from=" + from + "&to=" + to + "&redacted="
                + redacted, output);
        spec.commandLine().getOut().println("Wrote " + output + " (" + bytes + " bytes). Verify it with: cairn audit"
                + " verify " + output);
        return 0;
    }
}
