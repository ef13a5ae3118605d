package io.cairn.signing;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.storage.Database;
import io.cairn.storage.SchemaMigration;
import io.cairn.storage.StorageSettings;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/** Shared test set-up: an embedded PostgreSQL, principals, digests and an independent ECDSA verifier. */
final class Fixtures {
    private Fixtures() {
    }

    /** A database in a temporary directory with the software backend's and the signing service's schemas. */
    static Database database(Path dir) {
        StorageSettings storage = StorageSettings.from(CairnConfig.of(ConfigCatalogue.of(StorageSettings.OPTIONS),
                Map.of("data-directory", dir.toString())));
        return Database.open(storage, List.of(SchemaMigration.of("signing"), SchemaMigration.of("signing_service")));
    }

    static Principal user(String name, Role... roles) {
        return new Principal("id-" + name, name, Set.of(roles), Set.of(roles), Optional.empty(),
                Principal.AuthenticationMethod.TOKEN);
    }

    /** A replayable random digest, hex. */
    static String digest(Random random) {
        byte[] d = new byte[32];
        random.nextBytes(d);
        return HexFormat.of().formatHex(d);
    }

    /** Verifies an {@code r || s} signature over a digest with BouncyCastle's verifier, not the backend's code. */
    static boolean verifies(Curve curve, String publicKeyHex, String digestHex, String signatureHex) {
        X9ECParameters params = CustomNamedCurves.getByName(curve == Curve.P256 ? "secp256r1" : "secp256k1");
        ECDomainParameters domain = new ECDomainParameters(params.getCurve(), params.getG(), params.getN(), params.getH());
        ECDSASigner verifier = new ECDSASigner();
        EncodedPublicKey pub = new EncodedPublicKey(curve, HexFormat.of().parseHex(publicKeyHex));
        verifier.init(false, new ECPublicKeyParameters(params.getCurve().decodePoint(pub.raw()), domain));
        EcdsaSignature sig = EcdsaSignature.fromConcatenated(curve, HexFormat.of().parseHex(signatureHex));
        return verifier.verifySignature(HexFormat.of().parseHex(digestHex), sig.r(), sig.s());
    }

    static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
