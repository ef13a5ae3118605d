package io.cairn.signing.formats;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.util.Objects;

/** Checks on values handed in by callers; every refusal is {@link ErrorCode#SIGN_INVALID_INPUT}. */
final class Inputs {
    /** 2^256, the bound of Ethereum quantities. */
    static final BigInteger UINT256_BOUND = BigInteger.ONE.shiftLeft(256);
    /** 2^64, the bound of nonces and gas limits. */
    static final BigInteger UINT64_BOUND = BigInteger.ONE.shiftLeft(64);

    private Inputs() {
    }

    static BigInteger quantity(String field, BigInteger value, BigInteger bound) {
        if (value == null || value.signum() < 0 || value.compareTo(bound) >= 0) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, field,
                    field + " must be a non-negative integer below 2^" + (bound.bitLength() - 1));
        }
        return value;
    }

    static long chainId(long chainId) {
        if (chainId <= 0 || chainId > (Long.MAX_VALUE - 36) / 2) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "chainId",
                    "chainId must be a positive integer small enough for EIP-155");
        }
        return chainId;
    }

    static byte[] bytes(String field, byte[] value, int maxLength) {
        Objects.requireNonNull(value, field);
        if (value.length > maxLength) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, field,
                    field + " is longer than " + maxLength + " bytes");
        }
        return value.clone();
    }

    static byte[] exactly(String field, byte[] value, int length) {
        if (value == null || value.length != length) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, field,
                    field + " must be exactly " + length + " bytes");
        }
        return value.clone();
    }

    static CairnException wrongCurve(String format, String expected, String actual) {
        return CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "key",
                format + " needs a " + expected + " key; this key is " + actual);
    }
}
