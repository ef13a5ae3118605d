package io.cairn.identity;

import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Identity settings.
 *
 * @param bootstrapUsername name of the administrator created on first start
 * @param bootstrapToken    operator-chosen token for that administrator; generated and printed when absent
 * @param bootstrapTokenTtl lifetime of the bootstrap token
 * @param defaultTokenTtl   lifetime of a token when the request names none
 * @param maxTokenTtl       longest lifetime a token may be given
 */
public record IdentitySettings(String bootstrapUsername, Optional<String> bootstrapToken, Duration bootstrapTokenTtl,
                               Duration defaultTokenTtl, Duration maxTokenTtl) {

    /** Bootstrap administrator name. */
    public static final ConfigOption BOOTSTRAP_USERNAME = ConfigOption.string("security.bootstrap.admin-username",
            "admin", "Name of the consortium administrator created on the first start of an empty appliance.");
    /** Bootstrap token. */
    public static final ConfigOption BOOTSTRAP_TOKEN = ConfigOption.secret("security.bootstrap.token",
            "API token given to the first administrator (at least 32 characters). When unset, a random token is "
                    + "generated and printed once on the console at first start. Only read while no administrator exists.");
    /** Bootstrap token lifetime. */
    public static final ConfigOption BOOTSTRAP_TOKEN_TTL = ConfigOption.duration("security.bootstrap.token-ttl", "24h",
            "Lifetime of the bootstrap administrator's token: use it to create named administrators and tokens.");
    /** Default token lifetime. */
    public static final ConfigOption DEFAULT_TOKEN_TTL = ConfigOption.duration("security.tokens.default-ttl", "30d",
            "Lifetime of a new API token when the request does not give one.");
    /** Maximum token lifetime. */
    public static final ConfigOption MAX_TOKEN_TTL = ConfigOption.duration("security.tokens.max-ttl", "365d",
            "Longest lifetime an API token may be given.");

    /** Every identity option. */
    public static final List<ConfigOption> OPTIONS = List.of(BOOTSTRAP_USERNAME, BOOTSTRAP_TOKEN, BOOTSTRAP_TOKEN_TTL,
            DEFAULT_TOKEN_TTL, MAX_TOKEN_TTL);

    /** Reads the settings from validated configuration. */
    public static IdentitySettings from(CairnConfig config) {
        return new IdentitySettings(config.string(BOOTSTRAP_USERNAME), config.optionalString(BOOTSTRAP_TOKEN),
                config.duration(BOOTSTRAP_TOKEN_TTL), config.duration(DEFAULT_TOKEN_TTL), config.duration(MAX_TOKEN_TTL));
    }

    @Override
    public String toString() {
        return "IdentitySettings[bootstrapUsername=" + bootstrapUsername + ", bootstrapToken="
                + (bootstrapToken.isPresent() ? "***" : "-") + "]";
    }
}
