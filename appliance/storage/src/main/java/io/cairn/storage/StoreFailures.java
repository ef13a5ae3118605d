package io.cairn.storage;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises database failures by their SQLSTATE: a lost or refused connection (turned into the catalogued
 * "database unavailable" error) and unique-constraint violations (someone else got there first).
 */
public final class StoreFailures {
    private StoreFailures() {
    }

    /** Whether a failure, or any of its causes, is a lost or refused database connection. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Whether a failure, or any of its causes, is a unique-constraint violation (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        return isUniqueViolation(failure, "");
    }

    /**
     * Whether a failure is a unique-constraint violation of the named constraint, or of any constraint when
     * {@code constraint} is empty.
     */
    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    && (constraint.isEmpty() || String.valueOf(sql.getMessage()).contains(constraint))) {
                return true;
            }
        }
        return false;
    }

    /** The catalogued error for an unreachable database; the cause stays in the server log. */
    public static CairnException unavailable(Throwable cause) {
        return new CairnException(ErrorCode.STORE_UNAVAILABLE,
                "The database is unavailable; the request was not carried out. Retry later.", cause);
    }

    /** Rethrows connection failures as the catalogued error and anything else unchanged. */
    public static RuntimeException translate(RuntimeException failure) {
        return isUnavailable(failure) ? unavailable(failure) : failure;
    }

    private static boolean isConnectionState(String state) {
        if (state == null) {
            return false;
        }
        // 08: connection exception; 57P01-57P03: administrator shutdown, crash shutdown, cannot connect now
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
