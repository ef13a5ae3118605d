package io.cairn.kernel.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every configuration option the running appliance knows, by key. */
public final class ConfigCatalogue {
    private final Map<String, ConfigOption> byKey;

    private ConfigCatalogue(Map<String, ConfigOption> byKey) {
        this.byKey = byKey;
    }

    /**
     * Builds a catalogue from the options each component declares.
     *
     * @throws IllegalArgumentException when two components declare the same key
     */
    public static ConfigCatalogue of(Collection<ConfigOption> options) {
        Map<String, ConfigOption> map = new LinkedHashMap<>();
        for (ConfigOption option : options) {
            if (map.putIfAbsent(option.key(), option) != null) {
                throw new IllegalArgumentException("configuration key declared twice: " + option.key());
            }
        }
        return new ConfigCatalogue(Map.copyOf(map));
    }

    /** The option with this key. */
    public Optional<ConfigOption> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** All options, sorted by key. */
    public List<ConfigOption> options() {
        return byKey.values().stream().sorted(Comparator.comparing(ConfigOption::key)).toList();
    }

    /** The known key closest to a mistyped one, to suggest in messages. */
    public Optional<String> closest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : byKey.keySet()) {
            int d = editDistance(key, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
