package io.cairn.evidence;

import io.cairn.journal.Checkpoint;
import io.cairn.kernel.CairnException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies an evidence bundle offline: no database, and no network unless ledger endpoints are given.
 *
 * <p>In order: the manifest (every file's SHA-256 and size); the checkpoint keys (fingerprints, and the
 * trusted keys when given) and every checkpoint signature; the consistency proofs between consecutive
 * checkpoints; every journal entry (canonical encoding, leaf hash) and its inclusion proof against the newest
 * checkpoint; every verification block (Merkle root from its digests, block hash, previous-block chain, its
 * {@code application.block-sealed} journal entry); and the anchors on the ledgers given. Every failure is
 * reported with its file and item; verification goes on after a failure so the report is complete.
 */
public final class BundleVerifier {
    private BundleVerifier() {
    }

    /**
     * What the verifier may use beyond the bundle.
     *
     * @param ledgerRpc   JSON-RPC endpoints by ledger name, for checking anchors on EVM ledgers
     * @param trustedKeys DER SubjectPublicKeyInfo of the checkpoint keys to require; empty means not pinned
     */
    public record Options(Map<String, URI> ledgerRpc, List<byte[]> trustedKeys) {
        /** Copies the arguments. */
        public Options {
            ledgerRpc = Map.copyOf(ledgerRpc);
            trustedKeys = List.copyOf(trustedKeys);
        }

        /** Offline, with the bundled keys only. */
        public static Options offline() {
            return new Options(Map.of(), List.of());
        }
    }

    /**
     * Verifies a bundle.
     *
     * @param bundle  the zip file
     * @param options ledger endpoints and trusted keys
     * @return the report; {@link VerificationReport#valid()} tells the verdict
     * @throws CairnException {@code CAIRN-EVIDENCE-0003} when the file is not a readable bundle (not a zip, no
     *                        well-formed manifest of a known format)
     */
    public static VerificationReport verify(Path bundle, Options options) {
        try (BundleFiles files = BundleFiles.open(bundle)) {
            Manifest manifest = Manifest.read(files);
            VerificationReport.Builder report = new VerificationReport.Builder(bundle.getFileName().toString());
            report.summary(manifest.describe());
            ManifestCheck.run(files, manifest, report);
            Set<String> trusted = options.trustedKeys().stream().map(PublicKeys::fingerprint).collect(Collectors.toSet());
            Optional<Checkpoint> newest = new CheckpointCheck(files, report, trusted).run(manifest);
            EntryCheck entries = new EntryCheck(files, report);
            if (newest.isPresent()) {
                entries.run(manifest, newest.get());
            } else {
                report.skipped("Journal entries and inclusion proofs", "no verified checkpoint to check them against");
            }
            new BlockCheck(files, report, new LedgerAnchors(options.ledgerRpc())).run(manifest, entries.sealedBlocks());
            return report.build();
        }
    }
}
