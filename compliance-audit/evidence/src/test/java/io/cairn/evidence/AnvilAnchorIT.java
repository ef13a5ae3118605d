package io.cairn.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.evm.AnchorContractAbi;
import io.cairn.connector.evm.AnchorContractArtifacts;
import io.cairn.connector.evm.AnvilNode;
import io.cairn.connector.spi.HashPointer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anchors verification blocks on a real anvil node with the CairnAnchor contract and checks them with
 * {@code cairn audit verify --ledger-rpc}: the real anchor verifies, anchors naming the wrong transaction,
 * an unknown one or a wrong height are reported.
 */
@Tag("integration")
class AnvilAnchorIT {
    @TempDir
    static Path dir;
    static AnvilNode anvil;
    static String account;
    static String contract;

    @BeforeAll
    static void startAnvil() {
        anvil = AnvilNode.start(31_337);
        account = ((List<?>) anvil.call("eth_accounts")).get(0).toString();
        String deployment = send(Map.of("from", account, "data", "0x" + AnchorContractArtifacts.creationBytecode(),
                "gas", "0x7a120"));
        contract = receipt(deployment).get("contractAddress").toString();
    }

    @AfterAll
    static void stopAnvil() {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void aRealAnchorVerifiesOnTheLedgerAndWrongOnesAreNamed() {
        EvidenceScenario scenario = EvidenceScenario.build(15, 21);
        BlockRecord first = scenario.sealed.get(0);
        BlockRecord second = scenario.sealed.get(1);
        BlockRecord third = scenario.sealed.get(2);
        String firstTx = anchor(first);
        long firstHeight = height(firstTx);
        anvil.mine(3);
        scenario.blocks.anchor(first, record(firstTx, firstHeight));

        Path good = export(scenario, "good.zip");
        Bundles.Run run = Bundles.audit("verify", good.toString(), "--ledger-rpc", "anvil=" + anvil.url());
        assertThat(run.status()).as(run.out()).isEqualTo(AuditCommand.EXIT_VALID);
        assertThat(run.out()).contains("[ok]      Ledger anchors: 1 of 4 anchor(s) checked on the ledger")
                .contains("block 0 on anvil at height " + firstHeight + " (4 confirmations)")
                .contains("3 not checked (besu-main)");

        String thirdTx = anchor(third);
        scenario.blocks.anchor(second, record(firstTx, firstHeight));
        scenario.blocks.anchor(third, record(thirdTx, height(thirdTx) + 1));
        scenario.blocks.anchor(third, record("0x" + "ab".repeat(32), 1));
        Path bad = export(scenario, "bad.zip");
        run = Bundles.audit("verify", bad.toString(), "--ledger-rpc", "anvil=" + anvil.url());
        assertThat(run.status()).isEqualTo(AuditCommand.EXIT_INVALID);
        assertThat(run.out()).contains("FAIL ledger anvil | block 1 (line 2) anchor 0 tx " + firstTx
                        + " | the transaction emitted no Anchored event for block hash " + second.blockHash())
                .contains("FAIL ledger anvil | block 2 (line 3) anchor 0 tx 0x" + "ab".repeat(32)
                        + " | the ledger has no receipt")
                .contains("FAIL ledger anvil | block 2 (line 3) anchor 1 tx " + thirdTx + " | included at height")
                .contains("RESULT: INVALID");

        Bundles.Run offline = Bundles.audit("verify", bad.toString());
        assertThat(offline.status()).as("anchors are claims only a ledger can confirm").isEqualTo(AuditCommand.EXIT_VALID);
        Bundles.Run unreachable = Bundles.audit("verify", good.toString(), "--ledger-rpc", "anvil=http://127.0.0.1:9");
        assertThat(unreachable.status()).isEqualTo(AuditCommand.EXIT_INVALID);
        assertThat(unreachable.out()).contains("cannot be asked");
    }

    private static Path export(EvidenceScenario scenario, String name) {
        try {
            return Bundles.export(scenario.exporter(), scenario.scope(false), dir.resolve(name));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AnchorRecord record(String tx, long height) {
        return new AnchorRecord("anvil", "evm", tx, height, "anchored", Instant.parse("2026-11-20T11:00:00Z"));
    }

    private static String anchor(BlockRecord block) {
        HashPointer pointer = new HashPointer(HexFormat.of().parseHex(block.blockHash()), block.app(), block.seq());
        return send(Map.of("from", account, "to", contract, "data", AnchorContractAbi.anchorCall(pointer),
                "gas", "0x30d40"));
    }

    private static long height(String tx) {
        return new BigInteger(receipt(tx).get("blockNumber").toString().substring(2), 16).longValueExact();
    }

    private static String send(Map<String, String> transaction) {
        return anvil.call("eth_sendTransaction", transaction).toString();
    }

    /** The transaction's receipt, waiting up to 10 s for anvil to mine it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> receipt(String tx) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        Map<String, Object> receipt = (Map<String, Object>) anvil.call("eth_getTransactionReceipt", tx);
        while (receipt == null && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            receipt = (Map<String, Object>) anvil.call("eth_getTransactionReceipt", tx);
        }
        assertThat(receipt).as("receipt of " + tx).isNotNull();
        assertThat(receipt.get("status")).isEqualTo("0x1");
        return receipt;
    }
}
