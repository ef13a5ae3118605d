package io.cairn.blocks;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/v1/applications}.
 *
 * @param id            1-32 characters of {@code [a-z0-9._-]}
 * @param name          display name, 1-200 characters
 * @param messageSchema JSON Schema (draft 2020-12) of message payloads, at most 64 KiB
 * @param ledgers       ledger names ({@code [a-z0-9-]{1,32}}), at most 16, no repeats; default none
 * @param blockInterval ISO-8601 duration between 1 second and 1 day; default {@code PT10S}
 * @param maxBlockSize  1 to 100000 messages; default 1000
 * @param personalData  whether digests are salted commitments; default false
 */
public record ApplicationDefinition(String id, String name, JsonNode messageSchema, Optional<List<String>> ledgers,
                                    Optional<String> blockInterval, Optional<Integer> maxBlockSize,
                                    Optional<Boolean> personalData) {
    /** Most ledgers an application anchors to. */
    public static final int MAX_LEDGERS = 16;
    /** Most messages in a block. */
    public static final int MAX_BLOCK_SIZE = 100_000;

    private static final Pattern APP_ID = Pattern.compile("[a-z0-9._-]{1,32}");
    private static final Pattern LEDGER = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_INTERVAL = Duration.ofDays(1);

    /** Whether a text is a valid application id. */
    public static boolean isApplicationId(String candidate) {
        return candidate != null && APP_ID.matcher(candidate).matches();
    }

    /**
     * The validated application this definition describes (the schema itself is checked by
     * {@link MessageSchemas#check}).
     */
    Application toApplication(Instant createdAt, String createdBy) {
        require(isApplicationId(id), "id", "the application id is 1 to 32 characters of a-z, 0-9, '.', '_' and '-'");
        require(name != null && !name.isBlank() && name.length() <= 200, "name", "the name is 1 to 200 characters");
        require(messageSchema != null && messageSchema.isObject(), "messageSchema",
                "the message schema is a JSON Schema object");
        List<String> ledgerList = ledgers.orElse(List.of());
        require(ledgerList.size() <= MAX_LEDGERS, "ledgers", "at most " + MAX_LEDGERS + " ledgers");
        require(ledgerList.stream().allMatch(l -> l != null && LEDGER.matcher(l).matches()), "ledgers",
                "ledger names are 1 to 32 characters of a-z, 0-9 and '-'");
        require(new HashSet<>(ledgerList).size() == ledgerList.size(), "ledgers", "a ledger is listed twice");
        int size = maxBlockSize.orElse(1000);
        require(size >= 1 && size <= MAX_BLOCK_SIZE, "maxBlockSize", "between 1 and " + MAX_BLOCK_SIZE + " messages");
        return new Application(id, name, messageSchema, ledgerList, interval(), size, personalData.orElse(false),
                createdAt, createdBy);
    }

    private Duration interval() {
        Duration interval;
        try {
            interval = Duration.parse(blockInterval.orElse("PT10S"));
        } catch (DateTimeParseException e) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "blockInterval",
                    "the block interval is an ISO-8601 duration such as PT10S");
        }
        require(interval.compareTo(MIN_INTERVAL) >= 0 && interval.compareTo(MAX_INTERVAL) <= 0, "blockInterval",
                "the block interval is between PT1S and P1D");
        require(interval.getNano() % 1_000_000 == 0, "blockInterval", "the block interval has millisecond precision");
        return interval;
    }

    private static void require(boolean condition, String field, String detail) {
        if (!condition) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, field, detail);
        }
    }
}
