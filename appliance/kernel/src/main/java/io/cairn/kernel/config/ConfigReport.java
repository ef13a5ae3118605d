package io.cairn.kernel.config;

import io.cairn.kernel.CairnException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of reading a configuration: the problems found and, when there are none, the configuration.
 *
 * @param problems errors that prevent starting, in file order
 * @param warnings things worth knowing that do not prevent starting
 * @param config   the configuration, present only when there are no problems
 */
public record ConfigReport(List<ConfigProblem> problems, List<String> warnings, Optional<CairnConfig> config) {
    /** Copies the lists. */
    public ConfigReport {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** Whether the configuration can be used. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** The configuration, or an exception naming every problem. */
    public CairnConfig configOrThrow() {
        if (!problems.isEmpty()) {
            String text = problems.stream().map(ConfigProblem::describe).collect(Collectors.joining("; "));
            throw new CairnException(problems.get(0).error(), "invalid configuration: " + text);
        }
        return config.orElseThrow();
    }
}
