package io.cairn.appliance;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeySpec;
import io.cairn.kernel.config.ConfigOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The appliance's own keys, one per purpose (e.g. {@code journal-checkpoint}), generated in key custody the
 * first time they are needed and recorded in {@code appliance.system_keys} so every instance and every
 * restart uses the same key.
 */
final class SystemKeys {
    /** Which custody backend holds the appliance's own keys. */
    static final ConfigOption BACKEND = ConfigOption.choice("signing.system-keys-backend", "software",
            List.of("software", "pkcs11"), "Key custody backend that holds the appliance's own keys, such as the one "
                    + "that signs journal checkpoints. Use `pkcs11` in production (requires `signing.pkcs11.*`); "
                    + "`software` is for development.");

    private final Jdbi jdbi;
    private final Clock clock;

    SystemKeys(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The key for a purpose, generated in {@code custody} when there is none yet. */
    KeyHandle ensure(String purpose, KeyCustody custody, Curve curve) {
        return jdbi.inTransaction(h -> {
            h.execute("lock table appliance.system_keys in exclusive mode");
            Optional<KeyHandle> existing = h.createQuery("select backend, key_id from appliance.system_keys where purpose = :p")
                    .bind("p", purpose).map((rs, ctx) -> new KeyHandle(rs.getString("backend"), rs.getString("key_id")))
                    .findOne();
            if (existing.isPresent()) {
                return existing.get();
            }
            KeyHandle handle = custody.generate(new KeySpec("cairn-" + purpose, curve)).handle();
            h.createUpdate("insert into appliance.system_keys (purpose, backend, key_id, curve, created_at) "
                            + "values (:p, :b, :k, :c, :t)")
                    .bind("p", purpose).bind("b", handle.backend()).bind("k", handle.id()).bind("c", curve.name())
                    .bind("t", Timestamp.from(clock.instant())).execute();
            return handle;
        });
    }
}
