package io.cairn.connector.evm;

import io.cairn.connector.spi.AnchorReceipt;
import io.cairn.connector.spi.HashPointer;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Sends one anchor: nonce, build, sign, send, wait for inclusion. Safe for concurrent callers, which is
 * how several anchors are pipelined.
 */
final class AnchorSubmitter {

    private static final Logger LOG = Logger.getLogger(AnchorSubmitter.class.getName());
    private static final int MAX_NONCE_RETRIES = 3;

    private final EvmLedgerConfig config;
    private final EvmNode node;
    private final EvmTransactionFactory factory;
    private final NonceSource nonces;
    private final FeeOracle fees;
    private final SendOrder order = new SendOrder();
    private volatile boolean nonceUncertain;

    AnchorSubmitter(EvmLedgerConfig config, EvmNode node, EvmTransactionFactory factory, NonceSource nonces) {
        this.config = config;
        this.node = node;
        this.factory = factory;
        this.nonces = nonces;
        this.fees = new FeeOracle(node, config.gasPolicy(), config.transactionType());
    }

    AnchorReceipt anchor(HashPointer pointer) {
        String txHash = submit(pointer);
        TransactionReceipt receipt = awaitReceipt(txHash);
        if (!receipt.isStatusOK()) {
            throw new CairnException(ErrorCode.LEDGER_ANCHOR_REJECTED, "anchor transaction " + txHash + " reverted",
                    Map.of("transactionId", txHash), null);
        }
        Log log = receipt.getLogs().stream()
                .filter(l -> config.contractAddress().equalsIgnoreCase(l.getAddress()))
                .filter(l -> AnchorContractAbi.pointer(l).filter(pointer::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> EvmNode.invalid("anchor transaction " + txHash + " emitted no Anchored event"));
        return new AnchorReceipt(config.ledgerId(), txHash, HexQuantity.parse(receipt.getBlockNumberRaw()),
                receipt.getBlockHash(), HexQuantity.parse(log.getLogIndexRaw()), pointer);
    }

    /** Re-reads the account's nonce from the node before the next allocation. */
    void resynchronise() {
        nonceUncertain = true;
    }

    private String submit(HashPointer pointer) {
        for (int attempt = 1; ; attempt++) {
            long nonce = allocate();
            EvmTransactionFactory.SignedTransaction tx;
            try {
                tx = factory.call(config.transactionType(), nonce, fees.fees(), config.gasLimit(),
                        config.contractAddress(), AnchorContractAbi.anchorCall(pointer),
                        "anchor " + pointer.application() + "#" + pointer.blockSeq() + " on " + config.ledgerId());
            } catch (RuntimeException e) {
                giveBack(nonce);
                throw e;
            }
            if (config.orderedSubmission()) {
                order.awaitTurn(nonce, config.requestTimeout());
            }
            SendOutcome outcome;
            try {
                outcome = send(tx);
            } finally {
                order.sent(nonce);
            }
            switch (outcome) {
                case ACCEPTED -> {
                    return tx.hash();
                }
                case NONCE_STALE -> {
                    nonceUncertain = true;
                    if (attempt >= MAX_NONCE_RETRIES) {
                        throw new CairnException(ErrorCode.LEDGER_ANCHOR_REJECTED,
                                "nonce kept conflicting with other transactions of " + factory.address());
                    }
                }
                default -> throw new IllegalStateException(outcome.toString());
            }
        }
    }

    private long allocate() {
        synchronized (nonces) {
            if (nonceUncertain || !nonces.initialised()) {
                long next = node.pendingTransactionCount(factory.address());
                nonces.resetTo(next);
                order.resetTo(next);
                nonceUncertain = false;
            }
            return nonces.allocate();
        }
    }

    /** Returns an unused nonce, unless a reset from the node has superseded it in the meantime. */
    private void giveBack(long nonce) {
        synchronized (nonces) {
            try {
                nonces.release(nonce);
            } catch (IllegalArgumentException superseded) {
                LOG.log(Level.FINE, "nonce {0} was superseded by a reset", nonce);
            }
        }
    }

    private enum SendOutcome { ACCEPTED, NONCE_STALE }

    private SendOutcome send(EvmTransactionFactory.SignedTransaction tx) {
        EthSendTransaction response;
        try {
            response = node.sendRaw(tx.rawHex());
        } catch (CairnException unreachable) {
            LOG.log(Level.WARNING, "outcome of transaction {0} (nonce {1}) unknown: {2}",
                    new Object[] {tx.hash(), tx.nonce(), unreachable.getMessage()});
            nonceUncertain = true;
            throw unreachable;
        }
        if (!response.hasError()) {
            return SendOutcome.ACCEPTED;
        }
        String message = response.getError().getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("already known") || message.contains("known transaction")) {
            return SendOutcome.ACCEPTED;
        }
        if (message.contains("nonce too low") || message.contains("nonce_too_low")
                || message.contains("replacement") || message.contains("underpriced")) {
            LOG.log(Level.INFO, "nonce {0} of {1} is taken ({2}); re-reading the account nonce",
                    new Object[] {tx.nonce(), factory.address(), response.getError().getMessage()});
            return SendOutcome.NONCE_STALE;
        }
        giveBack(tx.nonce());
        throw new CairnException(ErrorCode.LEDGER_ANCHOR_REJECTED,
                "node refused the anchor transaction: " + response.getError().getMessage());
    }

    private TransactionReceipt awaitReceipt(String txHash) {
        long deadline = System.nanoTime() + config.receiptTimeout().toNanos();
        long pauseMillis = 2;
        while (true) {
            Optional<TransactionReceipt> receipt = node.receipt(txHash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (System.nanoTime() > deadline) {
                nonceUncertain = true;
                throw new CairnException(ErrorCode.LEDGER_CONFIRMATION_TIMEOUT,
                        "anchor transaction " + txHash + " not included within " + config.receiptTimeout(),
                        Map.of("transactionId", txHash), null);
            }
            pause(Duration.ofMillis(pauseMillis));
            pauseMillis = Math.min(pauseMillis * 2, config.receiptPollInterval().toMillis());
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CairnException(ErrorCode.LEDGER_UNREACHABLE, "interrupted while waiting for the ledger");
        }
    }
}
