package io.cairn.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.signing.formats.FabricSignature;
import io.cairn.signing.formats.FabricSigner;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sign/fabric}: Hyperledger Fabric signatures through the signature-formats module's {@link FabricSigner}.
 * The input is the signed part of a Fabric message (the serialised {@code peer.Proposal} of a
 * {@code SignedProposal} or the serialised {@code common.Payload} of an {@code Envelope}), base64, at most
 * 1 MiB; the digest is its SHA-256; P-256 keys only. The answer is the DER signature with low S (hex and
 * base64), the digest and the public key. Facts for the policy: ledger {@code fabric}, no nonce, no value.
 */
public final class FabricFormat implements LedgerFormat {
    /** The ledger name the policy sees for Fabric signatures. */
    public static final String LEDGER = "fabric";

    /**
     * A Fabric payload as the API takes it.
     *
     * @param payload base64 of the proposal or transaction bytes (1 byte to 1 MiB decoded)
     */
    public record Payload(String payload) {
    }

    @Override
    public String name() {
        return "fabric";
    }

    @Override
    public Set<Curve> curves() {
        return Set.of(Curve.P256);
    }

    @Override
    public Prepared prepare(JsonNode transaction) {
        return new Prepared(FormatInput.sha256(payload(transaction)), FormatInput.facts(LEDGER, Optional.empty()));
    }

    @Override
    public JsonNode assemble(JsonNode transaction, EncodedPublicKey publicKey, SignatureValue signature) {
        byte[] payload = payload(transaction);
        FabricSignature signed = new FabricSigner(new PresignedCustody(publicKey, FormatInput.sha256(payload), signature))
                .sign(PresignedCustody.HANDLE, payload);
        ObjectNode out = FormatInput.answer(publicKey);
        out.put("signature", HexFormat.of().formatHex(signed.der()));
        out.put("signatureBase64", Base64.getEncoder().encodeToString(signed.der()));
        out.put("digest", HexFormat.of().formatHex(signed.digest()));
        out.put("publicKeyInfo", Base64.getEncoder().encodeToString(publicKey.subjectPublicKeyInfo()));
        return out;
    }

    /**
     * The input, read without the API's JSON string limit (1,000,000 characters), which a 1 MiB payload in base64
     * exceeds; as strict as the API otherwise: no other fields, the payload a string.
     */
    private static Payload read(JsonNode transaction) {
        transaction.fieldNames().forEachRemaining(field -> {
            if (!field.equals("payload")) {
                throw CairnException.field(ErrorCode.API_UNKNOWN_FIELD, field, "unknown field '" + field
                        + "'; known fields: payload");
            }
        });
        JsonNode payload = transaction.path("payload");
        if (!payload.isTextual()) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "payload", "field 'payload' is required: "
                    + "the base64 proposal or transaction bytes");
        }
        return new Payload(payload.asText());
    }

    private static byte[] payload(JsonNode transaction) {
        String text = read(transaction).payload();
        // base64 carries 3 bytes in 4 characters (at most 2 of padding): refuse an oversized text before decoding
        FormatInput.limit("payload", text.length() / 4L * 3 - 2, FormatInput.MAX_PAYLOAD_BYTES);
        byte[] bytes = FormatInput.limited("payload", FormatInput.base64("payload", text), FormatInput.MAX_PAYLOAD_BYTES);
        if (bytes.length == 0) {
            throw FormatInput.invalid("payload", "payload is 1 byte to 1 MiB of Fabric proposal or transaction bytes");
        }
        return bytes;
    }
}
