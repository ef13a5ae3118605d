package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.regex.Pattern;

/**
 * A person to contact at a member organisation.
 *
 * @param name  full name, 1-200 characters
 * @param email e-mail address (a practical subset of RFC 5322: local part, '@', a dotted domain)
 * @param phone international number in E.164 form, e.g. {@code +41 44 123 45 67}: '+', then 8-15 digits,
 *              spaces or single dashes allowed between digits; stored without separators
 */
public record Contact(String name, String email, String phone) {
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{4,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");

    /** Validates and normalises the phone number. */
    public Contact {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw invalid("name", "a contact's name must be 1-200 characters");
        }
        if (email == null || !EMAIL.matcher(email).matches() || email.contains("..") || email.startsWith(".")) {
            throw invalid("email", "'" + email + "' is not an e-mail address");
        }
        String digits = phone == null ? "" : phone.replaceAll("(?<=[0-9+])[ -](?=[0-9])", "");
        if (!PHONE.matcher(digits).matches()) {
            throw invalid("phone", "a phone number is '+', a country code and 8-15 digits in all (E.164), got '"
                    + phone + "'");
        }
        phone = digits;
    }

    private static CairnException invalid(String field, String detail) {
        return CairnException.field(ErrorCode.MEMBER_INVALID_CONTACT, "contacts." + field, detail);
    }
}
