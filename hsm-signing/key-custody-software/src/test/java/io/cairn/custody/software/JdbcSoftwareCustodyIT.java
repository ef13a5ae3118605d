package io.cairn.custody.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SigningInput;
import io.cairn.custody.tck.KeyCustodyContract;
import io.cairn.kernel.ErrorCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The software custody over PostgreSQL (schema {@code signing}, migrated by Flyway as the appliance does)
 * passes the key custody contract and keeps destroyed keys as erased rows.
 */
@Tag("integration")
class JdbcSoftwareCustodyIT extends KeyCustodyContract {
    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final MasterKey masterKey = MasterKey.random();
    private SoftwareKeyCustody custody;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).schemas("signing")
                .locations("classpath:db/cairn/signing").load().migrate();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected KeyCustody custody() {
        if (custody == null) {
            custody = open();
        }
        return custody;
    }

    @Override
    protected KeyCustody reopen() {
        custody().close();
        custody = open();
        return custody;
    }

    @AfterEach
    void close() {
        if (custody != null) {
            custody.close();
        }
    }

    private SoftwareKeyCustody open() {
        return new SoftwareKeyCustody(new JdbcSealedKeyRepository(dataSource), masterKey, false, Clock.systemUTC());
    }

    @Test
    void destroyedKeysKeepTheirRowWithoutKeyMaterial() throws Exception {
        KeyMaterialInfo key = custody().generate(new KeySpec("erase-me", Curve.SECP256K1));
        custody().destroy(key.handle());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT sealed_private_key, destroyed_at, public_key FROM signing.software_keys WHERE id = ?")) {
            s.setString(1, key.handle().id());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).isNull();
                assertThat(rs.getTimestamp(2)).isNotNull();
                assertThat(rs.getBytes(3)).isEqualTo(key.publicKey().raw());
            }
        }
    }

    @Test
    void aDestroyedKeyStaysDestroyedAfterARestart() {
        KeyMaterialInfo key = custody().generate(new KeySpec("gone", Curve.P256));
        custody().destroy(key.handle());
        KeyCustody restarted = reopen();
        assertCode(() -> restarted.sign(key.handle(), SigningInput.digest(new byte[32])), ErrorCode.SIGN_KEY_DESTROYED);
    }

    @Test
    void theMigrationCreatesTheTableInTheSigningSchema() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM information_schema.tables "
                        + "WHERE table_schema = 'signing' AND table_name = 'software_keys'");
                ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
