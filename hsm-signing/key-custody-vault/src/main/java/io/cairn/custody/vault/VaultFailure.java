package io.cairn.custody.vault;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Vault's answers into {@link CairnException}s: anything that means "Vault cannot be used now"
 * (unreachable, sealed, standby, token refused, server error) is {@link ErrorCode#SIGN_CUSTODY_UNAVAILABLE};
 * other client errors get the code the caller chooses. Messages carry Vault's own error text with the token
 * removed, never the token.
 */
final class VaultFailure {
    private static final int MAX_DETAIL = 300;
    private static final String BODY_MARKER = "Response body: ";

    private final String address;
    private final VaultToken token;

    VaultFailure(String address, VaultToken token) {
        this.address = address;
        this.token = token;
    }

    /**
     * A request that got no HTTP answer, or an answer the driver turned into an exception (5xx on reads, any
     * failure on deletes); the driver puts Vault's body at the end of its message.
     */
    CairnException of(String operation, VaultException e) {
        if (e.getHttpStatusCode() > 0) {
            String message = String.valueOf(e.getMessage());
            int at = message.indexOf(BODY_MARKER);
            String body = at < 0 ? "" : message.substring(at + BODY_MARKER.length());
            return of(operation, e.getHttpStatusCode(), body.getBytes(StandardCharsets.UTF_8),
                    ErrorCode.SIGN_SIGNATURE_FAILED);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "Vault at " + address + " cannot be reached for "
                + operation + " (" + root.getClass().getSimpleName() + ": " + clip(token.redact(root.getMessage()))
                + "); nothing was signed");
    }

    /** An HTTP answer that is not a success: 403/401, 429, 5xx mean unavailable; other codes get {@code clientError}. */
    CairnException of(String operation, int status, byte[] body, ErrorCode clientError) {
        String errors = errors(body);
        if (status == 401 || status == 403 || status == 412 || status == 429 || status >= 470) {
            return unavailable(operation, status, errors);
        }
        return new CairnException(clientError, "Vault refused " + operation + " (HTTP " + status + errorsSuffix(errors) + ")");
    }

    private CairnException unavailable(String operation, int status, String errors) {
        String reason = switch (status) {
            case 401, 403 -> "refused the token (invalid, expired, revoked or without a policy allowing this path)";
            case 429, 472, 473 -> "answered from a standby node";
            case 501 -> "is not initialised";
            case 503 -> "is sealed or not active";
            default -> "failed";
        };
        return new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "Vault at " + address + " " + reason + " for "
                + operation + " (HTTP " + status + errorsSuffix(errors) + "); nothing was signed");
    }

    private String errors(byte[] body) {
        try {
            JsonValue errors = Json.parse(new String(body, StandardCharsets.UTF_8)).asObject().get("errors");
            List<String> texts = new ArrayList<>();
            if (errors != null && errors.isArray()) {
                errors.asArray().forEach(v -> texts.add(v.isString() ? v.asString() : v.toString()));
            }
            return clip(token.redact(String.join("; ", texts)));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String errorsSuffix(String errors) {
        return errors.isEmpty() ? "" : ": " + errors;
    }

    private static String clip(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }
}
