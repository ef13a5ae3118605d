package io.cairn.connector.fabric.chaincode;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The validated arguments of {@code anchor}: a SHA-256 hash pointer, the application it belongs to and
 * the sequence number of the verification block it points at.
 *
 * @param hashPointerHex the 32-byte digest as 64 lower-case hex characters
 * @param application    the application id, 1-32 characters of {@code [a-z0-9._-]}
 * @param blockSeq       the block sequence number, zero or more
 */
public record AnchorRequest(String hashPointerHex, String application, long blockSeq) {

    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern APPLICATION = Pattern.compile("[a-z0-9._-]{1,32}");

    /** Validates the components. */
    public AnchorRequest {
        if (hashPointerHex == null || !HEX_DIGEST.matcher(hashPointerHex).matches()) {
            throw new IllegalArgumentException("hashPointerHex must be 64 lower-case hex characters");
        }
        if (application == null || !APPLICATION.matcher(application).matches()) {
            throw new IllegalArgumentException("application must be 1-32 characters of [a-z0-9._-]");
        }
        if (blockSeq < 0) {
            throw new IllegalArgumentException("blockSeq must not be negative");
        }
    }

    /**
     * Parses the three string arguments of a chaincode invocation; upper-case hex is accepted and
     * normalised to lower case.
     *
     * @param args exactly {@code hashPointerHex, application, blockSeq}
     * @return the validated request
     * @throws IllegalArgumentException when the arguments are missing or malformed
     */
    public static AnchorRequest parse(List<String> args) {
        if (args.size() != 3) {
            throw new IllegalArgumentException(
                    "anchor takes 3 arguments (hashPointerHex, application, blockSeq), got " + args.size());
        }
        long seq;
        try {
            seq = Long.parseLong(args.get(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("blockSeq must be a decimal integer", e);
        }
        return new AnchorRequest(args.get(0).toLowerCase(Locale.ROOT), args.get(1), seq);
    }

    /** @return the 32 digest bytes */
    public byte[] digest() {
        return HexFormat.of().parseHex(hashPointerHex);
    }
}
