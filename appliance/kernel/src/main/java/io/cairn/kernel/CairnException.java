package io.cairn.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure with a catalogued {@link ErrorCode}, safe to show to the caller.
 *
 * <p>The {@linkplain #getMessage() detail} must never contain secrets, key material or stack traces:
 * it is returned verbatim in problem+json bodies and printed by the CLI. Extensions carry structured
 * context such as the offending {@code field}.
 */
public class CairnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode error;
    private final transient Map<String, Object> extensions;

    /**
     * Creates an exception.
     *
     * @param error  catalogued code
     * @param detail human explanation of this occurrence, safe to show to the caller
     */
    public CairnException(ErrorCode error, String detail) {
        this(error, detail, Map.of(), null);
    }

    /**
     * Creates an exception with a cause kept for the server log only.
     *
     * @param error  catalogued code
     * @param detail human explanation of this occurrence, safe to show to the caller
     * @param cause  underlying failure, never shown to the caller
     */
    public CairnException(ErrorCode error, String detail, Throwable cause) {
        this(error, detail, Map.of(), cause);
    }

    /**
     * Creates an exception with structured extensions.
     *
     * @param error      catalogued code
     * @param detail     human explanation of this occurrence
     * @param extensions extra members for the problem body (e.g. {@code field})
     * @param cause      underlying failure, or {@code null}; never shown to the caller
     */
    public CairnException(ErrorCode error, String detail, Map<String, ?> extensions, Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), cause);
        this.error = Objects.requireNonNull(error, "error");
        this.extensions = Map.copyOf(new LinkedHashMap<>(extensions));
    }

    /** A failure about one named field of a request or file. */
    public static CairnException field(ErrorCode error, String field, String detail) {
        return new CairnException(error, detail, Map.of("field", field), null);
    }

    /** The catalogued code. */
    public ErrorCode error() {
        return error;
    }

    /** Structured members added to the problem body. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The field this failure is about, when it is about one. */
    public Optional<String> field() {
        return Optional.ofNullable(extensions.get("field")).map(Object::toString);
    }
}
