package io.cairn.appliance;

import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.kernel.config.ConfigOption;

/** The configuration reference, {@code docs/configuration.md}, generated from the declared options. */
public final class ConfigReference {
    private ConfigReference() {
    }

    /** The reference as Markdown. */
    public static String markdown(ConfigCatalogue catalogue) {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n")
                .append("<!-- Generated from the code by `cairn config reference`; a test fails when this file is stale. -->\n\n")
                .append("Cairn reads one YAML file (`cairn serve --config FILE`, or `$CAIRN_CONFIG`, or `./cairn.yaml`), ")
                .append("then environment variables, which win. Keys are dotted kebab-case; in YAML they nest:\n\n")
                .append("```yaml\nserver:\n  port: 8443\n  tls:\n    keystore-path: /etc/cairn/server.p12\n```\n\n")
                .append("Each key's environment variable is `CAIRN_` followed by the key in upper case with dots and ")
                .append("dashes turned into underscores. Secret values are never printed by Cairn. ")
                .append("`cairn config check FILE` validates a file and names every unknown key and bad value with ")
                .append("its line.\n\n")
                .append("Durations are written `500ms`, `30s`, `5m`, `2h`, `7d` or ISO-8601 (`PT30S`); sizes `512`, ")
                .append("`64KiB`, `10MiB`, `1GiB`.\n\n");
        String section = "";
        for (ConfigOption option : catalogue.options()) {
            String head = option.key().contains(".") ? option.key().substring(0, option.key().indexOf('.')) : "general";
            if (!head.equals(section)) {
                md.append(section.isEmpty() ? "" : "\n");
                section = head;
                md.append("## ").append(section).append("\n\n")
                        .append("| Key | Type | Default | Environment variable | Description |\n")
                        .append("|---|---|---|---|---|\n");
            }
            md.append("| `").append(option.key()).append("` | ").append(type(option)).append(" | ")
                    .append(option.defaultValue().map(d -> d.isEmpty() ? "(empty)" : "`" + d + "`").orElse("(unset)"))
                    .append(" | `").append(option.environmentVariable()).append("` | ")
                    .append(option.description().replace("|", "\\|"))
                    .append(option.secret() ? " *Secret.*" : "").append(" |\n");
        }
        return md.append('\n').toString();
    }

    private static String type(ConfigOption option) {
        if (!option.allowed().isEmpty()) {
            return "one of " + String.join(", ", option.allowed().stream().map(a -> "`" + a + "`").toList());
        }
        String label = option.type().label();
        if (option.min() != Long.MIN_VALUE && option.max() != Long.MAX_VALUE) {
            return label + " (" + option.min() + "–" + option.max() + ")";
        }
        return label;
    }
}
