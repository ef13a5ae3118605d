package io.cairn.custody.pkcs11;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** Skips a test when SoftHSM2 is missing, unless CAIRN_REQUIRE_TEST_TOOLS=true makes that a failure. */
final class TestTools {
    private TestTools() {
    }

    static SoftHsm softHsm() {
        SoftHsm.missing().ifPresent(reason -> {
            if ("true".equals(System.getenv("CAIRN_REQUIRE_TEST_TOOLS"))) {
                fail("SoftHSM2 is required: " + reason);
            }
            Assumptions.abort("SoftHSM2 is not available: " + reason);
        });
        return SoftHsm.shared();
    }
}
