package io.cairn.signing;

import java.sql.SQLException;

/** Recognises database constraint violations that mean "someone else got there first". */
final class Constraints {
    private Constraints() {
    }

    /** Whether a failure is a unique violation of the named constraint (or of any, when the name is empty). */
    static boolean uniqueViolation(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    && (constraint.isEmpty() || String.valueOf(sql.getMessage()).contains(constraint))) {
                return true;
            }
        }
        return false;
    }
}
