package io.cairn.appliance;

import io.cairn.anchoring.AnchoringPipeline;
import io.cairn.anchoring.AnchoringSettings;
import io.cairn.anchoring.EvmConnectorFactory;
import io.cairn.anchoring.LedgerRegistry;
import io.cairn.anchoring.LedgersApi;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.http.ApiService;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.signing.SigningService;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The transaction layer as the appliance runs it: the registered ledgers with their live connectors, which
 * sign through the signing service, and the anchoring pipeline that writes each verification block's hash
 * pointer to every ledger of its application.
 *
 * @param ledgers  registered ledgers and their connectors
 * @param settings {@code anchoring.*}
 */
record AnchoringLayer(LedgerRegistry ledgers, AnchoringSettings settings) {

    /** Loads the registered ledgers and connects to them. */
    static AnchoringLayer ledgers(CairnConfig config, Jdbi jdbi, Path dataDirectory, SigningService signing,
                                  AuditJournal journal, Clock clock) {
        LedgerTransactionSigner signer = new LedgerTransactionSigner(signing);
        LedgerRegistry ledgers = new LedgerRegistry(jdbi, new EvmConnectorFactory(alias -> signer,
                dataDirectory.resolve("ledger-trust")), journal, clock).load();
        return new AnchoringLayer(ledgers, AnchoringSettings.from(config));
    }

    /** The kind of a registered ledger ({@code evm}, ...), for evidence bundles. */
    String kind(String ledger) {
        return ledgers.find(ledger).map(l -> l.definition().type()).orElse("unknown");
    }

    /** The pipeline over the application layer's blocks. */
    AnchoringPipeline pipeline(ApplicationLayer applications, AuditJournal journal, MeterRegistry meters, Clock clock) {
        BlockAnchoring blocks = new BlockAnchoring(applications.anchors(), applications.blocks());
        return new AnchoringPipeline(ledgers, blocks, blocks, journal, meters, settings, clock);
    }

    /** {@code /api/v1/ledgers}. */
    List<ApiService> services(Clock clock) {
        return List.of(new LedgersApi(ledgers, clock));
    }
}
