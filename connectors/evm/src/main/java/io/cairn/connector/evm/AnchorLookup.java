package io.cairn.connector.evm;

import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.AnchorStatus;
import io.cairn.connector.spi.HashPointer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Verifies anchor receipts against the canonical chain and finds anchors by hash pointer. */
final class AnchorLookup {

    private final EvmLedgerConfig config;
    private final EvmNode node;
    private final String submitterTopic;

    AnchorLookup(EvmLedgerConfig config, EvmNode node, String submitter) {
        this.config = config;
        this.node = node;
        this.submitterTopic = AnchorContractAbi.addressTopic(submitter);
    }

    AnchorStatus verify(AnchorReceipt receipt) {
        long head = node.blockNumber();
        Optional<String> canonical = receipt.blockNumber() <= head ? node.blockHash(receipt.blockNumber())
                : Optional.empty();
        if (canonical.isEmpty()) {
            return new AnchorStatus.Missing("the chain (height " + head + ") no longer reaches block "
                    + receipt.blockNumber());
        }
        Optional<TransactionReceipt> current = node.receipt(receipt.transactionId());
        if (!canonical.get().equalsIgnoreCase(receipt.blockHash())) {
            return new AnchorStatus.Forked(canonical.get(), current.flatMap(r -> relocated(receipt, r)));
        }
        if (current.isEmpty() || !receipt.blockHash().equalsIgnoreCase(current.get().getBlockHash())) {
            return new AnchorStatus.Missing("transaction " + receipt.transactionId() + " is not in block "
                    + receipt.blockNumber());
        }
        if (anchoredLog(current.get(), receipt.hashPointer())
                .filter(log -> HexQuantity.parse(log.getLogIndexRaw()) == receipt.position()).isEmpty()) {
            return new AnchorStatus.Missing("block " + receipt.blockNumber() + " does not carry the hash pointer at "
                    + receipt.position());
        }
        long confirmations = head - receipt.blockNumber() + 1;
        return config.finality().isFinal(confirmations) ? new AnchorStatus.Final(confirmations)
                : new AnchorStatus.Confirmed(confirmations);
    }

    List<AnchorReceipt> find(HashPointer pointer) {
        long head = node.blockNumber();
        List<AnchorReceipt> found = new ArrayList<>();
        for (long from = config.deploymentBlock(); from <= head; from += config.maxBlockRange()) {
            long to = Math.min(head, from + config.maxBlockRange() - 1);
            EthFilter filter = new EthFilter(block(from), block(to), config.contractAddress());
            filter.addSingleTopic(AnchorContractAbi.ANCHORED_TOPIC);
            filter.addSingleTopic(AnchorContractAbi.topic(pointer.digest()));
            filter.addSingleTopic(AnchorContractAbi.topic(pointer.applicationBytes32()));
            filter.addSingleTopic(submitterTopic);
            for (Log log : node.logs(filter)) {
                if (!Boolean.TRUE.equals(log.isRemoved())
                        && AnchorContractAbi.pointer(log).filter(pointer::equals).isPresent()) {
                    found.add(receiptOf(log, pointer));
                }
            }
        }
        return found;
    }

    private Optional<AnchorReceipt> relocated(AnchorReceipt stale, TransactionReceipt now) {
        return anchoredLog(now, stale.hashPointer()).map(log -> receiptOf(log, stale.hashPointer()));
    }

    private Optional<Log> anchoredLog(TransactionReceipt receipt, HashPointer pointer) {
        return receipt.getLogs().stream()
                .filter(log -> config.contractAddress().equalsIgnoreCase(log.getAddress()))
                .filter(log -> AnchorContractAbi.pointer(log).filter(pointer::equals).isPresent())
                .findFirst();
    }

    private AnchorReceipt receiptOf(Log log, HashPointer pointer) {
        return new AnchorReceipt(config.ledgerId(), log.getTransactionHash(), HexQuantity.parse(log.getBlockNumberRaw()),
                log.getBlockHash(), HexQuantity.parse(log.getLogIndexRaw()), pointer);
    }

    static DefaultBlockParameter block(long number) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    }
}
