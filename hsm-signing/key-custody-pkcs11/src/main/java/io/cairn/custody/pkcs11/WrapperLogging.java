package io.cairn.custody.pkcs11;

import java.lang.System.Logger.Level;
import org.xipki.pkcs11.wrapper.Logger;

/**
 * Routes the PKCS#11 wrapper's log lines to {@link System.Logger} (its session chatter at DEBUG). The
 * wrapper never receives anything worth hiding in its log arguments but the PIN, which it does not log.
 */
final class WrapperLogging implements Logger {
    private static final System.Logger LOG = System.getLogger("io.cairn.custody.pkcs11.wrapper");

    @Override
    public void info(String format, Object... arguments) {
        log(Level.DEBUG, format, arguments);
    }

    @Override
    public void warn(String format, Object... arguments) {
        log(Level.WARNING, format, arguments);
    }

    @Override
    public void error(String format, Object... arguments) {
        log(Level.ERROR, format, arguments);
    }

    @Override
    public void debug(String format, Object... arguments) {
        log(Level.TRACE, format, arguments);
    }

    @Override
    public void trace(String format, Object... arguments) {
        log(Level.TRACE, format, arguments);
    }

    @Override
    public boolean isDebugEnabled() {
        return LOG.isLoggable(Level.TRACE);
    }

    @Override
    public boolean isInfoEnabled() {
        return LOG.isLoggable(Level.DEBUG);
    }

    @Override
    public boolean isWarnEnabled() {
        return LOG.isLoggable(Level.WARNING);
    }

    @Override
    public boolean isTraceEnabled() {
        return LOG.isLoggable(Level.TRACE);
    }

    private static void log(Level level, String format, Object... arguments) {
        if (LOG.isLoggable(level)) {
            LOG.log(level, format.replace("{}", "%s").formatted(arguments));
        }
    }
}
