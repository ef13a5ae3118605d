package io.cairn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.membership.LedgerIdentities.FabricOrganisation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LedgerIdentitiesTest {
    static final String NODE_ID = "6f8a80d14311c39f35f516fa664deaaaa13e85b2f7493f37f6144d86991ec012937307647bd3b9a8"
            + "2abe2974e1407241d54947bbb39763a4cac9f77166ad92a0";

    /** Test vectors of EIP-55 (mixed case), plus all-caps and all-lower forms that carry no checksum. */
    @ParameterizedTest
    @ValueSource(strings = {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void eip55ChecksummedAccountsAreAcceptedAndLowerAndUpperCaseAreNormalised(String address) {
        assertThat(accounts(address)).containsExactly(address);
        String lower = "0x" + address.substring(2).toLowerCase(Locale.ROOT);
        String upper = "0x" + address.substring(2).toUpperCase(Locale.ROOT);
        assertThat(accounts(lower)).containsExactly(address);
        assertThat(accounts(upper)).containsExactly(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359"})
    void accountsWithAWrongChecksumAreRejected(String address) {
        assertInvalid(() -> accounts(address), "ledgerIdentities.ethereumAccounts[0]", "checksum");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA",
            "0xZaAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", ""})
    void malformedAccountsAreRejected(String address) {
        assertInvalid(() -> accounts(address), "ledgerIdentities.ethereumAccounts[0]", "40 hexadecimal");
    }

    @Test
    void duplicateAccountsAreRejectedEvenInAnotherCase() {
        assertInvalid(() -> accounts("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"), "ledgerIdentities.ethereumAccounts[1]", "twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"enode://" + NODE_ID + "@127.0.0.1:30303", "enode://" + NODE_ID + "@10.1.2.3:30303?discport=30301",
            "enode://" + NODE_ID + "@node-1.bank-a.example:30303"})
    void enodeUrlsAreAccepted(String url) {
        assertThat(enodes(url)).containsExactly(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"enode://" + "ab" + "@127.0.0.1:30303", "enode://" + NODE_ID + "@127.0.0.1",
            "enode://" + NODE_ID + "@300.1.1.1:30303", "enode://" + NODE_ID + "@127.0.0.1:70000",
            "http://" + NODE_ID + "@127.0.0.1:30303", "enode://" + NODE_ID + "@127.0.0.1:30303/x",
            "enode://" + NODE_ID + "@127.0.0.1:30303?other=1", "enode://127.0.0.1:30303", "not a url"})
    void malformedEnodeUrlsAreRejected(String url) {
        assertInvalid(() -> enodes(url), "ledgerIdentities.enodes[0]", "");
    }

    @Test
    void upperCaseNodeIdIsRejected() {
        assertInvalid(() -> enodes("enode://" + NODE_ID.toUpperCase(Locale.ROOT) + "@127.0.0.1:30303"),
                "ledgerIdentities.enodes[0]", "128 lower-case hex");
    }

    @Test
    void fabricOrganisationNeedsParsableCaCertificates() {
        String ca = TestPki.certificate("CN=ca.bank-a.example, O=Bank A", true);
        FabricOrganisation org = new FabricOrganisation("BankAMSP", List.of(ca));
        assertThat(org.caCertificates()).hasSize(1);

        assertInvalid(() -> new FabricOrganisation("BankAMSP", List.of(TestPki.certificate("CN=leaf", false))),
                "ledgerIdentities.fabric.caCertificates[0]", "not a CA certificate");
        String broken = ca.replace(ca.substring(100, 140), "A".repeat(40));
        assertInvalid(() -> new FabricOrganisation("BankAMSP", List.of(broken)),
                "ledgerIdentities.fabric.caCertificates[0]", "");
        assertInvalid(() -> new FabricOrganisation("BankAMSP", List.of("hello")),
                "ledgerIdentities.fabric.caCertificates[0]", "PEM");
        assertInvalid(() -> new FabricOrganisation("BankAMSP", List.of(ca + ca)),
                "ledgerIdentities.fabric.caCertificates[0]", "one PEM block");
        assertInvalid(() -> new FabricOrganisation("BankAMSP", List.of()), "ledgerIdentities.fabric.caCertificates",
                "at least one");
        assertInvalid(() -> new FabricOrganisation("Bank A MSP", List.of(ca)), "ledgerIdentities.fabric.mspId", "MSP id");
    }

    @Test
    void cordaNamesAreParsedAndCanonical() {
        assertThat(corda("O=Bank A, L=London, C=GB")).isEqualTo("O=Bank A, L=London, C=GB");
        assertThat(corda("C=DE,L=Frankfurt,O=Bank B,OU=Treasury")).isEqualTo("OU=Treasury, O=Bank B, L=Frankfurt, C=DE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"O=Bank A, C=GB", "L=London, C=GB", "O=Bank A, L=London", "O=Bank A, L=London, C=GB, O=Bank B",
            "O=Bank A, L=London, C=GB, DC=example", "O=B, L=London, C=GB", "not a name", ""})
    void invalidCordaNamesAreRejected(String name) {
        assertInvalid(() -> corda(name), "ledgerIdentities.cordaName", "");
    }

    @Test
    void cordaNameCountryMustBeAssigned() {
        assertThatThrownBy(() -> corda("O=Bank A, L=London, C=XK")).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.MEMBER_UNKNOWN_JURISDICTION));
    }

    private static List<String> accounts(String... addresses) {
        return new LedgerIdentities(List.of(addresses), List.of(), Optional.empty(), Optional.empty()).ethereumAccounts();
    }

    private static List<String> enodes(String url) {
        return new LedgerIdentities(List.of(), List.of(url), Optional.empty(), Optional.empty()).enodes();
    }

    private static String corda(String name) {
        return new LedgerIdentities(List.of(), List.of(), Optional.empty(), Optional.of(name)).cordaName().orElseThrow();
    }

    private static void assertInvalid(Runnable action, String field, String detail) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.MEMBER_INVALID_LEDGER_IDENTITY);
            assertThat(e.field()).contains(field);
            assertThat(e.getMessage()).contains(detail);
        });
    }
}
