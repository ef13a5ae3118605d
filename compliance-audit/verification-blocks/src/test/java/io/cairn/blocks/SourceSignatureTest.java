package io.cairn.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Sign;

/** EIP-191 source signatures over SHA-256(payload) recover to the sender's registered address. */
class SourceSignatureTest {
    private static final byte[] PAYLOAD = "{\"amount\":5}".getBytes(StandardCharsets.UTF_8);
    private final TestSigner sender = TestSigner.generate();

    @Test
    void aSignatureByARegisteredAddressIsAccepted() throws Exception {
        String signature = sender.sign(PAYLOAD);
        byte[] digest = BlockHashingTest.sha256(PAYLOAD);
        String other = TestSigner.generate().address();
        assertThat(SourceSignature.verify(digest, signature, List.of(other, sender.address().toUpperCase(Locale.ROOT)
                .replace("0X", "0x")))).isEqualTo(sender.address());
        String v0 = signature.substring(0, 130) + (signature.endsWith("1b") ? "00" : "01");
        assertThat(SourceSignature.verify(digest, v0, List.of(sender.address()))).isEqualTo(sender.address());
    }

    @Test
    void signaturesOfOtherKeysOrOtherPayloadsAreRefused() throws Exception {
        byte[] digest = BlockHashingTest.sha256(PAYLOAD);
        assertInvalid(() -> SourceSignature.verify(digest, TestSigner.generate().sign(PAYLOAD), List.of(sender.address())));
        byte[] otherDigest = BlockHashingTest.sha256("{}".getBytes(StandardCharsets.UTF_8));
        assertInvalid(() -> SourceSignature.verify(otherDigest, sender.sign(PAYLOAD), List.of(sender.address())));
        assertInvalid(() -> SourceSignature.verify(digest, sender.sign(PAYLOAD), List.of()));
    }

    @Test
    void malformedAndMalleableSignaturesAreRefused() throws Exception {
        byte[] digest = BlockHashingTest.sha256(PAYLOAD);
        String signature = sender.sign(PAYLOAD);
        assertInvalid(() -> SourceSignature.verify(digest, signature.substring(2), List.of(sender.address())));
        assertInvalid(() -> SourceSignature.verify(digest, signature + "00", List.of(sender.address())));
        assertInvalid(() -> SourceSignature.verify(digest, signature.substring(0, 130) + "1d", List.of(sender.address())));
        assertInvalid(() -> SourceSignature.verify(digest, null, List.of(sender.address())));
        BigInteger s = new BigInteger(signature.substring(66, 130), 16);
        String highS = String.format("%064x", Sign.CURVE_PARAMS.getN().subtract(s));
        String flippedV = signature.endsWith("1b") ? "1c" : "1b";
        String malleable = signature.substring(0, 66) + highS + flippedV;
        assertThat(HexFormat.of().parseHex(malleable.substring(2))).hasSize(65);
        assertInvalid(() -> SourceSignature.verify(digest, malleable, List.of(sender.address())));
    }

    private static void assertInvalid(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(CairnException.class)
                .extracting(e -> ((CairnException) e).error()).isEqualTo(ErrorCode.JOURNAL_SOURCE_SIGNATURE_INVALID);
    }
}
