package org.opensspr.kiosk.connection;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The kiosk's credential file, {@code <settings>/kiosk-credential.properties}, mode 0600. One kiosk
 * talks to one server: a credential for another server URL is ignored (and replaced by the next enrollment).
 */
public final class CredentialStore {
    public static final String FILE = "kiosk-credential.properties";
    private final Path file;

    public CredentialStore(Path settingsDirectory) {
        this.file = settingsDirectory.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** The stored credential for {@code serverUrl}, if there is one. */
    public Optional<StoredCredential> load(String serverUrl) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String url = values.getProperty("serverUrl", "");
        String credential = values.getProperty("credential", "");
        if (!sameServer(url, serverUrl) || credential.isBlank()) {
            return Optional.empty();
        }
        String fingerprint = values.getProperty("fingerprint", "");
        return Optional.of(new StoredCredential(url, values.getProperty("kioskId", ""),
                values.getProperty("kioskName", ""), credential, fingerprint.isBlank() ? null : fingerprint));
    }

    public void save(StoredCredential credential) {
        Properties values = new Properties();
        values.setProperty("serverUrl", credential.serverUrl());
        values.setProperty("kioskId", credential.kioskId());
        values.setProperty("kioskName", credential.kioskName());
        values.setProperty("credential", credential.credential());
        values.setProperty("fingerprint", credential.fingerprint() == null ? "" : credential.fingerprint());
        try {
            OwnerOnlyFile.write(file, values);
        } catch (IOException e) {
            throw new UncheckedIOException("Can't keep the kiosk's credential in " + file, e);
        }
    }

    private static boolean sameServer(String stored, String requested) {
        return strip(stored).equalsIgnoreCase(strip(requested));
    }

    private static String strip(String url) {
        String s = url == null ? "" : url.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
