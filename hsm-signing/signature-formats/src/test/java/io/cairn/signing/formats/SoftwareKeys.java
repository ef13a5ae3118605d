package io.cairn.signing.formats;

import io.cairn.custody.software.InMemorySealedKeyRepository;
import io.cairn.custody.software.SoftwareCustodySettings;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeySpec;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

/**
 * A software key custody with import allowed by configuration ({@code signing.software.allow-import}), so
 * tests can sign with known private keys and compare with other Ethereum tooling.
 */
final class SoftwareKeys {
    /** The master key is configured directly in these tests, so no key file is ever read or written. */
    private static final java.nio.file.Path NO_KEY_FILE = java.nio.file.Path.of("unused-master.key");

    final SoftwareKeyCustody custody;

    SoftwareKeys() {
        CairnConfig config = CairnConfig.of(ConfigCatalogue.of(SoftwareCustodySettings.OPTIONS), Map.of(
                "signing.software.master-key", Base64.getEncoder().encodeToString(new byte[32]),
                "signing.software.allow-import", "true"));
        custody = SoftwareKeyCustody.from(config, new InMemorySealedKeyRepository(), NO_KEY_FILE);
    }

    KeyHandle importKey(Curve curve, BigInteger scalar) {
        return custody.importKey(new KeySpec("imported", curve), scalar32(scalar)).handle();
    }

    KeyHandle generate(Curve curve) {
        return custody.generate(new KeySpec("generated", curve)).handle();
    }

    /** A random valid secp256k1 / P-256 private scalar. */
    static BigInteger randomScalar(Random random, Curve curve) {
        BigInteger k;
        do {
            k = new BigInteger(256, random);
        } while (k.signum() == 0 || k.compareTo(curve.order()) >= 0);
        return k;
    }

    static byte[] scalar32(BigInteger k) {
        byte[] b = k.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }
}
