package io.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.CanonicalEntry;
import io.cairn.custody.software.JdbcSealedKeyRepository;
import io.cairn.custody.software.MasterKey;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.journal.JournalSettings;
import io.cairn.journal.PostgresJournal;
import io.cairn.kernel.access.Role;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.storage.Database;
import io.cairn.storage.SchemaMigration;
import io.cairn.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ceremonies and signatures land in the real PostgreSQL audit journal, readable back at their receipts. */
@Tag("integration")
class PostgresJournalIT {
    @TempDir
    Path dir;

    @Test
    void signatureRecordsAreJournalEntriesAtTheirReceipts() {
        StorageSettings storage = StorageSettings.from(CairnConfig.of(ConfigCatalogue.of(StorageSettings.OPTIONS),
                Map.of("data-directory", dir.toString())));
        try (Database db = Database.open(storage, List.of(SchemaMigration.of("signing"),
                SchemaMigration.of("signing_service"), PostgresJournal.MIGRATION));
             PostgresJournal journal = PostgresJournal.open(db.dataSource(), JournalSettings.defaults("cairn/test"));
             SoftwareKeyCustody software = new SoftwareKeyCustody(new JdbcSealedKeyRepository(db.dataSource()),
                     MasterKey.random(), false, Clock.systemUTC())) {
            SigningService service = new SigningService(db.jdbi(), Map.of("software", software), journal,
                    SigningServiceSettings.defaults(), Clock.systemUTC());
            service.lifecycle().create(new NewKey("seal", "software", "p-256", "report-seal", Optional.empty()), "alice");
            String digest = Fixtures.digest(new Random(3));
            SignatureRecord sig = service.sign("seal", Fixtures.user("olga", Role.OPERATOR), "j-1",
                    new SignBody("report-seal", digest, Optional.empty())).signature().orElseThrow();

            AuditEvent recorded = CanonicalEntry.decode(journal.entry(sig.journalLeafIndex()).orElseThrow().entry());
            assertThat(recorded.type()).isEqualTo("signing.signature-released");
            assertThat(recorded.attributes()).containsEntry("signature", sig.signature()).containsEntry("alias", "seal");
            assertThat(recorded.payloadSha256()).contains(digest);
            AuditEvent ceremony = CanonicalEntry.decode(journal.entry(0).orElseThrow().entry());
            assertThat(ceremony.type()).isEqualTo("signing.key-created");
        }
    }
}
