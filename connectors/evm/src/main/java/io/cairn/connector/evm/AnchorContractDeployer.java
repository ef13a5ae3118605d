package io.cairn.connector.evm;

import io.cairn.connector.spi.TransactionSigner;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Deploys the committed {@code CairnAnchor} build with a key from key custody, and checks the code the
 * node stored is the committed runtime bytecode.
 */
public final class AnchorContractDeployer {

    private static final String NO_CONTRACT = "0x" + "0".repeat(40);
    private static final BigInteger DEPLOY_GAS = BigInteger.valueOf(500_000);

    private AnchorContractDeployer() {
    }

    /**
     * Deploys the contract on the ledger {@code settings} describes (its contract address is ignored and
     * then set) and returns the completed configuration, with contract address and deployment block.
     */
    public static EvmLedgerConfig deploy(EvmLedgerConfig.Builder settings, TransactionSigner signer) {
        EvmLedgerConfig draft = settings.contractAddress(NO_CONTRACT).build();
        try (EvmNode node = new EvmNode(RpcTransport.open(draft))) {
            EvmTransactionFactory factory = new EvmTransactionFactory(signer, draft.keyAlias(), draft.chainId());
            FeeOracle fees = new FeeOracle(node, draft.gasPolicy(), draft.transactionType());
            EvmTransactionFactory.SignedTransaction tx = factory.create(draft.transactionType(),
                    node.pendingTransactionCount(factory.address()), fees.fees(), DEPLOY_GAS.max(draft.gasLimit()),
                    "0x" + AnchorContractArtifacts.creationBytecode(), "deploy CairnAnchor on " + draft.ledgerId());
            EthSendTransaction sent = node.sendRaw(tx.rawHex());
            if (sent.hasError()) {
                throw new CairnException(ErrorCode.LEDGER_ANCHOR_REJECTED,
                        "node refused the contract deployment: " + sent.getError().getMessage());
            }
            TransactionReceipt receipt = await(node, tx.hash(), draft);
            String address = Optional.ofNullable(receipt.getContractAddress()).filter(a -> receipt.isStatusOK())
                    .orElseThrow(() -> new CairnException(ErrorCode.LEDGER_ANCHOR_REJECTED,
                            "contract deployment " + tx.hash() + " failed"));
            if (!AnchorContractArtifacts.runtimeBytecode().equalsIgnoreCase(Numeric.cleanHexPrefix(node.code(address)))) {
                throw new CairnException(ErrorCode.LEDGER_IDENTITY_MISMATCH,
                        "deployed code at " + address + " differs from the committed CairnAnchor build");
            }
            return settings.contractAddress(address).deploymentBlock(receipt.getBlockNumber().longValueExact()).build();
        }
    }

    private static TransactionReceipt await(EvmNode node, String txHash, EvmLedgerConfig config) {
        long deadline = System.nanoTime() + config.receiptTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            Optional<TransactionReceipt> receipt = node.receipt(txHash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            AnchorSubmitter.pause(config.receiptPollInterval());
        }
        throw new CairnException(ErrorCode.LEDGER_CONFIRMATION_TIMEOUT, "contract deployment " + txHash
                + " not included within " + config.receiptTimeout());
    }
}
