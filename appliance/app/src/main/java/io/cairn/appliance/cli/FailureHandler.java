package io.cairn.appliance.cli;

import io.cairn.kernel.CairnException;
import picocli.CommandLine;

/** Prints failures as one clear line with their code instead of a stack trace. */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    /** Exit code for a failure the user can act on. */
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        if (e instanceof CairnException ce) {
            cli.getErr().println("cairn: " + ce.error().code() + " " + ce.getMessage());
        } else {
            cli.getErr().println("cairn: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return FAILED;
    }
}
