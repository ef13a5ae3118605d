package io.cairn.ca;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Settings of the consortium CA.
 *
 * @param subject             distinguished name of the CA certificate (RFC 4514 form)
 * @param caValidity          validity of the CA certificate, made once
 * @param certificateValidity validity of member certificates (never beyond the CA certificate's end)
 * @param crlUrl              the CRL distribution point written into member certificates, when published
 * @param crlValidity         time between a CRL's thisUpdate and nextUpdate
 * @param serverAuth          whether member certificates also allow TLS server authentication
 */
public record CaSettings(String subject, Duration caValidity, Duration certificateValidity, Optional<URI> crlUrl,
                         Duration crlValidity, boolean serverAuth) {
    /** CA subject. */
    public static final ConfigOption SUBJECT = ConfigOption.string("ca.subject",
            "CN=Cairn Consortium CA,O=Cairn Consortium",
            "Distinguished name (RFC 4514) of the consortium CA certificate, e.g. "
                    + "'CN=<consortium> Consortium CA,O=<consortium>'. Used only once, when the CA certificate is made.");
    /** CA validity. */
    public static final ConfigOption VALIDITY = ConfigOption.duration("ca.validity", "3650d",
            "Validity of the consortium CA certificate, made once at the CA's first use.");
    /** Member certificate validity. */
    public static final ConfigOption CERTIFICATE_VALIDITY = ConfigOption.duration("ca.certificate-validity", "730d",
            "Validity of member certificates; a certificate never outlives the CA certificate.");
    /** CRL distribution point. */
    public static final ConfigOption CRL_URL = ConfigOption.optionalString("ca.crl-url",
            "HTTP(S) URL where the CRL is published without authentication; written into member certificates as "
                    + "their CRL distribution point. Unset: certificates carry no distribution point.");
    /** CRL validity. */
    public static final ConfigOption CRL_VALIDITY = ConfigOption.duration("ca.crl-validity", "7d",
            "Time between a CRL's thisUpdate and nextUpdate. A new CRL is made on every revocation and when half "
                    + "of this time has passed.");
    /** serverAuth. */
    public static final ConfigOption SERVER_AUTH = ConfigOption.bool("ca.server-auth", false,
            "Whether member certificates also carry the TLS server authentication extended key usage "
                    + "(client authentication is always granted).");

    /** Every CA option. */
    public static final List<ConfigOption> OPTIONS = List.of(SUBJECT, VALIDITY, CERTIFICATE_VALIDITY, CRL_URL,
            CRL_VALIDITY, SERVER_AUTH);

    /** Validates the values. */
    public CaSettings {
        Objects.requireNonNull(crlUrl, "crlUrl");
        try {
            if (new X500Name(subject).getRDNs().length == 0) {
                throw new IllegalArgumentException("empty");
            }
        } catch (RuntimeException e) {
            throw invalid(SUBJECT, "must be a non-empty distinguished name such as 'CN=Example Consortium CA,O=Example'");
        }
        positive(VALIDITY, caValidity);
        positive(CERTIFICATE_VALIDITY, certificateValidity);
        positive(CRL_VALIDITY, crlValidity);
        crlUrl.filter(u -> !("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null)
                .ifPresent(u -> {
                    throw invalid(CRL_URL, "must be an absolute http or https URL");
                });
    }

    /** Defaults: the catalogue's values, no distribution point. */
    public static CaSettings defaults() {
        return new CaSettings("CN=Cairn Consortium CA,O=Cairn Consortium", Duration.ofDays(3650), Duration.ofDays(730),
                Optional.empty(), Duration.ofDays(7), false);
    }

    /** Reads the settings from validated configuration. */
    public static CaSettings from(CairnConfig config) {
        Optional<URI> url;
        try {
            url = config.optionalString(CRL_URL).filter(s -> !s.isBlank()).map(URI::create);
        } catch (IllegalArgumentException e) {
            throw invalid(CRL_URL, "must be an absolute http or https URL");
        }
        return new CaSettings(config.string(SUBJECT), config.duration(VALIDITY), config.duration(CERTIFICATE_VALIDITY),
                url, config.duration(CRL_VALIDITY), config.bool(SERVER_AUTH));
    }

    private static void positive(ConfigOption option, Duration value) {
        if (value == null || value.isNegative() || value.compareTo(Duration.ofMinutes(1)) < 0) {
            throw invalid(option, "must be at least one minute");
        }
    }

    private static CairnException invalid(ConfigOption option, String detail) {
        return new CairnException(ErrorCode.CONF_INVALID_VALUE, option.key() + " " + detail);
    }
}
