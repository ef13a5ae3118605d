package io.cairn.custody.pkcs11;

import java.util.Set;

/**
 * Recognises the PKCS#11 failures that a fresh connection (new sessions, new login) can cure: closed or
 * invalid sessions, lost login, object handles from an earlier session, a token that was removed and
 * returned, and the odd states a stale, reissued session handle produces. Other failures (bad arguments, unsupported mechanisms) are not retried.
 */
final class SessionLoss {
    private static final Set<String> CURABLE = Set.of(
            "CKR_SESSION_HANDLE_INVALID", "CKR_SESSION_CLOSED", "CKR_USER_NOT_LOGGED_IN",
            "CKR_OBJECT_HANDLE_INVALID", "CKR_KEY_HANDLE_INVALID", "CKR_DEVICE_REMOVED", "CKR_DEVICE_ERROR",
            "CKR_TOKEN_NOT_PRESENT", "CKR_TOKEN_NOT_RECOGNIZED", "CKR_CRYPTOKI_NOT_INITIALIZED",
            "CKR_SESSION_COUNT", "CKR_GENERAL_ERROR",
            // a stale session handle may have been reissued to another session, whose state then confuses the call
            "CKR_OPERATION_NOT_INITIALIZED", "CKR_OPERATION_ACTIVE");

    private SessionLoss() {
    }

    /** Whether any exception in the cause chain names a curable PKCS#11 return value. */
    static boolean curable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && CURABLE.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }
}
