package org.opensspr.ui.local;

import org.opensspr.api.CertificateFingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Optional;

/**
 * What an app on the server's own machine can learn from the server's data directory (the embedded
 * default): the certificate to pin, read from the server's own key store, and the demo admin's name.
 * A remote console or kiosk never has this directory and pins what the operator gives it instead.
 */
public final class LocalServerFiles {
    private final Path dataDirectory;

    public LocalServerFiles(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** The server certificate's SHA-256 fingerprint, when the data directory holds the generated key store. */
    public Optional<CertificateFingerprint> certificateFingerprint() {
        Path store = dataDirectory.resolve("tls").resolve("server.p12");
        Path password = dataDirectory.resolve("tls").resolve("server.p12.password");
        if (!Files.isReadable(store) || !Files.isReadable(password)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(store)) {
            char[] secret = Files.readString(password, StandardCharsets.UTF_8).strip().toCharArray();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, secret);
            for (String alias : Collections.list(keyStore.aliases())) {
                Certificate certificate = keyStore.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    return Optional.of(CertificateFingerprint.of(x509));
                }
            }
            return Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** The demo administrator's user name from {@code demo-sign-in.txt}, when the demo was seeded here. */
    public Optional<String> demoAdministrator() {
        Path file = dataDirectory.resolve("demo-sign-in.txt");
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> line.startsWith("user:"))
                    .map(line -> line.substring("user:".length()).strip())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
