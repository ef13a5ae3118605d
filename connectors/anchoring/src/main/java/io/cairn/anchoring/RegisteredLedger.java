package io.cairn.anchoring;

import java.time.Instant;
import java.util.Objects;

/**
 * A ledger as the registry stores it.
 *
 * @param definition   its configuration (with secrets: never return this record from the API)
 * @param registeredAt when it was registered
 * @param registeredBy who registered it
 */
public record RegisteredLedger(LedgerDefinition definition, Instant registeredAt, String registeredBy) {

    /** Validates. */
    public RegisteredLedger {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(registeredBy, "registeredBy");
    }

    /** The ledger's name. */
    public String name() {
        return definition.name();
    }
}
