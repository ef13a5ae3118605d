package io.cairn.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.signing.formats.Eip1559Transaction;
import io.cairn.signing.formats.EthereumAddress;
import io.cairn.signing.formats.EthereumSigner;
import io.cairn.signing.formats.EthereumTransaction;
import io.cairn.signing.formats.LegacyTransaction;
import io.cairn.signing.formats.SignedEthereumTransaction;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sign/ethereum-transaction}: legacy EIP-155 and EIP-1559 transactions through the signature-formats
 * module. The digest is Keccak-256 of the unsigned transaction; the facts (chain id, nonce, recipient, value)
 * come from the same transaction; the answer is the signed raw transaction, its hash, sender and v/r/s.
 */
public final class EthereumTransactionFormat implements LedgerFormat {
    /**
     * An Ethereum transaction as the API takes it. Quantities are decimal strings or {@code 0x} hex strings.
     *
     * @param type                 {@code legacy} (EIP-155) or {@code eip1559}
     * @param chainId              chain id
     * @param nonce                account nonce
     * @param gasPrice             legacy gas price
     * @param maxPriorityFeePerGas EIP-1559 tip
     * @param maxFeePerGas         EIP-1559 fee cap
     * @param gasLimit             gas limit
     * @param to                   recipient; absent to create a contract
     * @param value                wei
     * @param data                 call data, {@code 0x} hex
     */
    public record Transaction(String type, long chainId, String nonce, Optional<String> gasPrice,
                              Optional<String> maxPriorityFeePerGas, Optional<String> maxFeePerGas, String gasLimit,
                              Optional<String> to, String value, Optional<String> data) {
    }

    @Override
    public String name() {
        return "ethereum-transaction";
    }

    @Override
    public Set<Curve> curves() {
        return Set.of(Curve.SECP256K1);
    }

    @Override
    public Prepared prepare(JsonNode transaction) {
        Transaction t = parse(transaction);
        EthereumTransaction tx = build(t);
        return new Prepared(io.cairn.signing.EthereumAddress.keccak256(tx.signingPayload()), new LedgerTransaction(
                Long.toString(t.chainId()), Optional.of(quantity("nonce", t.nonce())),
                t.to().map(a -> "0x" + EthereumAddress.parse(a).hex().replaceFirst("^0x", "")),
                quantity("value", t.value())));
    }

    @Override
    public JsonNode assemble(JsonNode transaction, EncodedPublicKey publicKey, SignatureValue signature) {
        EthereumTransaction tx = build(parse(transaction));
        byte[] digest = io.cairn.signing.EthereumAddress.keccak256(tx.signingPayload());
        SignedEthereumTransaction signed = new EthereumSigner(new PresignedCustody(publicKey, digest, signature))
                .signTransaction(PresignedCustody.HANDLE, tx);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("raw", prefixed(signed.rawHex()));
        out.put("hash", prefixed(signed.hashHex()));
        out.put("sender", signed.sender().checksummed());
        out.put("v", signed.v().toString());
        out.put("r", signed.r().toString(16));
        out.put("s", signed.s().toString(16));
        return out;
    }

    private static Transaction parse(JsonNode node) {
        return FormatInput.read(node, Transaction.class);
    }

    private static EthereumTransaction build(Transaction t) {
        Optional<EthereumAddress> to = t.to().map(EthereumAddress::parse);
        byte[] data = t.data().map(EthereumTransactionFormat::bytes).orElse(new byte[0]);
        BigInteger nonce = quantity("nonce", t.nonce());
        BigInteger gasLimit = quantity("gasLimit", t.gasLimit());
        BigInteger value = quantity("value", t.value());
        return switch (String.valueOf(t.type())) {
            case "legacy" -> new LegacyTransaction(nonce, quantity("gasPrice", required("gasPrice", t.gasPrice())),
                    gasLimit, to, value, data, t.chainId());
            case "eip1559" -> new Eip1559Transaction(t.chainId(), nonce,
                    quantity("maxPriorityFeePerGas", required("maxPriorityFeePerGas", t.maxPriorityFeePerGas())),
                    quantity("maxFeePerGas", required("maxFeePerGas", t.maxFeePerGas())), gasLimit, to, value, data);
            default -> throw CairnException.field(ErrorCode.API_INVALID_FIELD, "transaction.type",
                    "type is legacy or eip1559");
        };
    }

    private static String required(String field, Optional<String> value) {
        return value.orElseThrow(() -> CairnException.field(ErrorCode.API_INVALID_FIELD, "transaction." + field,
                field + " is required for this transaction type"));
    }

    private static BigInteger quantity(String field, String text) {
        try {
            String t = String.valueOf(text).trim();
            return t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
        } catch (NumberFormatException e) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "transaction." + field,
                    field + " is a decimal or 0x-hexadecimal integer");
        }
    }

    private static byte[] bytes(String hex) {
        try {
            return HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
        } catch (IllegalArgumentException e) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "transaction.data", "data is 0x-hexadecimal bytes");
        }
    }

    private static String prefixed(String hex) {
        return hex.startsWith("0x") ? hex : "0x" + hex;
    }
}
