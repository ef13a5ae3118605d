package io.cairn.http;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Questions about the set of declared endpoints: uniqueness and which methods a concrete path accepts. */
final class EndpointCatalogue {
    private EndpointCatalogue() {
    }

    static void checkUnique(List<Endpoint> endpoints) {
        Set<String> seen = new HashSet<>();
        Set<String> operations = new HashSet<>();
        for (Endpoint e : endpoints) {
            if (!seen.add(e.method() + " " + e.path())) {
                throw new IllegalStateException("endpoint declared twice: " + e.method() + " " + e.path());
            }
            if (!operations.add(e.operationId())) {
                throw new IllegalStateException("operation id used twice: " + e.operationId());
            }
        }
    }

    static List<String> methodsFor(List<Endpoint> endpoints, String path) {
        return endpoints.stream().filter(e -> matches(e.path(), path)).map(Endpoint::method).distinct().sorted()
                .toList();
    }

    static boolean matches(String template, String path) {
        String regex = Pattern.quote(template).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q");
        return Pattern.matches(regex, path);
    }
}
