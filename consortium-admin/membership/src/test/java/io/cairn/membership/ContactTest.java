package io.cairn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactTest {
    @Test
    void validContactIsKeptWithPhoneWithoutSeparators() {
        Contact c = new Contact("Ada Example", "ada.example+ops@bank-a.example.com", "+41 44 123-45 67");
        assertThat(c.phone()).isEqualTo("+41441234567");
        assertThat(c.email()).isEqualTo("ada.example+ops@bank-a.example.com");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "' '|a@b.example|+4144123456|contacts.name",
            "Ada|not-an-email|+4144123456|contacts.email",
            "Ada|a@@b.example|+4144123456|contacts.email",
            "Ada|a..b@bank.example|+4144123456|contacts.email",
            "Ada|a@localhost|+4144123456|contacts.email",
            "Ada|a@b.example|0441234567|contacts.phone",
            "Ada|a@b.example|+0441234567|contacts.phone",
            "Ada|a@b.example|+41 44|contacts.phone",
            "Ada|a@b.example|+4144123456789012|contacts.phone",
            "Ada|a@b.example|+41  44 123 45 67|contacts.phone",
            "Ada|a@b.example|+41 44 123 45 6x|contacts.phone"})
    void invalidContactsNameTheField(String name, String email, String phone, String field) {
        assertThatThrownBy(() -> new Contact(name, email, phone)).isInstanceOfSatisfying(CairnException.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorCode.MEMBER_INVALID_CONTACT);
            assertThat(e.field()).contains(field);
        });
    }
}
