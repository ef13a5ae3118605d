package io.cairn.signing.formats.corda;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.custody.software.InMemorySealedKeyRepository;
import io.cairn.custody.software.MasterKey;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeySpec;
import io.cairn.signing.formats.CordaSigner;
import java.time.Clock;
import java.util.Random;
import net.corda.client.rpc.CordaRPCClient;
import net.corda.core.crypto.Crypto;
import net.corda.core.crypto.SecureHash;
import net.corda.core.crypto.SignableData;
import net.corda.core.crypto.SignatureMetadata;
import net.corda.core.crypto.TransactionSignature;
import net.corda.core.utilities.NetworkHostAndPort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Custody-key signatures over Corda transactions are accepted by Corda 4's own
 * {@code TransactionSignature.verify(txId)} and {@code Crypto.doVerify}, for each scheme; a signature over
 * the raw transaction id is not.
 */
class CordaTransactionSignerTest {
    private static final int PLATFORM_VERSION = 12;

    @BeforeAll
    static void cordaSerialisation() {
        // creating the RPC client (it never connects here) sets the process's Corda AMQP serialisation environment
        new CordaRPCClient(new NetworkHostAndPort("127.0.0.1", 10_003));
    }

    private final SoftwareKeyCustody custody = new SoftwareKeyCustody(new InMemorySealedKeyRepository(),
            MasterKey.random(), false, Clock.systemUTC());

    @ParameterizedTest
    @EnumSource(value = Curve.class)
    void cordaVerifiesTheTransactionSignature(Curve curve) throws Exception {
        Random random = new Random(0xc0da4 + curve.ordinal());
        KeyHandle key = custody.generate(new KeySpec("corda", curve)).handle();
        byte[] id = new byte[32];
        random.nextBytes(id);
        SecureHash txId = new SecureHash.SHA256(id);

        TransactionSignature signature = new CordaTransactionSigner(custody).sign(key, txId, PLATFORM_VERSION);

        assertThat(signature.getSignatureMetadata()).isEqualTo(new SignatureMetadata(PLATFORM_VERSION,
                Crypto.findSignatureScheme(signature.getBy()).getSchemeNumberID()));
        assertThat(signature.verify(txId)).isTrue();
        assertThat(Crypto.doVerify(txId, signature)).isTrue();
        byte[] other = id.clone();
        other[0] ^= 1;
        assertThat(signature.isValid(new SecureHash.SHA256(other))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Curve.class)
    void aSignatureOverTheRawIdIsNotACordaTransactionSignature(Curve curve) throws Exception {
        KeyHandle key = custody.generate(new KeySpec("corda-raw", curve)).handle();
        byte[] id = new byte[32];
        new Random(7 + curve.ordinal()).nextBytes(id);
        SecureHash txId = new SecureHash.SHA256(id);
        CordaSigner raw = new CordaSigner(custody);
        SignatureMetadata metadata = new SignatureMetadata(PLATFORM_VERSION, raw.scheme(key).schemeNumberId());

        byte[] signature = raw.signTransactionId(key, id).bytes();
        TransactionSignature asCorda = new TransactionSignature(signature,
                Crypto.decodePublicKey(custody.publicKey(key).subjectPublicKeyInfo()), metadata);

        assertThat(asCorda.isValid(txId)).isFalse();
        assertThat(Crypto.isValid(asCorda.getBy(), signature, id)).isTrue();
        assertThat(CordaTransactionSigner.serialise(new SignableData(txId, metadata))).startsWith('c', 'o', 'r', 'd', 'a', 1, 0);
    }
}
