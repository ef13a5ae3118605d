package io.cairn.kernel.config;

import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads configuration: declared defaults, then one YAML file, then {@code CAIRN_*} environment variables,
 * then explicit overrides (later wins). Collects every problem rather than stopping at the first.
 */
public final class ConfigLoader {
    private static final int MAX_FILE_BYTES = 1024 * 1024;

    private final ConfigCatalogue catalogue;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, String> origins = new HashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private ConfigLoader(ConfigCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Loads and validates configuration.
     *
     * @param catalogue   every known option
     * @param file        the YAML file, when one is used
     * @param environment the process environment (only {@code CAIRN_*} variables are read)
     * @param overrides   values set programmatically, by key
     * @return the report; its configuration is present only when there are no problems
     */
    public static ConfigReport load(ConfigCatalogue catalogue, Optional<Path> file,
                                    Map<String, String> environment, Map<String, String> overrides) {
        ConfigLoader loader = new ConfigLoader(catalogue);
        loader.applyDefaults();
        file.ifPresent(loader::applyFile);
        loader.applyEnvironment(environment);
        overrides.forEach((key, raw) -> loader.set(key, raw, "override"));
        Optional<CairnConfig> config = loader.problems.isEmpty()
                ? Optional.of(new CairnConfig(catalogue, loader.values, loader.origins))
                : Optional.empty();
        return new ConfigReport(loader.problems, loader.warnings, config);
    }

    private void applyDefaults() {
        for (ConfigOption option : catalogue.options()) {
            option.defaultValue().ifPresent(raw -> {
                values.put(option.key(), option.parse(raw));
                origins.put(option.key(), "default");
            });
        }
    }

    private void applyFile(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(new ConfigProblem(ErrorCode.CONF_UNREADABLE, "", name,
                        "file is larger than " + MAX_FILE_BYTES + " bytes"));
                return;
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Node root = new Yaml(new LoaderOptions()).compose(reader);
                if (root == null) {
                    return;
                }
                if (!(root instanceof MappingNode mapping)) {
                    problems.add(new ConfigProblem(ErrorCode.CONF_UNREADABLE, "", at(name, root.getStartMark()),
                            "the top level of the file must be a mapping of keys to values"));
                    return;
                }
                walk(name, "", mapping, new HashSet<>());
            }
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? name : at(name, e.getProblemMark());
            problems.add(new ConfigProblem(ErrorCode.CONF_UNREADABLE, "", where, "not valid YAML: " + e.getProblem()));
        } catch (IOException | RuntimeException e) {
            problems.add(new ConfigProblem(ErrorCode.CONF_UNREADABLE, "", name, "cannot read the file: " + e.getMessage()));
        }
    }

    private void walk(String file, String prefix, MappingNode mapping, Set<String> seen) {
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                problems.add(new ConfigProblem(ErrorCode.CONF_UNREADABLE, prefix, at(file, keyNode.getStartMark()),
                        "keys must be plain text"));
                continue;
            }
            String key = prefix.isEmpty() ? keyScalar.getValue() : prefix + "." + keyScalar.getValue();
            String where = at(file, keyNode.getStartMark());
            if (!seen.add(key)) {
                problems.add(new ConfigProblem(ErrorCode.CONF_INCONSISTENT, key, where, "key '" + key + "' is set twice"));
                continue;
            }
            leaf(file, key, where, tuple.getValueNode(), seen);
        }
    }

    private void leaf(String file, String key, String where, Node value, Set<String> seen) {
        if (value instanceof MappingNode nested && catalogue.find(key).isEmpty()) {
            walk(file, key, nested, seen);
        } else if (value instanceof ScalarNode scalar) {
            if (!Tag.NULL.equals(scalar.getTag())) {
                set(key, scalar.getValue(), where);
            } else if (catalogue.find(key).isEmpty()) {
                unknown(key, where);
            }
        } else if (value instanceof SequenceNode sequence) {
            String joined = sequence.getValue().stream()
                    .map(n -> n instanceof ScalarNode s ? s.getValue() : "")
                    .collect(Collectors.joining(","));
            set(key, joined, where);
        } else {
            unknown(key, where);
        }
    }

    private void applyEnvironment(Map<String, String> environment) {
        Map<String, ConfigOption> byVariable = new HashMap<>();
        catalogue.options().forEach(o -> byVariable.put(o.environmentVariable(), o));
        environment.entrySet().stream()
                .filter(e -> e.getKey().startsWith("CAIRN_"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    ConfigOption option = byVariable.get(e.getKey());
                    if (option == null) {
                        if (!e.getKey().startsWith("CAIRN_LAUNCHER_")) {
                            warnings.add("environment variable " + e.getKey() + " matches no configuration key; ignored");
                        }
                    } else {
                        set(option.key(), e.getValue(), "environment " + e.getKey());
                    }
                });
    }

    private void set(String key, String raw, String where) {
        Optional<ConfigOption> option = catalogue.find(key);
        if (option.isEmpty()) {
            unknown(key, where);
            return;
        }
        try {
            values.put(key, option.get().parse(raw));
            origins.put(key, where);
        } catch (IllegalArgumentException | ArithmeticException e) {
            String shown = option.get().secret() ? "(secret value hidden)" : e.getMessage();
            problems.add(new ConfigProblem(ErrorCode.CONF_INVALID_VALUE, key, where,
                    "invalid value for '" + key + "': " + shown));
        }
    }

    private void unknown(String key, String where) {
        String hint = catalogue.closest(key).map(k -> " (did you mean '" + k + "'?)").orElse("");
        problems.add(new ConfigProblem(ErrorCode.CONF_UNKNOWN_KEY, key, where, "unknown key '" + key + "'" + hint));
    }

    private static String at(String file, Mark mark) {
        return file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }
}
