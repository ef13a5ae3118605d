package io.cairn.connector.fabric.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.junit.jupiter.api.Test;

class AnchorChaincodeTest {

    private static final String DIGEST = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    /** A stub that answers the calls the chaincode makes and records the events it sets. */
    private static final class FakeStub {
        final Map<String, byte[]> events = new HashMap<>();
        final List<String> writes = new java.util.ArrayList<>();

        ChaincodeStub stub(String function, List<String> params) {
            return (ChaincodeStub) Proxy.newProxyInstance(ChaincodeStub.class.getClassLoader(),
                    new Class<?>[] {ChaincodeStub.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getFunction" -> function;
                        case "getParameters" -> params;
                        case "getTxId" -> "tx-1";
                        case "getCreator" -> SerializedIdentity.newBuilder().setMspid("Org1MSP").build()
                                .toByteArray();
                        case "setEvent" -> {
                            events.put((String) args[0], (byte[]) args[1]);
                            yield null;
                        }
                        default -> {
                            writes.add(method.getName());
                            throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }
    }

    @Test
    void anchorEmitsOneEventWithThePayloadAndWritesNothing() {
        FakeStub fake = new FakeStub();
        Response response = new AnchorChaincode().invoke(fake.stub("anchor", List.of(DIGEST, "payments", "42")));

        assertThat(response.getStatus()).isEqualTo(Response.Status.SUCCESS);
        String expected = "{\"hashPointer\":\"" + DIGEST + "\",\"application\":\"payments\",\"blockSeq\":42,"
                + "\"txId\":\"tx-1\",\"mspId\":\"Org1MSP\"}";
        assertThat(new String(response.getPayload(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(fake.events).containsOnlyKeys(AnchoredEvent.NAME);
        assertThat(new String(fake.events.get(AnchoredEvent.NAME), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(fake.writes).isEmpty();
    }

    @Test
    void upperCaseHexIsNormalised() {
        FakeStub fake = new FakeStub();
        Response response = new AnchorChaincode().invoke(
                fake.stub("anchor", List.of(DIGEST.toUpperCase(java.util.Locale.ROOT), "a", "0")));
        assertThat(response.getStatus()).isEqualTo(Response.Status.SUCCESS);
        assertThat(new String(response.getPayload(), StandardCharsets.UTF_8)).contains(DIGEST);
    }

    @Test
    void malformedArgumentsAreRejectedWithoutAnEvent() {
        List<List<String>> bad = List.of(
                List.of(DIGEST, "payments"),
                List.of(DIGEST.substring(2), "payments", "1"),
                List.of(DIGEST.replace('0', 'g'), "payments", "1"),
                List.of(DIGEST, "Payments", "1"),
                List.of(DIGEST, "a".repeat(33), "1"),
                List.of(DIGEST, "", "1"),
                List.of(DIGEST, "payments", "-1"),
                List.of(DIGEST, "payments", "x"));
        for (List<String> args : bad) {
            FakeStub fake = new FakeStub();
            Response response = new AnchorChaincode().invoke(fake.stub("anchor", args));
            assertThat(response.getStatus()).as("%s", args).isEqualTo(Response.Status.INTERNAL_SERVER_ERROR);
            assertThat(fake.events).as("%s", args).isEmpty();
        }
    }

    @Test
    void unknownFunctionIsAnErrorAndPingAnswers() {
        FakeStub fake = new FakeStub();
        assertThat(new AnchorChaincode().invoke(fake.stub("delete", List.of())).getStatus())
                .isEqualTo(Response.Status.INTERNAL_SERVER_ERROR);
        Response ping = new AnchorChaincode().invoke(fake.stub("ping", List.of()));
        assertThat(ping.getStatus()).isEqualTo(Response.Status.SUCCESS);
        assertThat(ping.getStringPayload()).isEqualTo("pong");
    }

    @Test
    void parsedRequestsRoundTripTheirDigest() {
        Random random = new Random(7_2026L);
        for (int i = 0; i < 200; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            long seq = random.nextLong(Long.MAX_VALUE);
            AnchorRequest request = AnchorRequest.parse(
                    List.of(HexFormat.of().formatHex(digest), "app-" + i, Long.toString(seq)));
            assertThat(request.digest()).isEqualTo(digest);
            assertThat(request.blockSeq()).isEqualTo(seq);
        }
    }

    @Test
    void eventJsonEscapesQuotesAndControlCharacters() {
        AnchoredEvent event = new AnchoredEvent(new AnchorRequest(DIGEST, "a", 1), "t\"x", "M\\S\nP");
        assertThat(new String(event.toJson(), StandardCharsets.UTF_8))
                .endsWith(",\"txId\":\"t\\\"x\",\"mspId\":\"M\\\\S\\u000aP\"}");
        assertThatThrownBy(() -> new AnchorRequest(null, "a", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
