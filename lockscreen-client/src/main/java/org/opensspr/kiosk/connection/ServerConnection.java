package org.opensspr.kiosk.connection;

import org.opensspr.api.CertificateFingerprint;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.client.OpenSsprClientBuilder;
import org.opensspr.kiosk.KioskOptions;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides how the kiosk reaches its server, in this order:
 * <ol>
 *   <li>a stored credential for this server: its device token, and the certificate it pinned at enrollment;</li>
 *   <li>the embedded default (a server on this machine whose data directory is readable): the certificate
 *       pinned from that directory, no credential needed;</li>
 *   <li>otherwise the kiosk must be enrolled with a one-time code first.</li>
 * </ol>
 */
public final class ServerConnection {
    private ServerConnection() {
    }

    /** What {@link #plan} found. */
    public sealed interface Plan {
        /** Ready to use; {@code how} says which way, for the start-up line on the console. */
        record Ready(OpenSsprClient client, String how) implements Plan {
        }

        record NeedsEnrollment(String serverUrl) implements Plan {
        }
    }

    public static Plan plan(KioskOptions options, CredentialStore store) {
        String url = options.serverUrl();
        Optional<StoredCredential> stored = store.load(url);
        if (stored.isPresent()) {
            StoredCredential credential = stored.get();
            OpenSsprClientBuilder builder = builder(url).bearerToken(credential.credential());
            if (credential.fingerprint() != null) {
                builder.pinnedCertificate(credential.fingerprint());
            }
            return new Plan.Ready(builder.build(), "enrolled as kiosk '" + credential.kioskName() + "'");
        }
        if (isLoopback(url)) {
            Optional<CertificateFingerprint> embedded = EmbeddedServerPin.read(options.effectiveDataDirectory());
            if (embedded.isPresent() && isHttps(url)) {
                return new Plan.Ready(builder(url).pinnedCertificate(embedded.get()).build(),
                        "embedded server, certificate pinned from " + options.effectiveDataDirectory());
            }
            if (!isHttps(url) && options.dataDirectory() != null) {
                return new Plan.Ready(builder(url).build(), "plain HTTP on this machine");
            }
        }
        return new Plan.NeedsEnrollment(url);
    }

    /** A client for {@code url} with the kiosk's timeouts. */
    public static OpenSsprClientBuilder builder(String url) {
        return OpenSsprClient.builder().baseUrl(url).userAgent("OpenSSPR-Kiosk")
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(30));
    }

    public static boolean isHttps(String url) {
        return url.strip().regionMatches(true, 0, "https:", 0, 6);
    }

    static boolean isLoopback(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return false;
            }
            host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return host.equalsIgnoreCase("localhost") || java.net.InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
