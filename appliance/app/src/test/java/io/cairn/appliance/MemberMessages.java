package io.cairn.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** A member organisation's system as scenario tests play it: its API user, and messages signed at the source. */
final class MemberMessages {
    private MemberMessages() {
    }

    /** Creates a founding member whose systems sign messages with {@code sender}'s Ethereum account. */
    static void foundingMember(Http http, String admin, String lei, ECKeyPair sender) {
        assertThat(http.post("/api/v1/members", admin, Map.of("lei", lei, "legalName", "Bank A AG",
                "jurisdiction", "DE", "contacts", List.of(Map.of("name", "Ops", "email", "ops@bank-a.example",
                        "phone", "+49 69 1234 5678")), "roles", List.of("founder"),
                "ledgerIdentities", Map.of("ethereumAccounts", List.of("0x" + Keys.getAddress(sender)))))
                .status()).isEqualTo(201);
    }

    /** Creates a user with role {@code member} and returns a token for it. */
    static String memberToken(Http http, String admin, String username) {
        assertThat(http.post("/api/v1/users", admin, Map.of("username", username, "displayName", username,
                "roles", List.of("member"))).status()).isEqualTo(201);
        return http.post("/api/v1/users/" + username + "/tokens", admin, Map.of("name", "gateway")).body()
                .get("token").asText();
    }

    /** A message body: the JSON payload, signed with EIP-191 over its SHA-256 by the sender's account key. */
    static Map<String, Object> message(ECKeyPair sender, String lei, String id, String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        Sign.SignatureData signature = Sign.signPrefixedMessage(sha256(payload), sender);
        HexFormat hex = HexFormat.of();
        return Map.of("sender", lei, "payload", Base64.getEncoder().encodeToString(payload), "messageId", id,
                "signature", "0x" + hex.formatHex(signature.getR()) + hex.formatHex(signature.getS())
                        + hex.formatHex(signature.getV()));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
