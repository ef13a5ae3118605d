package io.cairn.appliance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The appliance version, recorded at build time. */
public final class Version {
    private Version() {
    }

    /** The version, e.g. {@code 0.1.0}. */
    public static String current() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
