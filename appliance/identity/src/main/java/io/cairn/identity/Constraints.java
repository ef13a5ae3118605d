package io.cairn.identity;

import java.sql.SQLException;

/** Recognises constraint violations reported by PostgreSQL. */
final class Constraints {
    private Constraints() {
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
