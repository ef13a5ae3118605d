package io.cairn.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.audit.spi.CanonicalEntry;
import io.cairn.audit.spi.SoftwareCheckpointSigner;
import io.cairn.journal.AuditFinding.Kind;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.merkle.TreeHasher;
import io.cairn.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing, deleting or reordering rows with SQL is reported by the audit and stops new checkpoints. */
@Tag("integration")
class JournalAuditTest {
    private static final int SIZE = 37;

    @TempDir
    static Path dir;
    static Database db;
    PostgresJournal journal;
    CheckpointLog checkpoints;
    JournalAudit audit;

    @BeforeAll
    static void open() {
        db = TestDatabase.open(dir);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void fill() {
        TestDatabase.clear(db);
        JournalSettings settings = JournalSettings.defaults("audit.test/journal");
        journal = PostgresJournal.open(db.dataSource(), settings);
        checkpoints = new CheckpointLog(journal, SoftwareCheckpointSigner.generate("k"), settings, Clock.systemUTC());
        audit = new JournalAudit(journal, Clock.systemUTC());
        for (int i = 0; i < SIZE; i++) {
            journal.append(Events.event("audit", i));
            if (i == 20) {
                checkpoints.create();
            }
        }
        checkpoints.create();
    }

    @AfterEach
    void stop() {
        journal.close();
    }

    @Test
    void anUntouchedJournalIsIntact() {
        AuditReport report = audit.run();
        assertThat(report.findings()).isEmpty();
        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(SIZE);
        assertThat(report.checkpointsChecked()).isEqualTo(2);
        assertThat(report.nodesChecked()).isEqualTo(SIZE - Long.bitCount(SIZE));
        assertThat(audit.latest()).contains(report);
        assertThat(audit.findingsSinceStart()).isZero();
        assertThat(journal.size()).isEqualTo(SIZE);
    }

    @Test
    void anEditedEntryIsReportedAtItsIndex() throws InterruptedException {
        sql("update journal.entries set entry = overlay(entry placing '\\x58'::bytea from 30 for 1) where leaf_index = 12");
        AuditReport report = audit.run();
        assertThat(report.intact()).isFalse();
        assertThat(report.findings()).extracting(AuditFinding::kind, AuditFinding::position)
                .contains(org.assertj.core.groups.Tuple.tuple(Kind.ENTRY_EDITED, 12L));
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo(Kind.CHECKPOINT_ROOT_MISMATCH));
        assertThat(audit.findingsSinceStart()).isEqualTo(report.findingCount());
        assertThat(tamperAlert().attributes()).containsEntry("findings", Long.toString(report.findingCount()))
                .containsEntry("first.kind", report.findings().getFirst().kind().name());
        audit.run();
        assertThat(audit.findingsSinceStart()).isEqualTo(2 * report.findingCount());
    }

    /** The alert the audit journals after a run with findings (it is appended without waiting). */
    private io.cairn.audit.spi.AuditEvent tamperAlert() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (journal.size() == SIZE && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        JournalEntry alert = journal.entry(SIZE).orElseThrow();
        io.cairn.audit.spi.AuditEvent event = CanonicalEntry.decode(alert.entry());
        assertThat(event.type()).isEqualTo("journal.tamper-detected");
        return event;
    }

    @Test
    void anEntryEditedTogetherWithItsLeafHashFailsTheNodesAndTheSignedRoots() {
        byte[] forged = CanonicalEntry.encode(Events.event("forged", 5));
        db.jdbi().useHandle(h -> h.execute("update journal.entries set entry = ?, leaf_hash = ? where leaf_index = 5",
                forged, TreeHasher.leafHash(forged).bytes()));
        AuditReport report = audit.run();
        assertThat(report.findings()).extracting(AuditFinding::kind)
                .doesNotContain(Kind.ENTRY_EDITED)
                .contains(Kind.NODE_MISMATCH, Kind.CHECKPOINT_ROOT_MISMATCH);
        JournalProofs proofs = new JournalProofs(journal, checkpoints);
        assertThat(proofs.inclusion(5, Optional.of((long) SIZE)).verify().isValid()).isFalse();
        assertThat(proofs.inclusion(6, Optional.of((long) SIZE)).verify().isValid()).isTrue();
    }

    @Test
    void anEditedRightEdgeNodeStopsTheNextCheckpoint() {
        sql("update journal.tree_nodes set hash = sha256(hash) where level = 5 and node_index = 0");
        journal.append(Events.event("more", 99));
        assertThatThrownBy(checkpoints::create).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.JOURNAL_CHECKPOINT_INCONSISTENT));
        assertThat(checkpoints.latest().orElseThrow().treeSize()).isEqualTo(SIZE);
        assertThat(audit.run().findings()).extracting(AuditFinding::kind).containsExactly(Kind.NODE_MISMATCH);
    }

    @Test
    void aDeletedEntryIsReported() {
        sql("delete from journal.entries where leaf_index = 30");
        AuditReport report = audit.run();
        assertThat(report.findings()).extracting(AuditFinding::kind, AuditFinding::position)
                .contains(org.assertj.core.groups.Tuple.tuple(Kind.ENTRY_MISSING, 30L));
        assertThat(report.findings()).extracting(AuditFinding::kind).contains(Kind.CHECKPOINT_BEYOND_JOURNAL);
    }

    @Test
    void swappedEntriesAreReported() {
        db.jdbi().useTransaction(h -> {
            h.execute("update journal.entries set leaf_index = 1000000 where leaf_index = 3");
            h.execute("update journal.entries set leaf_index = 3 where leaf_index = 4");
            h.execute("update journal.entries set leaf_index = 4 where leaf_index = 1000000");
        });
        AuditReport report = audit.run();
        assertThat(report.findings()).extracting(AuditFinding::kind)
                .contains(Kind.NODE_MISMATCH, Kind.CHECKPOINT_ROOT_MISMATCH);
        assertThat(report.findings()).filteredOn(f -> f.kind() == Kind.NODE_MISMATCH)
                .anySatisfy(f -> assertThat(f.position()).isEqualTo(2L));
    }

    @Test
    void anEditedTreeNodeMakesProofsFailAndIsReported() {
        sql("update journal.tree_nodes set hash = sha256(hash) where level = 2 and node_index = 1");
        AuditReport report = audit.run();
        assertThat(report.findings()).extracting(AuditFinding::kind, AuditFinding::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.NODE_MISMATCH, 4L));
        JournalProofs proofs = new JournalProofs(journal, checkpoints);
        assertThat(proofs.inclusion(0, Optional.of((long) SIZE)).verify().isValid()).isFalse();
    }

    @Test
    void anEditedCheckpointFailsItsSignature() {
        sql("update journal.checkpoints set issued_at = issued_at + interval '1 day' where tree_size = 21");
        AuditReport report = audit.run();
        assertThat(report.findings()).extracting(AuditFinding::kind, AuditFinding::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_SIGNATURE_INVALID, 21L));
    }

    private static void sql(String statement) {
        db.jdbi().useHandle(h -> h.execute(statement));
    }
}
