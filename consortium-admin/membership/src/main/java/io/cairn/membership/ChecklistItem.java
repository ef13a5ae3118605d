package io.cairn.membership;

import java.time.Instant;
import java.util.Optional;

/**
 * One due-diligence check of an application.
 *
 * @param item      the check's name, e.g. {@code kyc}
 * @param tickedBy  the administrator who ticked it
 * @param tickedAt  when
 * @param evidence  what was checked and found
 * @param reference where the evidence is kept (document id, case number, URL)
 */
public record ChecklistItem(String item, Optional<String> tickedBy, Optional<Instant> tickedAt,
                            Optional<String> evidence, Optional<String> reference) {
    /** Whether it was ticked. */
    public boolean done() {
        return tickedBy.isPresent();
    }
}
