package io.cairn.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.audit.spi.CanonicalEntry;
import io.cairn.audit.spi.JournalReceipt;
import io.cairn.audit.spi.SoftwareCheckpointSigner;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.merkle.Hash;
import io.cairn.merkle.TreeHasher;
import io.cairn.proofs.ConsistencyProofFile;
import io.cairn.proofs.InclusionProofFile;
import io.cairn.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class PostgresJournalTest {
    @TempDir
    static Path dir;
    static Database db;
    PostgresJournal journal;
    CheckpointLog checkpoints;
    JournalProofs proofs;

    @BeforeAll
    static void open() {
        db = TestDatabase.open(dir);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void start() {
        TestDatabase.clear(db);
        startJournal();
    }

    @AfterEach
    void stop() {
        journal.close();
    }

    private void startJournal() {
        JournalSettings settings = JournalSettings.defaults("test.cairn/journal");
        journal = PostgresJournal.open(db.dataSource(), settings);
        checkpoints = new CheckpointLog(journal, SoftwareCheckpointSigner.generate("test-key"), settings, Clock.systemUTC());
        proofs = new JournalProofs(journal, checkpoints);
    }

    @Test
    void appendsGetConsecutiveIndexesAndTheirLeafHashIsTheHashOfTheCanonicalEntry() {
        for (int i = 0; i < 50; i++) {
            AuditEvent event = Events.event("append", i);
            JournalReceipt receipt = journal.append(event);
            assertThat(receipt.leafIndex()).isEqualTo(i);
            assertThat(Hash.fromBase64(receipt.leafHash())).isEqualTo(TreeHasher.leafHash(CanonicalEntry.encode(event)));
            JournalEntry stored = journal.entry(i).orElseThrow();
            assertThat(stored.event()).isEqualTo(event);
            assertThat(stored.createdAt()).isEqualTo(receipt.committedAt());
        }
        assertThat(journal.size()).isEqualTo(50);
        assertThat(journal.entry(50)).isEmpty();
    }

    @Test
    void aRangeOfEntriesIsReadInIndexOrderAndCutAtTheCommittedSize() {
        for (int i = 0; i < 20; i++) {
            journal.append(Events.event("range", i));
        }
        List<JournalEntry> range = journal.entries(5, 12);
        assertThat(range).extracting(JournalEntry::leafIndex).containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L);
        for (JournalEntry entry : range) {
            JournalEntry single = journal.entry(entry.leafIndex()).orElseThrow();
            assertThat(entry.entry()).isEqualTo(single.entry());
            assertThat(entry.leafHash()).isEqualTo(single.leafHash());
            assertThat(entry.createdAt()).isEqualTo(single.createdAt());
        }
        assertThat(journal.entries(18, 100)).extracting(JournalEntry::leafIndex).containsExactly(18L, 19L);
        assertThat(journal.entries(20, 30)).isEmpty();
        assertThat(journal.entries(-1, 3)).isEmpty();
    }

    @Test
    void theFirstCheckpointCoveringAnEntryIsTheOldestWhoseTreeHoldsIt() {
        for (int i = 0; i < 10; i++) {
            journal.append(Events.event("covering", i));
            if (i == 3 || i == 6) {
                checkpoints.create();
            }
        }
        assertThat(checkpoints.firstCovering(0).orElseThrow().treeSize()).isEqualTo(4);
        assertThat(checkpoints.firstCovering(3).orElseThrow().treeSize()).isEqualTo(4);
        assertThat(checkpoints.firstCovering(4).orElseThrow().treeSize()).isEqualTo(7);
        assertThat(checkpoints.firstCovering(7)).isEmpty();
    }

    @Test
    void inclusionProofsOfEveryEntryVerifyAgainstEveryCheckpoint() {
        List<Checkpoint> signed = new ArrayList<>();
        for (int size = 1; size <= 40; size++) {
            journal.append(Events.event("proof", size));
            if (size % 7 == 0 || size == 1 || size == 40) {
                signed.add(checkpoints.create());
            }
        }
        for (Checkpoint checkpoint : signed) {
            assertThat(checkpoint.signatureValid()).isTrue();
            for (long index = 0; index < checkpoint.treeSize(); index++) {
                InclusionProofFile proof = proofs.inclusion(index, Optional.of(checkpoint.treeSize()));
                assertThat(proof.root()).isEqualTo(checkpoint.root());
                assertThat(proof.leafHash()).isEqualTo(journal.entry(index).orElseThrow().leafHash());
                assertThat(proof.verify().isValid()).as("entry %d in %d", index, checkpoint.treeSize()).isTrue();
            }
        }
        for (int i = 1; i < signed.size(); i++) {
            ConsistencyProofFile proof = proofs.consistency(signed.get(i - 1).treeSize(), signed.get(i).treeSize());
            assertThat(proof.root1()).isEqualTo(signed.get(i - 1).root());
            assertThat(proof.root2()).isEqualTo(signed.get(i).root());
            assertThat(proof.verify().isValid()).isTrue();
        }
        assertThat(checkpoints.list(100)).hasSize(signed.size());
        assertThat(checkpoints.latest()).contains(signed.get(signed.size() - 1));
        assertThat(checkpoints.create()).as("nothing new: the latest is returned").isEqualTo(signed.get(signed.size() - 1));
    }

    @Test
    void proofRequestsOutsideTheTreeAreCataloguedErrors() {
        journal.append(Events.event("edge", 0));
        assertThatThrownBy(() -> proofs.inclusion(1, Optional.empty())).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.API_RESOURCE_NOT_FOUND));
        assertThatThrownBy(() -> proofs.inclusion(0, Optional.of(2L))).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.API_INVALID_PARAMETER));
        assertThatThrownBy(() -> proofs.consistency(1, 0)).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.API_INVALID_PARAMETER));
        assertThat(proofs.consistency(0, 1).verify().isValid()).isTrue();
        assertThat(proofs.consistency(1, 1).verify().isValid()).isTrue();
    }

    @Test
    void theSameKeyAndEventGivesTheSameReceiptAndAnotherEventIsAConflict() {
        JournalReceipt first = journal.append(Events.keyed("k-1", 1));
        journal.append(Events.event("other", 2));
        assertThat(journal.append(Events.keyed("k-1", 1))).isEqualTo(first);
        assertThatThrownBy(() -> journal.append(Events.keyed("k-1", 3))).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.JOURNAL_IDEMPOTENCY_CONFLICT);
            assertThat(e.error().httpStatus()).isEqualTo(409);
        });
        assertThat(journal.size()).isEqualTo(2);
        journal.close();
        startJournal();
        assertThat(journal.append(Events.keyed("k-1", 1))).as("after a restart").isEqualTo(first);
        assertThat(journal.size()).isEqualTo(2);
    }

    @Test
    void repeatedKeysWithinOneBatchAreJournaledOnce() {
        List<CompletableFuture<JournalReceipt>> same = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            same.add(journal.appendAsync(Events.keyed("batch-key", 7)));
            journal.appendAsync(Events.event("filler", i));
        }
        CompletableFuture<JournalReceipt> conflicting = journal.appendAsync(Events.keyed("batch-key", 8));
        Set<JournalReceipt> receipts = new HashSet<>();
        same.forEach(f -> receipts.add(f.join()));
        assertThat(receipts).hasSize(1);
        assertThat(conflicting).failsWithin(java.time.Duration.ofSeconds(10)).withThrowableThat()
                .havingRootCause().isInstanceOf(CairnException.class);
        journal.append(Events.event("last", 0));
        assertThat(journal.size()).isEqualTo(202);
    }

    @Test
    void concurrentAppendersGetDistinctGapFreeIndexesAndTheTreeStaysConsistent() throws Exception {
        int threads = 16;
        int each = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<JournalReceipt>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<JournalReceipt> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(journal.append(Events.keyed("t" + thread + "-" + i, thread * each + i)));
                }
                return mine;
            }));
        }
        Set<Long> indexes = new HashSet<>();
        for (Future<List<JournalReceipt>> result : results) {
            for (JournalReceipt receipt : result.get()) {
                assertThat(indexes.add(receipt.leafIndex())).as("index %d handed out twice", receipt.leafIndex()).isTrue();
            }
        }
        pool.shutdown();
        int total = threads * each;
        assertThat(indexes).hasSize(total);
        assertThat(indexes.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(total - 1);
        assertThat(journal.size()).isEqualTo(total);
        Checkpoint checkpoint = checkpoints.create();
        assertThat(checkpoint.treeSize()).isEqualTo(total);
        AuditReport report = new JournalAudit(journal, Clock.systemUTC()).run();
        assertThat(report.findings()).isEmpty();
        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(total);
        journal.close();
        startJournal();
        journal.append(Events.event("after-restart", 0));
        Checkpoint next = checkpoints.create();
        assertThat(proofs.consistency(checkpoint.treeSize(), next.treeSize()).verify().isValid()).isTrue();
    }

    @Test
    void twoJournalsOnOneDatabaseShareOneTree() throws Exception {
        PostgresJournal other = PostgresJournal.open(db.dataSource(), JournalSettings.defaults("test.cairn/journal"));
        try {
            Set<Long> indexes = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                PostgresJournal writer = i % 3 == 0 ? other : journal;
                assertThat(indexes.add(writer.append(Events.keyed("shared-" + i, i)).leafIndex())).isTrue();
                if (i == 30) {
                    checkpoints.create();
                }
            }
            assertThat(indexes).hasSize(60).contains(0L, 59L);
            assertThat(journal.size()).isEqualTo(60);
            assertThat(other.size()).isEqualTo(60);
            assertThat(other.append(Events.keyed("shared-7", 7)).leafIndex()).as("a replay seen through the other").isIn(indexes);
            Checkpoint last = new CheckpointLog(other, SoftwareCheckpointSigner.generate("other-key"),
                    JournalSettings.defaults("test.cairn/journal"), Clock.systemUTC()).create();
            assertThat(last.treeSize()).isEqualTo(60);
            AuditReport report = new JournalAudit(journal, Clock.systemUTC()).run();
            assertThat(report.findings()).isEmpty();
            assertThat(report.entriesChecked()).isEqualTo(60);
        } finally {
            other.close();
        }
    }

    @Test
    void aClosedJournalRefusesAppends() {
        journal.close();
        assertThatThrownBy(() -> journal.append(Events.event("late", 0))).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.JOURNAL_UNAVAILABLE));
    }
}
