package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The officially assigned ISO 3166-1 alpha-2 codes, read from the list committed with this module
 * ({@code iso-3166-1-alpha-2.txt}); user-assigned, reserved and withdrawn codes are not jurisdictions.
 */
public final class Jurisdictions {
    private static final Map<String, String> NAMES = load();

    private Jurisdictions() {
    }

    /** Every code with its English short name, in code order. */
    public static Map<String, String> all() {
        return NAMES;
    }

    /** The English short name of a code, when it is officially assigned. */
    public static Optional<String> name(String code) {
        return Optional.ofNullable(NAMES.get(code));
    }

    /**
     * Checks a code.
     *
     * @param field the request field, for the error
     * @param code  the code, upper case
     * @return the code
     * @throws CairnException {@code CAIRN-MEMBER-0002} when it is not officially assigned
     */
    public static String require(String field, String code) {
        if (code == null || !NAMES.containsKey(code)) {
            throw CairnException.field(ErrorCode.MEMBER_UNKNOWN_JURISDICTION, field,
                    "'" + code + "' is not an officially assigned ISO 3166-1 alpha-2 code (upper case, e.g. 'DE')");
        }
        return code;
    }

    private static Map<String, String> load() {
        Map<String, String> names = new TreeMap<>();
        try (InputStream in = Jurisdictions.class.getResourceAsStream("iso-3166-1-alpha-2.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t", 2);
                    names.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(names);
    }
}
