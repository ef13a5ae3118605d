package io.cairn.connector.evm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.spi.HashPointer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** The contract ABI as the connector encodes and decodes it, checked against the committed ABI and keccak. */
class AnchorContractAbiTest {

    private static final String SUBMITTER = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    @Test
    void eventTopicIsTheKeccakOfTheSignature() {
        byte[] signature = "Anchored(bytes32,bytes32,uint64,address)".getBytes(StandardCharsets.US_ASCII);
        assertThat(AnchorContractAbi.ANCHORED_TOPIC).isEqualTo(Numeric.toHexString(Hash.sha3(signature)));
    }

    @Test
    void callDataStartsWithTheSelectorOfAnchor() {
        String selector = Numeric.toHexString(Hash.sha3("anchor(bytes32,bytes32,uint64)"
                .getBytes(StandardCharsets.US_ASCII))).substring(0, 10);
        String data = AnchorContractAbi.anchorCall(new HashPointer(new byte[32], "a", 1));
        assertThat(data).startsWith(selector).hasSize(10 + 3 * 64);
        assertThat(AnchorContractArtifacts.runtimeBytecode()).contains(selector.substring(2));
    }

    @Test
    void committedAbiDeclaresTheSameEventAndFunction() {
        String abi = AnchorContractArtifacts.abiJson().replaceAll("\\s", "");
        assertThat(abi).contains("\"name\":\"Anchored\"", "\"name\":\"anchor\"", "\"type\":\"uint64\"");
    }

    @Test
    void anchoredLogsDecodeToTheirPointer() {
        long seed = Long.getLong("cairn.test.seed", 20261121L);
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 300; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            long seq = i == 0 ? 0 : i == 1 ? Long.MAX_VALUE : random.nextLong(Long.MAX_VALUE);
            decodesBack(digest, seq);
        }
    }

    private static void decodesBack(byte[] digest, long seq) {
        HashPointer pointer = new HashPointer(digest, "payments.eu-1", seq);
        Log log = log(pointer);
        assertThat(AnchorContractAbi.pointer(log)).contains(pointer);
        assertThat(AnchorContractAbi.submitter(log)).isEqualTo(SUBMITTER);
    }

    @Test
    void foreignLogsDecodeToNothing() {
        Log log = log(new HashPointer(new byte[32], "x", 0));
        log.setTopics(List.of(log.getTopics().get(0), log.getTopics().get(1),
                Numeric.toHexString(Numeric.toBytesPadded(BigInteger.ONE, 32)), log.getTopics().get(3)));
        assertThat(AnchorContractAbi.pointer(log)).isEmpty();
        log.setTopics(List.of(Numeric.toHexString(new byte[32])));
        assertThat(AnchorContractAbi.pointer(log)).isEmpty();
        assertThat(AnchorContractAbi.attributes(log)).containsKey("topic0").doesNotContainKey("submitter");
    }

    private static Log log(HashPointer pointer) {
        Log log = new Log();
        log.setTopics(List.of(AnchorContractAbi.ANCHORED_TOPIC, AnchorContractAbi.topic(pointer.digest()),
                AnchorContractAbi.topic(pointer.applicationBytes32()), AnchorContractAbi.addressTopic(SUBMITTER)));
        log.setData(Numeric.toHexString(Numeric.toBytesPadded(BigInteger.valueOf(pointer.blockSeq()), 32)));
        log.setAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3");
        return log;
    }
}
