package io.cairn.blocks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A defined application. Definitions are immutable: a changed schema, ledger set or block policy is a new
 * application with a new id.
 *
 * @param id            application id, 1-32 characters of {@code [a-z0-9._-]} (what anchors write)
 * @param name          display name
 * @param messageSchema JSON Schema (draft 2020-12) every message payload must satisfy
 * @param ledgers       names of the ledgers its blocks are anchored to (may be empty)
 * @param blockInterval longest time a message waits before its block is sealed
 * @param maxBlockSize  most messages in one block
 * @param personalData  whether payloads hold personal data: digests are then salted commitments
 * @param createdAt     when it was defined
 * @param createdBy     user id of the administrator who defined it
 */
public record Application(String id, String name, JsonNode messageSchema, List<String> ledgers, Duration blockInterval,
                          int maxBlockSize, boolean personalData, Instant createdAt, String createdBy) {
    /** Copies the ledger list. */
    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(messageSchema, "messageSchema");
        ledgers = List.copyOf(ledgers);
        Objects.requireNonNull(blockInterval, "blockInterval");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** Whether another definition says the same (ignoring who defined it and when). */
    boolean sameDefinition(Application other) {
        return id.equals(other.id) && name.equals(other.name) && messageSchema.equals(other.messageSchema)
                && ledgers.equals(other.ledgers) && blockInterval.equals(other.blockInterval)
                && maxBlockSize == other.maxBlockSize && personalData == other.personalData;
    }

    /** The journal subject of everything about this application: {@code application:<id>}. */
    String subject() {
        return "application:" + id;
    }
}
