package io.cairn.appliance;

import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Routes every log record (the appliance's, Helidon's and, through SLF4J, the libraries') to standard
 * error in the configured format and level.
 */
public final class Logging {
    private static final Map<String, Level> LEVELS = Map.of("error", Level.SEVERE, "warning", Level.WARNING,
            "info", Level.INFO, "debug", Level.FINE, "trace", Level.FINEST);

    /** JUL keeps loggers weakly: hold the ones whose level is set here, or the setting is lost. */
    private static final java.util.List<Logger> QUIETED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Logging() {
    }

    /** Installs the handler; safe to call more than once. */
    public static void configure(ObservabilitySettings settings) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Level level = LEVELS.getOrDefault(settings.logLevel(), Level.INFO);
        Handler handler = new ConsoleHandler();
        handler.setLevel(level);
        handler.setFormatter("json".equals(settings.logFormat()) ? new JsonLogFormatter() : textFormatter());
        root.addHandler(handler);
        root.setLevel(level);
        // libraries that are chatty at INFO about internals an operator does not need
        for (String name : new String[] {"io.zonky", "org.flywaydb", "com.zaxxer.hikari", "io.helidon"}) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(level.intValue() < Level.INFO.intValue() ? level : Level.WARNING);
            QUIETED.add(logger);
        }
    }

    private static Formatter textFormatter() {
        return new SimpleFormatter() {
            @Override
            public String format(LogRecord record) {
                String base = String.format("%1$tF %1$tT %2$-5s %3$s - %4$s%n", record.getMillis(),
                        JsonLogFormatter.level(record.getLevel()), shortName(record.getLoggerName()), formatMessage(record));
                return record.getThrown() == null ? base : base + "  " + record.getThrown() + System.lineSeparator();
            }
        };
    }

    private static String shortName(String logger) {
        return logger == null ? "" : logger.substring(logger.lastIndexOf('.') + 1);
    }
}
