package io.cairn.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.signing.formats.EthereumAddress;
import io.cairn.signing.formats.EthereumSignature;
import io.cairn.signing.formats.EthereumSigner;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sign/ethereum-typed-data}: EIP-712 typed data ({@code eth_signTypedData_v4} JSON: {@code types},
 * {@code primaryType}, {@code domain}, {@code message}) through the signature-formats module: the digest is
 * {@link EthereumSigner#typedDataHash}; the document is at most 64 KiB; secp256k1 keys only. The answer is the
 * 65-byte {@code r || s || v} signature, its parts, the digest and the signer's address. Facts for the policy:
 * the domain's {@code chainId} (ledger {@code ethereum} when the domain has none), its
 * {@code verifyingContract} as destination, no nonce, no value.
 */
public final class EthereumTypedDataFormat implements LedgerFormat {
    /**
     * Typed data to sign.
     *
     * @param typedData the EIP-712 document as a JSON object
     */
    public record TypedData(JsonNode typedData) {
    }

    @Override
    public String name() {
        return "ethereum-typed-data";
    }

    @Override
    public Set<Curve> curves() {
        return Set.of(Curve.SECP256K1);
    }

    @Override
    public Prepared prepare(JsonNode transaction) {
        JsonNode typedData = typedData(transaction);
        JsonNode domain = typedData.path("domain");
        Optional<String> to = Optional.of(domain.path("verifyingContract")).filter(JsonNode::isTextual)
                .map(a -> parseAddress(a.asText()).hex());
        LedgerTransaction facts = FormatInput.facts(chainId(domain.path("chainId")), to);
        return new Prepared(digest(typedData), facts);
    }

    @Override
    public JsonNode assemble(JsonNode transaction, EncodedPublicKey publicKey, SignatureValue signature) {
        JsonNode typedData = typedData(transaction);
        EthereumSignature signed = new EthereumSigner(new PresignedCustody(publicKey, digest(typedData), signature))
                .signTypedData(PresignedCustody.HANDLE, typedData.toString());
        return EthereumMessageFormat.answer(signed, publicKey);
    }

    private static JsonNode typedData(JsonNode transaction) {
        JsonNode typedData = FormatInput.read(transaction, TypedData.class).typedData();
        if (typedData == null || !typedData.isObject()) {
            throw FormatInput.invalid("typedData", "typedData is an EIP-712 JSON object");
        }
        FormatInput.limit("typedData", typedData.toString().getBytes(StandardCharsets.UTF_8).length,
                FormatInput.MAX_MESSAGE_BYTES);
        return typedData;
    }

    private static byte[] digest(JsonNode typedData) {
        return EthereumSigner.typedDataHash(typedData.toString());
    }

    /** The domain's chain id in decimal (JSON number, decimal or 0x string), or the ledger name without one. */
    private static String chainId(JsonNode chainId) {
        if (chainId.isMissingNode() || chainId.isNull()) {
            return EthereumMessageFormat.LEDGER;
        }
        try {
            String text = chainId.asText().trim();
            BigInteger id = chainId.isIntegralNumber() ? chainId.bigIntegerValue()
                    : text.startsWith("0x") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
            if (id.signum() <= 0) {
                throw new NumberFormatException();
            }
            return id.toString();
        } catch (NumberFormatException e) {
            throw FormatInput.invalid("typedData.domain.chainId", "the domain's chainId is a positive integer");
        }
    }

    private static EthereumAddress parseAddress(String text) {
        try {
            return EthereumAddress.parse(text);
        } catch (RuntimeException e) {
            throw FormatInput.invalid("typedData.domain.verifyingContract",
                    "verifyingContract is 0x followed by 40 hex digits");
        }
    }
}
