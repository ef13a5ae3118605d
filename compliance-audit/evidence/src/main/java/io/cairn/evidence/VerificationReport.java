package io.cairn.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of verifying a bundle: what was checked (with counts), every failure with its file and
 * item, and notes such as an unpinned checkpoint key. A bundle is valid when nothing failed.
 *
 * @param bundle        the bundle's file name
 * @param summary       one line describing the bundle (format, scope, creation time, redaction)
 * @param checks        what was checked, in order
 * @param failures      the failures kept (at most {@link #MAX_LISTED})
 * @param failureCount  the number of failures, also those not kept
 * @param notes         things the reader must know, e.g. that the checkpoint key was not pinned
 */
public record VerificationReport(String bundle, String summary, List<Check> checks, List<Failure> failures,
                                 long failureCount, List<String> notes) {
    /** Most failures listed in a report; all are counted. */
    public static final int MAX_LISTED = 1000;

    /** Copies the lists. */
    public VerificationReport {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(summary, "summary");
        checks = List.copyOf(checks);
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }

    /** Whether the bundle verified: no failure. */
    public boolean valid() {
        return failureCount == 0;
    }

    /**
     * One check.
     *
     * @param name    what was checked
     * @param outcome passed, failed or skipped
     * @param detail  counts and facts, in words
     */
    public record Check(String name, Outcome outcome, String detail) {
    }

    /** The outcome of a check. */
    public enum Outcome {
        /** Everything checked verified. */
        PASSED,
        /** At least one item failed (see the failures). */
        FAILED,
        /** Not checked (for example anchors without {@code --ledger-rpc}). */
        SKIPPED
    }

    /**
     * One failed item.
     *
     * @param file    the bundle file (or ledger) it concerns
     * @param item    the item within it: line, leaf index, checkpoint size, block seq, field
     * @param problem what is wrong
     */
    public record Failure(String file, String item, String problem) {
    }

    /** The report as text for a compliance officer. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Cairn evidence bundle ").append(bundle).append('\n').append(summary).append("\n\nChecks:\n");
        for (Check check : checks) {
            String mark = switch (check.outcome()) {
                case PASSED -> "[ok]     ";
                case FAILED -> "[FAILED] ";
                case SKIPPED -> "[skipped]";
            };
            out.append("  ").append(mark).append(' ').append(check.name()).append(": ").append(check.detail()).append('\n');
        }
        if (!notes.isEmpty()) {
            out.append("\nNotes:\n");
            notes.forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        if (!failures.isEmpty()) {
            out.append("\nFailures (").append(failureCount).append("):\n");
            failures.forEach(f -> out.append("  FAIL ").append(f.file()).append(" | ").append(f.item()).append(" | ")
                    .append(f.problem()).append('\n'));
            if (failureCount > failures.size()) {
                out.append("  ... and ").append(failureCount - failures.size()).append(" more\n");
            }
        }
        out.append('\n').append(valid() ? "RESULT: VALID - every check passed"
                : "RESULT: INVALID - " + failureCount + " failure(s) [CAIRN-EVIDENCE-0004]").append('\n');
        return out.toString();
    }

    /** Collects checks, failures and notes while a bundle is verified. */
    static final class Builder {
        private final String bundle;
        private String summary = "";
        private final List<Check> checks = new ArrayList<>();
        private final List<Failure> failures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private long failureCount;

        Builder(String bundle) {
            this.bundle = bundle;
        }

        void summary(String text) {
            summary = text;
        }

        /** Records a failure. */
        void fail(String file, String item, String problem) {
            failureCount++;
            if (failures.size() < MAX_LISTED) {
                failures.add(new Failure(file, item, problem));
            }
        }

        void fail(String file, BundleDefect defect) {
            fail(file, defect.item(), defect.getMessage());
        }

        long failureCount() {
            return failureCount;
        }

        /** Records a check that passed when no failure was added since {@code failuresBefore}. */
        void check(String name, long failuresBefore, String detail) {
            checks.add(new Check(name, failureCount > failuresBefore ? Outcome.FAILED : Outcome.PASSED, detail));
        }

        void skipped(String name, String detail) {
            checks.add(new Check(name, Outcome.SKIPPED, detail));
        }

        void note(String text) {
            notes.add(text);
        }

        VerificationReport build() {
            return new VerificationReport(bundle, summary, checks, failures, failureCount, notes);
        }
    }
}
