package io.cairn.connector.fabric.chaincode;

import java.nio.charset.StandardCharsets;

/**
 * The payload of the {@value #NAME} chaincode event: what was anchored, in which transaction, by which
 * organisation. Serialised as a flat JSON object with the keys {@code hashPointer}, {@code application},
 * {@code blockSeq}, {@code txId} and {@code mspId}.
 *
 * @param request the anchored hash pointer
 * @param txId    the Fabric transaction id of the anchoring transaction
 * @param mspId   the MSP id of the submitting (creator) identity
 */
public record AnchoredEvent(AnchorRequest request, String txId, String mspId) {

    /** The chaincode event name. */
    public static final String NAME = "Anchored";

    /** @return the event payload as UTF-8 JSON */
    public byte[] toJson() {
        String json = "{\"hashPointer\":\"" + request.hashPointerHex()
                + "\",\"application\":\"" + request.application()
                + "\",\"blockSeq\":" + request.blockSeq()
                + ",\"txId\":" + quote(txId)
                + ",\"mspId\":" + quote(mspId) + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
