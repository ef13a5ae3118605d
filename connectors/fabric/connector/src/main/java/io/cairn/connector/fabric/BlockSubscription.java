package io.cairn.connector.fabric;

import io.cairn.connector.spi.Checkpoint;
import io.cairn.connector.spi.EventSubscription;
import io.cairn.connector.spi.LedgerEvent;
import io.cairn.connector.spi.LedgerEventSink;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.common.Block;

/**
 * A subscription over the gateway's block events: opens the stream at the acknowledged checkpoint's block
 * (through a fabric-gateway {@link org.hyperledger.fabric.client.Checkpoint}), checks that block's hash,
 * skips what the checkpoint covers and delivers the chaincode's events of every later block, one batch per
 * block (split at {@code maxBatchSize}, mid-block checkpoints for all but the last part; an empty batch for a
 * block without events). A rejected batch is delivered again, unchanged, after a back-off doubling from
 * 250 ms to 30 s; a broken stream is reopened from the acknowledged checkpoint after the same back-off.
 */
final class BlockSubscription implements EventSubscription {

    private static final Logger LOG = System.getLogger(BlockSubscription.class.getName());
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final BlockStore blocks;
    private final AnchorEvents events;
    private final LedgerEventSink sink;
    private final int maxBatchSize;
    private final Thread thread;
    private final Object pause = new Object();
    private volatile Checkpoint acknowledged;
    private volatile State state = State.RUNNING;
    private volatile CairnException failure;
    private volatile CloseableIterator<Block> stream;

    BlockSubscription(String ledgerId, BlockStore blocks, AnchorEvents events, Checkpoint from,
            LedgerEventSink sink, int maxBatchSize) {
        this.blocks = blocks;
        this.events = events;
        this.sink = sink;
        this.maxBatchSize = maxBatchSize;
        this.acknowledged = from;
        this.thread = Thread.ofPlatform().daemon().name("fabric-events-" + ledgerId).unstarted(this::run);
    }

    BlockSubscription start() {
        thread.start();
        return this;
    }

    @Override
    public Checkpoint acknowledged() {
        return acknowledged;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Optional<CairnException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        synchronized (pause) {
            if (state == State.RUNNING) {
                state = State.CLOSED;
            }
            pause.notifyAll();
        }
        CloseableIterator<Block> open = stream;
        if (open != null) {
            open.close();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (state == State.RUNNING) {
            try {
                follow();
            } catch (Reorganised e) {
                return;
            } catch (RuntimeException e) {
                if (state != State.RUNNING) {
                    return;
                }
                LOG.log(Level.WARNING, "block events from " + acknowledged + " failed, reopening: " + e);
                backoff = pause(backoff);
            }
        }
    }

    private void follow() {
        long start = Math.max(0, acknowledged.blockNumber());
        try (CloseableIterator<Block> open = blocks.follow(new ResumeAt(start))) {
            stream = open;
            if (state != State.RUNNING) {
                return;
            }
            while (state == State.RUNNING && open.hasNext()) {
                handle(FabricBlock.decode(open.next()));
            }
        } finally {
            stream = null;
        }
    }

    private void handle(FabricBlock block) {
        Checkpoint ack = acknowledged;
        if (block.number() == ack.blockNumber() && !ack.blockHash().orElseThrow().equals(block.hash())) {
            sink.reorganised(ack);
            failure = new CairnException(ErrorCode.LEDGER_REORG_DETECTED, "block " + block.number()
                    + " of the checkpoint has hash " + block.hash() + ", not " + ack.blockHash().orElseThrow());
            state = State.FAILED;
            throw new Reorganised();
        }
        if (block.number() < ack.blockNumber() || (block.number() == ack.blockNumber() && ack.blockComplete())) {
            return;
        }
        List<LedgerEvent> fresh = events.of(block).stream()
                .filter(e -> !ack.covers(e.blockNumber(), e.position())).toList();
        for (int from = 0; from < fresh.size(); from += maxBatchSize) {
            List<LedgerEvent> batch = fresh.subList(from, Math.min(fresh.size(), from + maxBatchSize));
            boolean last = from + maxBatchSize >= fresh.size();
            deliver(batch, last ? Checkpoint.afterBlock(block.number(), block.hash())
                    : Checkpoint.after(batch.getLast()));
        }
        if (fresh.isEmpty()) {
            deliver(List.of(), Checkpoint.afterBlock(block.number(), block.hash()));
        }
    }

    private void deliver(List<LedgerEvent> batch, Checkpoint next) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            if (state != State.RUNNING) {
                throw new IllegalStateException("subscription closed");
            }
            try {
                sink.deliver(batch, next);
                acknowledged = next;
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sink rejected " + batch.size() + " events up to " + next + ": " + e);
                backoff = pause(backoff);
            }
        }
    }

    private Duration pause(Duration backoff) {
        synchronized (pause) {
            if (state == State.RUNNING) {
                try {
                    pause.wait(backoff.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    state = State.CLOSED;
                }
            }
        }
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    /** Where the gateway starts the block stream: the acknowledged checkpoint's block. */
    private record ResumeAt(long block) implements org.hyperledger.fabric.client.Checkpoint {
        @Override
        public OptionalLong getBlockNumber() {
            return OptionalLong.of(block);
        }

        @Override
        public Optional<String> getTransactionId() {
            return Optional.empty();
        }
    }

    /** Unwinds the delivering thread after a reorganisation was reported. */
    private static final class Reorganised extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reorganised() {
            super(null, null, false, false);
        }
    }
}
