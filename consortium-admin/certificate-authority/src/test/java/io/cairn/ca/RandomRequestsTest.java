package io.cairn.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/**
 * Seeded random requests (replay a failure with {@code -Dcairn.test.seed=<seed>}): random key types, common
 * names and alternative names; an independent model predicts refusal (and its code) or the certificate's
 * common name and DNS names, and the CA must agree.
 */
class RandomRequestsTest {
    private static final long SEED = Long.getLong("cairn.test.seed", 20_260_302L);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private record Key(KeyPair pair, boolean approved) {
    }

    @Test
    void theCaAgreesWithTheModelOnRandomRequests() throws Exception {
        List<Key> keys = keys();
        CaKey caKey = TestKeys.caKey(TestKeys.ec("secp256r1"));
        X509CertificateHolder ca = CertificateProfilesTest.ca(caKey, Duration.ofDays(3650));
        Random random = new Random(SEED);
        int accepted = 0;
        for (int round = 0; round < 80; round++) {
            Key key = keys.get(random.nextInt(keys.size()));
            Optional<String> cn = random.nextInt(4) == 0 ? Optional.empty()
                    : Optional.of(word(random, 1 + random.nextInt(random.nextInt(5) == 0 ? 80 : 40)));
            List<GeneralName> names = new ArrayList<>();
            boolean namesValid = true;
            for (int i = random.nextInt(4); i > 0; i--) {
                int kind = random.nextInt(10);
                names.add(kind == 0 ? new GeneralName(GeneralName.iPAddress, "192.0.2." + random.nextInt(255))
                        : kind == 1 ? TestCsrs.dns("*." + host(random)) : TestCsrs.dns(mixedCase(random, host(random))));
                namesValid &= kind > 1;
            }
            String subject = cn.map(c -> "CN=" + c + ",").orElse("") + "O=Random Org " + round;
            String context = "seed " + SEED + " round " + round + ": " + subject + " " + names;
            Throwable thrown = catchThrowable(() -> CsrPolicy.check(TestCsrs.request(key.pair(), subject,
                    names.toArray(GeneralName[]::new))));
            Optional<ErrorCode> expected = !key.approved() ? Optional.of(ErrorCode.MEMBER_CSR_KEY_REFUSED)
                    : cn.filter(c -> c.length() > 64).isPresent() ? Optional.of(ErrorCode.MEMBER_MALFORMED_CSR)
                    : !namesValid ? Optional.of(ErrorCode.MEMBER_CSR_EXTENSION_REFUSED) : Optional.empty();
            if (expected.isPresent()) {
                assertThat(thrown).as(context).isInstanceOf(CairnException.class);
                assertThat(((CairnException) thrown).error()).as(context).isEqualTo(expected.get());
                continue;
            }
            assertThat(thrown).as(context).isNull();
            accepted++;
            X509CertificateHolder cert = CertificateProfiles.member(caKey, ca, TestCsrs.member(),
                    CsrPolicy.check(TestCsrs.request(key.pair(), subject, names.toArray(GeneralName[]::new))),
                    BigInteger.valueOf(round + 1), CertificateProfilesTest.NOW, CaSettings.defaults());
            assertThat(CertificateProfilesTest.rdn(cert, BCStyle.CN)).as(context).isEqualTo(cn.orElse("Bank A AG"));
            List<String> expectedNames = names.stream().map(n -> n.getName().toString().toLowerCase(Locale.ROOT)).toList();
            GeneralNames granted = GeneralNames.fromExtensions(cert.getExtensions(), Extension.subjectAlternativeName);
            assertThat(granted == null ? List.of() : List.of(granted.getNames()).stream().map(n -> n.getName().toString()).toList())
                    .as(context).isEqualTo(expectedNames);
        }
        assertThat(accepted).as("seed " + SEED + " must exercise accepted requests too").isGreaterThan(5);
    }

    private static List<Key> keys() throws Exception {
        KeyPairGenerator k1 = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        k1.initialize(new ECGenParameterSpec("secp256k1"));
        return List.of(new Key(TestKeys.ec("secp256r1"), true), new Key(TestKeys.ec("secp384r1"), true),
                new Key(TestKeys.ed25519(), true), new Key(TestKeys.rsa(2048, 65537), true),
                new Key(TestKeys.rsa(1024, 65537), false), new Key(k1.generateKeyPair(), false));
    }

    private static String host(Random random) {
        List<String> labels = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            labels.add(word(random, 1 + random.nextInt(12)));
        }
        return String.join(".", labels) + ".example";
    }

    private static String word(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static String mixedCase(Random random, String name) {
        return random.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name;
    }
}
