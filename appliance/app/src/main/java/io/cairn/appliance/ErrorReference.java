package io.cairn.appliance;

import io.cairn.kernel.ErrorCode;

/** The error catalogue, {@code docs/errors.md}, generated from {@link ErrorCode}. */
public final class ErrorReference {
    private ErrorReference() {
    }

    /** The catalogue as Markdown. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Error codes\n\n")
                .append("<!-- Generated from ErrorCode.java; a test fails when this file is stale. -->\n\n")
                .append("Every API error is an RFC 9457 `application/problem+json` body whose `code` is one of these, ")
                .append("with the HTTP status shown; `type` is `https://cairn.io/problems/<code>`. The command line ")
                .append("prints the same codes. Codes keep their meaning forever; new ones are only added.\n\n")
                .append("| Code | HTTP status | Title |\n|---|---|---|\n");
        for (ErrorCode code : ErrorCode.values()) {
            md.append("| `").append(code.code()).append("` | ").append(code.httpStatus()).append(" | ")
                    .append(code.title()).append(" |\n");
        }
        return md.append('\n').toString();
    }
}
