package io.cairn.custody.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** When the database goes away the software custody fails closed with the catalogued 503. */
@Tag("integration")
class DatabaseOutageIT {

    @Test
    void signingAKeyNotYetLoadedFailsClosedWhenTheDatabaseIsDown() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).schemas("signing")
                .locations("classpath:db/cairn/signing").load().migrate();
        MasterKey masterKey = MasterKey.random();
        KeyMaterialInfo key;
        try (SoftwareKeyCustody writer = new SoftwareKeyCustody(new JdbcSealedKeyRepository(dataSource), masterKey,
                false, Clock.systemUTC())) {
            key = writer.generate(new KeySpec("outage", Curve.P256));
        }
        SoftwareKeyCustody reader = new SoftwareKeyCustody(new JdbcSealedKeyRepository(dataSource), masterKey,
                false, Clock.systemUTC());
        postgres.close();

        assertThatThrownBy(() -> reader.sign(key.handle(), SigningInput.digest(new byte[32])))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
                    assertThat(e.error().httpStatus()).isEqualTo(503);
                });
        assertThat(reader.health().up()).isFalse();
    }
}
