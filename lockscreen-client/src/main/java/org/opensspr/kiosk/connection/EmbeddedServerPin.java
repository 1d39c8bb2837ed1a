package org.opensspr.kiosk.connection;

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
 * The embedded default: the server on this machine keeps its generated certificate in
 * {@code <data>/tls/server.p12} with the keystore's password beside it ({@code server.p12.password}),
 * both readable only by the account that runs it. A kiosk started by the same account on the same
 * machine reads the certificate from there and pins it — no enrollment, no trust on first use.
 */
public final class EmbeddedServerPin {
    static final String KEYSTORE = "tls/server.p12";
    static final String PASSWORD = "tls/server.p12.password";

    private EmbeddedServerPin() {
    }

    /** The fingerprint of the server certificate kept in {@code dataDirectory}, if one is there and readable. */
    public static Optional<CertificateFingerprint> read(Path dataDirectory) {
        if (dataDirectory == null) {
            return Optional.empty();
        }
        Path keyStoreFile = dataDirectory.resolve(KEYSTORE);
        Path passwordFile = dataDirectory.resolve(PASSWORD);
        if (!Files.isReadable(keyStoreFile) || !Files.isReadable(passwordFile)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    return Optional.of(CertificateFingerprint.of(x509));
                }
            }
            return Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty(); // not the embedded server's directory after all: enroll instead
        }
    }
}
