package io.cairn.custody.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A wrong PIN, a missing token or a missing library fails closed with the catalogued 503, and the PIN is
 * never echoed. The wrong-PIN token is one that no test in this JVM logs into with the right PIN: PKCS#11
 * login state is per process, so a token already logged in would accept any PIN.
 */
@Tag("integration")
class Pkcs11FailClosedIT {
    private static final String WRONG_PIN = "wrong-pin-31337";

    @Test
    void aWrongPinFailsClosedWithoutEchoingThePin() {
        SoftHsm softHsm = TestTools.softHsm();
        List<String> logged = captureLogs();
        assertThatThrownBy(() -> Pkcs11KeyCustody.open(softHsm.options(SoftHsm.WRONG_PIN_TOKEN, WRONG_PIN, 2)))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
                    assertThat(e.error().httpStatus()).isEqualTo(503);
                    assertThat(e.getMessage()).contains(SoftHsm.WRONG_PIN_TOKEN).contains("CKR_PIN_INCORRECT");
                    assertThat(stackTrace(e)).doesNotContain(WRONG_PIN);
                });
        assertThat(String.join("\n", logged)).doesNotContain(WRONG_PIN);
    }

    @Test
    void anUnknownTokenLabelFailsClosed() {
        SoftHsm softHsm = TestTools.softHsm();
        assertThatThrownBy(() -> Pkcs11KeyCustody.open(softHsm.options("no-such-token", WRONG_PIN, 2)))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("no-such-token").doesNotContain(WRONG_PIN);
                });
    }

    @Test
    void aClosedCustodyReportsDownAndRefusesToSign() {
        SoftHsm softHsm = TestTools.softHsm();
        Pkcs11KeyCustody custody = Pkcs11KeyCustody.open(softHsm.options(1));
        KeyMaterialInfo key = custody.generate(new KeySpec("closed", Curve.P256));
        assertThat(custody.health().up()).isTrue();
        custody.close();
        assertThat(custody.health().up()).isFalse();
        assertThatThrownBy(() -> custody.sign(key.handle(), SigningInput.digest(new byte[32])))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE));
    }

    private static List<String> captureLogs() {
        List<String> lines = new ArrayList<>();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.ALL);
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() + " " + (record.getThrown() == null ? "" : stackTrace(record.getThrown())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return lines;
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
