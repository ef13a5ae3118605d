package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.regex.Pattern;

/**
 * A Legal Entity Identifier (ISO 17442): 18 upper-case alphanumerics followed by two check digits under
 * ISO 7064 MOD 97-10 (letters count as 10..35; the whole number modulo 97 is 1). Check digits are
 * {@code 98 - (base * 100 mod 97)}, so only 02..98 occur: 00, 01 and 99 are refused even where the
 * remainder would be 1 (00 and 97 are congruent modulo 97).
 *
 * @param value the 20 characters
 */
public record Lei(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{18}[0-9]{2}");

    /** Validates format and check digits. */
    public Lei {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw CairnException.field(ErrorCode.MEMBER_INVALID_LEI, "lei",
                    "an LEI is 18 upper-case letters or digits followed by 2 check digits, 20 characters in all");
        }
        int check = Integer.parseInt(value.substring(18));
        if (check < 2 || check > 98 || mod97(value) != 1) {
            throw CairnException.field(ErrorCode.MEMBER_INVALID_LEI, "lei",
                    "the check digits of LEI " + value + " are wrong (ISO 7064 MOD 97-10)");
        }
    }

    /** Parses an LEI. */
    public static Lei of(String value) {
        return new Lei(value);
    }

    /** The remainder modulo 97 of the LEI read as a number, letters replaced by 10..35. */
    static int mod97(String text) {
        int remainder = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), 36);
            remainder = digit < 10 ? (remainder * 10 + digit) % 97 : (remainder * 100 + digit) % 97;
        }
        return remainder;
    }

    @Override
    public String toString() {
        return value;
    }
}
