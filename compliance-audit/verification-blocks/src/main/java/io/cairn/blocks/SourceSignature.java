package io.cairn.blocks;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Checks a message's source signature: an EIP-191 {@code personal_sign} signature, made by one of the sender's
 * Ethereum accounts, over the 32 bytes {@code SHA-256(payload)}.
 *
 * <p>The signature is 65 bytes {@code r || s || v} in hex with a {@code 0x} prefix; {@code v} is 27 or 28 (0 or 1
 * is accepted too), and {@code s} must be in the lower half of the curve order (EIP-2), so every message has one
 * signature encoding.
 */
public final class SourceSignature {
    private static final Pattern HEX_SIGNATURE = Pattern.compile("0x[0-9a-fA-F]{130}");
    private static final BigInteger HALF_ORDER = Sign.CURVE_PARAMS.getN().shiftRight(1);

    private SourceSignature() {
    }

    /**
     * The address that signed the payload digest, when it is one of the sender's.
     *
     * @param payloadSha256 {@code SHA-256(payload)}
     * @param signature     {@code 0x} + 130 hex digits
     * @param addresses     the sender's registered addresses
     * @return the matching registered address in lower case
     * @throws CairnException {@code CAIRN-JOURNAL-0109} when the signature is malformed or recovers to another
     *                        address
     */
    public static String verify(byte[] payloadSha256, String signature, List<String> addresses) {
        String signer = recover(payloadSha256, signature);
        return addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).filter(signer::equals).findFirst()
                .orElseThrow(() -> invalid("the signature was not made by a registered account of the sender"));
    }

    /** The lower-case {@code 0x} address that made an EIP-191 signature over the digest. */
    static String recover(byte[] payloadSha256, String signature) {
        if (signature == null || !HEX_SIGNATURE.matcher(signature).matches()) {
            throw invalid("the signature is 0x followed by 130 hex digits (r || s || v, 65 bytes)");
        }
        byte[] raw = HexFormat.of().parseHex(signature.substring(2));
        byte v = raw[64];
        if (v == 0 || v == 1) {
            v += 27;
        }
        if (v != 27 && v != 28) {
            throw invalid("the signature's recovery byte v must be 27 or 28");
        }
        byte[] s = Arrays.copyOfRange(raw, 32, 64);
        if (new BigInteger(1, s).compareTo(HALF_ORDER) > 0) {
            throw invalid("the signature's s value is not in the lower half of the curve order (EIP-2)");
        }
        Sign.SignatureData data = new Sign.SignatureData(v, Arrays.copyOfRange(raw, 0, 32), s);
        try {
            BigInteger publicKey = Sign.signedPrefixedMessageToKey(payloadSha256, data);
            return "0x" + Keys.getAddress(publicKey).toLowerCase(Locale.ROOT);
        } catch (SignatureException | IllegalArgumentException e) {
            throw invalid("no public key can be recovered from the signature");
        }
    }

    private static CairnException invalid(String detail) {
        return CairnException.field(ErrorCode.JOURNAL_SOURCE_SIGNATURE_INVALID, "signature", detail);
    }
}
