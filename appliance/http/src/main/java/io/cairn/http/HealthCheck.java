package io.cairn.http;

/** One dependency whose state decides whether the appliance can serve requests (readiness). */
public interface HealthCheck {
    /** Short name shown in health reports, e.g. {@code database}. */
    String name();

    /** Checks the dependency now; must return quickly and never throw. */
    HealthStatus check();

    /**
     * The outcome of a check.
     *
     * @param up     whether the dependency is usable
     * @param detail short explanation, never containing secrets
     */
    record HealthStatus(boolean up, String detail) {
        /** A healthy outcome. */
        public static HealthStatus up(String detail) {
            return new HealthStatus(true, detail);
        }

        /** An unhealthy outcome. */
        public static HealthStatus down(String detail) {
            return new HealthStatus(false, detail);
        }
    }
}
