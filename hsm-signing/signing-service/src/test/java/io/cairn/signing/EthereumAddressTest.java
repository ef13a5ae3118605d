package io.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;

class EthereumAddressTest {
    private static EncodedPublicKey publicKeyOf(Curve curve, String name, BigInteger privateKey) {
        X9ECParameters params = CustomNamedCurves.getByName(name);
        return new EncodedPublicKey(curve, params.getG().multiply(privateKey).normalize().getEncoded(false));
    }

    @Test
    void knownPrivateKeysGiveTheirWellKnownChecksummedAddresses() {
        // private key 1: the address every Ethereum tool derives for it
        assertThat(EthereumAddress.of(publicKeyOf(Curve.SECP256K1, "secp256k1", BigInteger.ONE)))
                .contains("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
        // anvil/hardhat default account 0
        assertThat(EthereumAddress.of(publicKeyOf(Curve.SECP256K1, "secp256k1",
                new BigInteger("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", 16))))
                .contains("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    }

    @Test
    void otherCurvesHaveNoAddress() {
        assertThat(EthereumAddress.of(publicKeyOf(Curve.P256, "secp256r1", BigInteger.TWO))).isEmpty();
    }
}
