package io.cairn.custody.pkcs11;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.StaticLogger;

/**
 * A vendor's PKCS#11 library, loaded and initialised once per process (PKCS#11 state, including login,
 * is per process), shared by every custody instance that uses it.
 */
final class TokenLibrary {
    private static final Map<Path, PKCS11Module> MODULES = new ConcurrentHashMap<>();

    static {
        StaticLogger.setLogger(new WrapperLogging());
    }

    private TokenLibrary() {
    }

    /** The initialised module for this library. */
    static PKCS11Module module(Path library) {
        Path key = library.toAbsolutePath().normalize();
        if (!Files.isReadable(key)) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                    "the PKCS#11 library cannot be read: " + key);
        }
        return MODULES.computeIfAbsent(key, TokenLibrary::load);
    }

    private static PKCS11Module load(Path library) {
        try {
            PKCS11Module module = PKCS11Module.getInstance(library.toString());
            try {
                module.initialize();
            } catch (PKCS11Exception e) {
                if (e.getErrorCode() != PKCS11Constants.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                    throw e;
                }
            }
            return module;
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                    "the PKCS#11 library cannot be loaded: " + library, e);
        }
    }
}
