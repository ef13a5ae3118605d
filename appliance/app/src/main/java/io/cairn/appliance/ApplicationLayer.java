package io.cairn.appliance;

import io.cairn.blocks.ApplicationRegistry;
import io.cairn.blocks.ApplicationsApi;
import io.cairn.blocks.BlockAnchors;
import io.cairn.blocks.BlockSealer;
import io.cairn.blocks.BlocksApi;
import io.cairn.blocks.BlocksSettings;
import io.cairn.blocks.MessageArchive;
import io.cairn.blocks.MessageIntake;
import io.cairn.blocks.PayloadCipher;
import io.cairn.blocks.VerificationBlocks;
import io.cairn.evidence.EvidenceApi;
import io.cairn.evidence.EvidenceExporter;
import io.cairn.evidence.EvidenceJournal;
import io.cairn.evidence.EvidenceSettings;
import io.cairn.http.ApiService;
import io.cairn.journal.CheckpointLog;
import io.cairn.journal.PostgresJournal;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.membership.MemberRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The application and filtering/ordering layers as the appliance runs them: applications and their signed
 * messages, per-application verification blocks with their anchors, and evidence bundles over the journal
 * and the blocks.
 *
 * @param applications application definitions
 * @param sealer       seals due blocks (a leader job)
 * @param anchors      anchor states of blocks, written by the anchoring pipeline
 * @param blocks       the read side of blocks
 * @param services     the HTTP resources
 */
record ApplicationLayer(ApplicationRegistry applications, BlockSealer sealer, BlockAnchors anchors,
                        VerificationBlocks blocks, List<ApiService> services) {

    static ApplicationLayer wire(CairnConfig config, Jdbi jdbi, PostgresJournal journal, CheckpointLog checkpoints,
                                 MemberRegistry members, Function<String, String> ledgerKinds, Clock clock) {
        PayloadCipher cipher = BlocksSettings.from(config).payloadCipher();
        ApplicationRegistry applications = new ApplicationRegistry(jdbi, journal, clock);
        MessageIntake intake = new MessageIntake(jdbi, applications, new MemberSenders(members), cipher, journal, clock);
        MessageArchive archive = new MessageArchive(jdbi, cipher, journal, clock);
        VerificationBlocks blocks = new VerificationBlocks(jdbi, archive);
        EvidenceExporter exporter = new EvidenceExporter(EvidenceJournal.of(journal, checkpoints),
                new BlockEvidence(blocks, ledgerKinds), EvidenceSettings.from(config));
        return new ApplicationLayer(applications, new BlockSealer(jdbi, applications, intake, journal),
                new BlockAnchors(jdbi, applications, journal), blocks, List.of(new ApplicationsApi(applications,
                intake, archive), new BlocksApi(applications, blocks), new EvidenceApi(exporter)));
    }
}
