package io.cairn.blocks;

import java.util.Arrays;
import java.util.Locale;

/** The stored and API names of this module's enumerations: the constant's name in lower case. */
final class Labels {
    private Labels() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String label) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> of(e).equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " " + label));
    }
}
