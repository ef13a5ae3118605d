package io.cairn.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.signing.formats.EthereumAddress;
import io.cairn.signing.formats.EthereumSignature;
import io.cairn.signing.formats.EthereumSigner;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.web3j.crypto.Sign;

/**
 * {@code sign/ethereum-message}: EIP-191 {@code personal_sign} through the signature-formats module's
 * {@link EthereumSigner#personalSign}: Keccak-256 of {@code "\x19Ethereum Signed Message:\n" + length + message}.
 * The message is UTF-8 text or hex bytes, at most 64 KiB; secp256k1 keys only. The answer is the 65-byte
 * {@code r || s || v} signature ({@code v} 27 or 28), its parts, the digest and the signer's address. Facts for
 * the policy: ledger {@code ethereum} (a personal message names no chain), no nonce, no value.
 */
public final class EthereumMessageFormat implements LedgerFormat {
    /** The ledger name the policy sees for Ethereum signatures that name no chain id. */
    public static final String LEDGER = "ethereum";

    /**
     * A message to sign.
     *
     * @param message  the message: UTF-8 text, or hex bytes (optional {@code 0x})
     * @param encoding {@code utf8} (default) or {@code hex}
     */
    public record Message(String message, Optional<String> encoding) {
    }

    @Override
    public String name() {
        return "ethereum-message";
    }

    @Override
    public Set<Curve> curves() {
        return Set.of(Curve.SECP256K1);
    }

    @Override
    public Prepared prepare(JsonNode transaction) {
        return new Prepared(Sign.getEthereumMessageHash(message(transaction)), FormatInput.facts(LEDGER, Optional.empty()));
    }

    @Override
    public JsonNode assemble(JsonNode transaction, EncodedPublicKey publicKey, SignatureValue signature) {
        byte[] message = message(transaction);
        EthereumSignature signed = new EthereumSigner(new PresignedCustody(publicKey,
                Sign.getEthereumMessageHash(message), signature)).personalSign(PresignedCustody.HANDLE, message);
        return answer(signed, publicKey);
    }

    /** The answer of a recoverable Ethereum message signature: {@code r || s || v}, parts, digest, address. */
    static ObjectNode answer(EthereumSignature signed, EncodedPublicKey publicKey) {
        ObjectNode out = FormatInput.answer(publicKey);
        out.put("signature", signed.hex());
        out.put("r", "0x" + HexFormat.of().formatHex(signed.signature().rBytes()));
        out.put("s", "0x" + HexFormat.of().formatHex(signed.signature().sBytes()));
        out.put("v", signed.v());
        out.put("digest", "0x" + HexFormat.of().formatHex(signed.digest()));
        out.put("address", EthereumAddress.of(publicKey).checksummed());
        return out;
    }

    private static byte[] message(JsonNode transaction) {
        Message m = FormatInput.read(transaction, Message.class);
        if (m.message() == null) {
            throw FormatInput.invalid("message", "message is required");
        }
        byte[] bytes = switch (m.encoding().orElse("utf8")) {
            case "utf8" -> m.message().getBytes(StandardCharsets.UTF_8);
            case "hex" -> FormatInput.hex("message", m.message());
            default -> throw FormatInput.invalid("encoding", "encoding is utf8 or hex");
        };
        return FormatInput.limited("message", bytes, FormatInput.MAX_MESSAGE_BYTES);
    }
}
