package io.cairn.appliance;

import io.cairn.anchoring.AnchoringPipeline;
import io.cairn.anchoring.AnchoringSettings;
import io.cairn.anchoring.EvmConnectorFactory;
import io.cairn.anchoring.LedgerRegistry;
import io.cairn.anchoring.LedgersApi;
import io.cairn.anchoring.RegisteredLedger;
import io.cairn.audit.spi.AuditJournal;
import io.cairn.http.ApiService;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.membership.LedgerProvisioner;
import io.cairn.provisioning.besu.BesuProvisioner;
import io.cairn.provisioning.besu.BesuProvisioningSettings;
import io.cairn.signing.SigningService;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The transaction layer as the appliance runs it: the registered ledgers with their live connectors, which
 * sign through the signing service, and the anchoring pipeline that writes each verification block's hash
 * pointer to every ledger of its application.
 *
 * @param ledgers  registered ledgers and their connectors
 * @param evm      builds EVM connectors and their configurations
 * @param settings {@code anchoring.*}
 */
record AnchoringLayer(LedgerRegistry ledgers, EvmConnectorFactory evm, AnchoringSettings settings) {
    private static final System.Logger LOG = System.getLogger(AnchoringLayer.class.getName());

    /** Loads the registered ledgers and connects to them. */
    static AnchoringLayer ledgers(CairnConfig config, Jdbi jdbi, Path dataDirectory, SigningService signing,
                                  AuditJournal journal, Clock clock) {
        LedgerTransactionSigner signer = new LedgerTransactionSigner(signing);
        EvmConnectorFactory evm = new EvmConnectorFactory(alias -> signer, dataDirectory.resolve("ledger-trust"));
        LedgerRegistry ledgers = new LedgerRegistry(jdbi, evm, journal, clock).load();
        return new AnchoringLayer(ledgers, evm, AnchoringSettings.from(config));
    }

    /**
     * Provisioners for the registered Besu ledgers named in {@code consortium.provisioning.besu-ledgers}; a name
     * that is not a registered EVM ledger is logged and left out (register it, then restart).
     */
    List<LedgerProvisioner> provisioners(BesuProvisioningSettings settings, List<AutoCloseable> resources) {
        List<LedgerProvisioner> provisioners = new ArrayList<>();
        for (String name : settings.ledgers()) {
            Optional<RegisteredLedger> ledger = ledgers.find(name).filter(l -> l.definition().type().equals("evm"));
            if (ledger.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "consortium.provisioning.besu-ledgers names '" + name
                        + "', which is not a registered EVM ledger; it is not provisioned");
                continue;
            }
            BesuProvisioner provisioner = BesuProvisioner.of(evm.config(ledger.get().definition()),
                    settings.validatorVotes());
            resources.add(provisioner);
            provisioners.add(provisioner);
        }
        return provisioners;
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
