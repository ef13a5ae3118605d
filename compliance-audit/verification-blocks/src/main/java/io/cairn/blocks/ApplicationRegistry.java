package io.cairn.blocks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.http.Json;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Defines and finds applications (table {@code blocks.applications}). Definitions never change once stored, so
 * found applications and their compiled schemas are cached.
 */
public final class ApplicationRegistry {
    private static final String COLUMNS = "id, name, message_schema, ledgers, block_interval_ms, max_block_size, "
            + "personal_data, created_at, created_by";

    private final Jdbi jdbi;
    private final AuditJournal journal;
    private final Clock clock;
    private final Map<String, Application> applications = new ConcurrentHashMap<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /**
     * Creates the registry.
     *
     * @param jdbi    database migrated with {@link BlocksDatabase#MIGRATION}
     * @param journal where definitions are recorded
     * @param clock   time source
     */
    public ApplicationRegistry(Jdbi jdbi, AuditJournal journal, Clock clock) {
        this.jdbi = jdbi;
        this.journal = journal;
        this.clock = clock;
    }

    /** The outcome of a definition: the stored application and whether this call created it. */
    public record Defined(Application application, boolean created) {
    }

    /**
     * Defines an application; defining exactly the same application again answers the stored one.
     *
     * @throws CairnException {@code CAIRN-API-0004} for an invalid field, {@code CAIRN-JOURNAL-0103} for an invalid
     *                        schema, {@code CAIRN-JOURNAL-0102} when the id is taken by another definition
     */
    public Defined define(ApplicationDefinition definition, String actor) {
        Application wanted = definition.toApplication(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor);
        JsonSchema compiled = MessageSchemas.compile(wanted.messageSchema());
        boolean created = insert(wanted);
        Application stored = find(wanted.id()).orElseThrow();
        if (!stored.sameDefinition(wanted)) {
            throw new CairnException(ErrorCode.JOURNAL_APPLICATION_EXISTS, "application '" + wanted.id()
                    + "' is already defined differently; definitions are immutable, define a new application");
        }
        schemas.putIfAbsent(stored.id(), compiled);
        journal.append(definedEvent(stored));
        return new Defined(stored, created);
    }

    /** Every application, by id. */
    public List<Application> list() {
        return SqlValues.run(() -> jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                + " from blocks.applications order by id").map((rs, ctx) -> read(rs)).list()));
    }

    /** The application with this id. */
    public Optional<Application> find(String id) {
        Application cached = applications.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Application> found = SqlValues.run(() -> jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                + " from blocks.applications where id = :id").bind("id", id).map((rs, ctx) -> read(rs)).findOne()));
        found.ifPresent(a -> applications.put(a.id(), a));
        return found;
    }

    /**
     * The application with this id.
     *
     * @throws CairnException {@code CAIRN-JOURNAL-0101} when there is none
     */
    public Application require(String id) {
        return find(id).orElseThrow(() -> new CairnException(ErrorCode.JOURNAL_APPLICATION_NOT_FOUND,
                "no application '" + id + "' is defined"));
    }

    /** The compiled message schema of an application. */
    JsonSchema schema(Application application) {
        return schemas.computeIfAbsent(application.id(), id -> MessageSchemas.compile(application.messageSchema()));
    }

    private boolean insert(Application app) {
        return SqlValues.run(() -> jdbi.withHandle(h -> h.createUpdate("insert into blocks.applications ("
                        + COLUMNS + ") values (:id, :name, :schema, :ledgers, :interval, :size, :personal, "
                        + ":createdAt, :createdBy) on conflict (id) do nothing")
                .bind("id", app.id()).bind("name", app.name()).bind("schema", schemaText(app.messageSchema()))
                .bind("ledgers", app.ledgers().toArray(new String[0]))
                .bind("interval", app.blockInterval().toMillis()).bind("size", app.maxBlockSize())
                .bind("personal", app.personalData()).bind("createdAt", SqlValues.timestamp(app.createdAt()))
                .bind("createdBy", app.createdBy()).execute() == 1));
    }

    private static AuditEvent definedEvent(Application app) {
        byte[] schema = schemaText(app.messageSchema()).getBytes(StandardCharsets.UTF_8);
        return AuditEvent.of("application.defined", app.createdBy(), app.subject(), app.createdAt())
                .withIdempotencyKey("blocks.application." + app.id())
                .withPayloadSha256(HexFormat.of().formatHex(Sha256.of(schema)))
                .withAttribute("app", app.id()).withAttribute("name", app.name())
                .withAttribute("ledgers", String.join(",", app.ledgers()))
                .withAttribute("block-interval", app.blockInterval().toString())
                .withAttribute("max-block-size", Integer.toString(app.maxBlockSize()))
                .withAttribute("personal-data", Boolean.toString(app.personalData()));
    }

    /** The stored form of a schema: compact JSON (its SHA-256 is journaled). */
    static String schemaText(JsonNode schema) {
        try {
            return Json.mapper().writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed schema always serialises", e);
        }
    }

    private static Application read(ResultSet rs) throws SQLException {
        Array ledgers = rs.getArray("ledgers");
        JsonNode schema;
        try {
            schema = Json.mapper().readTree(rs.getString("message_schema"));
        } catch (JsonProcessingException e) {
            throw new SQLException("stored message schema is not JSON", e);
        }
        return new Application(rs.getString("id"), rs.getString("name"), schema,
                Arrays.asList((String[]) ledgers.getArray()), Duration.ofMillis(rs.getLong("block_interval_ms")),
                rs.getInt("max_block_size"), rs.getBoolean("personal_data"), SqlValues.instant(rs, "created_at"),
                rs.getString("created_by"));
    }
}
