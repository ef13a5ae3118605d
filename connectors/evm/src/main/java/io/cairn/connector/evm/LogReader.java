package io.cairn.connector.evm;

import io.cairn.connector.spi.Checkpoint;
import io.cairn.connector.spi.LedgerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.Log;

/** Reads the next batch of contract events after a checkpoint. */
final class LogReader {

    private final EvmLedgerConfig config;
    private final EvmNode node;

    LogReader(EvmLedgerConfig config, EvmNode node) {
        this.config = config;
        this.node = node;
    }

    /** Events after a checkpoint and the checkpoint that covers them. */
    record Batch(List<LedgerEvent> events, Checkpoint next) {
    }

    /** The checkpoint's block is no longer canonical. */
    static final class Reorganised extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reorganised(String message) {
            super(message);
        }
    }

    /** A checkpoint at the current head. */
    Checkpoint head() {
        long head = node.blockNumber();
        return Checkpoint.afterBlock(head, node.blockHash(head).orElseThrow(
                () -> EvmNode.invalid("the node has no block at its own head " + head)));
    }

    /**
     * The batches of the next block range after {@code from}, in order; empty when nothing new is there yet.
     * Only the last batch ends the range; earlier ones end inside a block when a block holds more events
     * than a batch may.
     *
     * @throws Reorganised when {@code from}'s block was replaced
     */
    Optional<List<Batch>> next(Checkpoint from) {
        long head = canonicalHead(from);
        if (from.blockNumber() > head || (from.blockComplete() && from.blockNumber() >= head)) {
            return Optional.empty();
        }
        long start = Math.max(config.deploymentBlock(),
                from.blockComplete() ? from.blockNumber() + 1 : from.blockNumber());
        if (start > head) {
            return Optional.empty();
        }
        long end = Math.min(head, start + config.maxBlockRange() - 1);
        EthFilter filter = new EthFilter(AnchorLookup.block(start), AnchorLookup.block(end), config.contractAddress());
        List<Log> logs = node.logs(filter);
        String endHash = hashOfLastBlock(logs, end);
        List<LedgerEvent> events = new ArrayList<>();
        for (Log log : logs) {
            long block = HexQuantity.parse(log.getBlockNumberRaw());
            long position = HexQuantity.parse(log.getLogIndexRaw());
            if (Boolean.TRUE.equals(log.isRemoved()) || from.covers(block, position)) {
                continue;
            }
            if (block == end && !endHash.equalsIgnoreCase(log.getBlockHash())) {
                throw EvmNode.invalid("block " + end + " changed while it was read; reading again");
            }
            events.add(event(log, block, position));
        }
        return Optional.of(split(events, Checkpoint.afterBlock(end, endHash)));
    }

    /** Cuts one range's events into batches of at most {@code maxBatchSize}; the last one ends the range. */
    private List<Batch> split(List<LedgerEvent> events, Checkpoint rangeEnd) {
        List<Batch> batches = new ArrayList<>();
        int size = config.maxBatchSize();
        for (int from = 0; from + size < events.size(); from += size) {
            List<LedgerEvent> batch = List.copyOf(events.subList(from, from + size));
            batches.add(new Batch(batch, Checkpoint.after(batch.getLast())));
        }
        int rest = events.size() - batches.size() * size;
        batches.add(new Batch(List.copyOf(events.subList(events.size() - rest, events.size())), rangeEnd));
        return batches;
    }

    /** The head, after checking that the checkpoint's block is still canonical (one batched call). */
    private long canonicalHead(Checkpoint from) {
        if (from.blockNumber() < 0) {
            return node.blockNumber();
        }
        EvmNode.ChainView view = node.headAndBlockHash(from.blockNumber());
        String expected = from.blockHash().orElseThrow();
        if (view.blockHash().isPresent() && !view.blockHash().get().equalsIgnoreCase(expected)) {
            throw new Reorganised("block " + from.blockNumber() + " is now " + view.blockHash().get()
                    + ", the checkpoint names " + expected);
        }
        return view.head();
    }

    /** The hash of block {@code end}: from the logs when the last one is in it, else asked from the node. */
    private String hashOfLastBlock(List<Log> logs, long end) {
        if (!logs.isEmpty() && HexQuantity.parse(logs.getLast().getBlockNumberRaw()) == end) {
            return logs.getLast().getBlockHash();
        }
        return node.blockHash(end).orElseThrow(() -> EvmNode.invalid("no block " + end));
    }

    private LedgerEvent event(Log log, long block, long position) {
        boolean anchored = AnchorContractAbi.isAnchored(log);
        return new LedgerEvent(config.ledgerId(), block, log.getBlockHash(), position, log.getTransactionHash(),
                anchored ? "Anchored" : "Log",
                anchored ? AnchorContractAbi.anchoredPointer(log) : Optional.empty(),
                AnchorContractAbi.attributes(log, anchored));
    }
}
