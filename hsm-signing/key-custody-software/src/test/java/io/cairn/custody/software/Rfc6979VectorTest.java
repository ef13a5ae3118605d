package io.cairn.custody.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SigningInput;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6979 appendix A.2.5 (P-256, SHA-256): the software custody's ECDSA is the deterministic one. */
class Rfc6979VectorTest {
    private static final String PRIVATE_KEY = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
    private static final String PUBLIC_X = "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6";
    private static final String PUBLIC_Y = "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";

    @ParameterizedTest
    @CsvSource({
        "sample, EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716, F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8",
        "test,   F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367, 019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083"
    })
    void signaturesAreTheRfcOnesNormalisedToLowS(String message, String r, String s) throws Exception {
        SoftwareKeyCustody custody = new SoftwareKeyCustody(new InMemorySealedKeyRepository(), MasterKey.random(),
                true, Clock.systemUTC());
        KeyMaterialInfo key = custody.importKey(new KeySpec("rfc6979", Curve.P256), HexFormat.of().parseHex(PRIVATE_KEY));
        assertThat(key.publicKey().hex()).isEqualToIgnoringCase("04" + PUBLIC_X + PUBLIC_Y);

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.US_ASCII));
        EcdsaSignature first = (EcdsaSignature) custody.sign(key.handle(), SigningInput.digest(digest));
        EcdsaSignature second = (EcdsaSignature) custody.sign(key.handle(), SigningInput.digest(digest));

        BigInteger rfcS = new BigInteger(s, 16);
        BigInteger n = Curve.P256.order();
        BigInteger expectedS = rfcS.compareTo(n.shiftRight(1)) > 0 ? n.subtract(rfcS) : rfcS;
        assertThat(first.r()).isEqualTo(new BigInteger(r, 16));
        assertThat(first.s()).isEqualTo(expectedS);
        assertThat(second).isEqualTo(first);
    }
}
