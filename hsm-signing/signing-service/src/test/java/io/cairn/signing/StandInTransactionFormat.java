package io.cairn.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.SignatureValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A stand-in ledger format for the service's tests: the digest is SHA-256 over the transaction's fields in a
 * fixed order (not a real ledger encoding: the real Ethereum, Fabric and Corda encodings live in the
 * signature-formats module and are tested there). It exercises what the signing service does around a
 * format: policy on the transaction's facts, the nonce guard, approvals and the assembled result.
 */
final class StandInTransactionFormat implements LedgerFormat {
    @Override
    public String name() {
        return "stand-in-transaction";
    }

    @Override
    public Prepared prepare(JsonNode tx) {
        String canonical = String.join("|", tx.path("chainId").asText(), tx.path("nonce").asText(),
                tx.path("to").asText(), tx.path("value").asText(), tx.path("data").asText());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return new Prepared(digest, new LedgerTransaction(tx.path("chainId").asText(),
                    Optional.of(new BigInteger(tx.path("nonce").asText())),
                    tx.hasNonNull("to") ? Optional.of(tx.get("to").asText()) : Optional.empty(),
                    new BigInteger(tx.path("value").asText("0"))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public JsonNode assemble(JsonNode transaction, EncodedPublicKey publicKey, SignatureValue signature) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        EcdsaSignature ecdsa = (EcdsaSignature) signature;
        out.put("r", HexFormat.of().formatHex(ecdsa.rBytes()));
        out.put("s", HexFormat.of().formatHex(ecdsa.sBytes()));
        out.put("nonce", transaction.path("nonce").asText());
        return out;
    }
}
