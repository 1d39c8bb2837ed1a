package org.opensspr.server.tls;

import org.opensspr.api.CertificateFingerprint;
import org.opensspr.server.files.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The certificate the server presents: generated at first start into {@code <data>/tls/server.p12}
 * (its random password beside it in {@code server.p12.password}, both 0600, the directory 0700) and
 * loaded from there on every later start, so its fingerprint stays what kiosks pinned; or a PKCS#12
 * file the operator provides.
 *
 * <p>{@link #keyStore()} holds exactly one key entry, the one whose certificate {@link #fingerprint()}
 * describes, so what the server prints is what it serves.
 */
public final class ServerCertificate {
    public static final String ALIAS = "opensspr-server";
    public static final String DIRECTORY = "tls";
    public static final String KEYSTORE_FILE = "server.p12";
    public static final String PASSWORD_FILE = "server.p12.password";
    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificate.class);

    private final KeyStore keyStore;
    private final char[] password;
    private final X509Certificate certificate;
    private final CertificateFingerprint fingerprint;
    private final Path file;

    private ServerCertificate(KeyStore keyStore, char[] password, X509Certificate certificate, Path file) {
        this.keyStore = keyStore;
        this.password = password;
        this.certificate = certificate;
        this.fingerprint = CertificateFingerprint.of(certificate);
        this.file = file;
    }

    /**
     * The server's own certificate in {@code dataDirectory/tls}: loaded if it is there, else generated
     * for this machine's names plus {@code extraNames} (host names or IP addresses) and stored.
     * Extra names given after the first start don't change a stored certificate (that would break
     * every kiosk's pin); delete the two files to issue a new one.
     */
    public static ServerCertificate inDataDirectory(Path dataDirectory, List<String> extraNames, Clock clock) {
        extraNames = extraNames == null ? List.of() : List.copyOf(extraNames);
        Path directory = dataDirectory.resolve(DIRECTORY);
        Path keyStoreFile = directory.resolve(KEYSTORE_FILE);
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        try {
            OwnerOnlyFiles.directory(directory);
            if (!Files.exists(keyStoreFile)) {
                generate(keyStoreFile, passwordFile, extraNames, clock);
            } else if (!Files.exists(passwordFile)) {
                throw new TlsSetupException("Found " + keyStoreFile + " but not its password file " + passwordFile
                        + ". Restore the password file, or delete the keystore to issue a new certificate"
                        + " (kiosks will then have to be enrolled again).");
            }
            OwnerOnlyFiles.tighten(keyStoreFile);
            OwnerOnlyFiles.tighten(passwordFile);
            ServerCertificate loaded = load(keyStoreFile, readPassword(passwordFile));
            loaded.warnAboutMissingNames(extraNames);
            return loaded;
        } catch (IOException e) {
            throw new TlsSetupException("Can't keep the server's TLS certificate in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * A PKCS#12 file the operator provides (for example one signed by the organization's CA). Its
     * private key must use the keystore's password; with several keys the first alias in
     * alphabetical order is served.
     */
    public static ServerCertificate provided(Path keyStoreFile, char[] password) {
        return load(keyStoreFile, password == null ? new char[0] : password.clone());
    }

    /** Holds exactly one private key entry ({@link #ALIAS}) with its chain. Don't change it. */
    public KeyStore keyStore() {
        return keyStore;
    }

    /** The password of {@link #keyStore()} and of its key (a copy; a secret). */
    public char[] password() {
        return password.clone();
    }

    /** The leaf certificate the server presents. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the leaf certificate; {@code toString()} gives the colon-separated form to print. */
    public CertificateFingerprint fingerprint() {
        return fingerprint;
    }

    /** The PKCS#12 file it came from. */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + certificate.getSubjectX500Principal().getName() + ", " + fingerprint + "]";
    }

    private static void generate(Path keyStoreFile, Path passwordFile, List<String> extraNames, Clock clock)
            throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
        SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue(
                SelfSignedCertificates.localHostName(), extraNames, clock, random);
        byte[] keyStoreBytes;
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, issued.privateKey(), password, new Certificate[] {issued.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            keyStoreBytes = out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("Could not write the server's TLS keystore: " + e.getMessage(), e);
        }
        // Password first: a keystore without its password would stop the next start; a password
        // without a keystore is simply replaced by the next generation.
        Path passwordTemporary = OwnerOnlyFiles.writeTemporary(passwordFile, utf8(password));
        OwnerOnlyFiles.publish(passwordTemporary, passwordFile);
        Path keyStoreTemporary = OwnerOnlyFiles.writeTemporary(keyStoreFile, keyStoreBytes);
        OwnerOnlyFiles.publish(keyStoreTemporary, keyStoreFile);
        LOG.info("Created the server's TLS certificate in {}", keyStoreFile);
    }

    private static ServerCertificate load(Path file, char[] password) {
        SingleKeyStore loaded = SingleKeyStore.load(file, password, ALIAS);
        return new ServerCertificate(loaded.keyStore(), password, loaded.leaf(), file);
    }

    private void warnAboutMissingNames(List<String> extraNames) {
        List<String> present;
        try {
            present = certificate.getSubjectAlternativeNames() == null ? List.of()
                    : certificate.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
        } catch (java.security.cert.CertificateParsingException e) {
            return;
        }
        List<String> named = present.stream().map(SelfSignedCertificates::canonical).toList();
        List<String> missing = extraNames.stream().filter(name -> name != null && !name.isBlank())
                .filter(name -> !named.contains(SelfSignedCertificates.canonical(name))).toList();
        if (!missing.isEmpty()) {
            LOG.warn("The stored TLS certificate {} doesn't name {}; delete {} and {} to issue a new one"
                    + " (kiosks must then be enrolled again)", file, missing, KEYSTORE_FILE, PASSWORD_FILE);
        }
    }

    private static char[] readPassword(Path passwordFile) throws IOException {
        byte[] bytes = Files.readAllBytes(passwordFile);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            String text = chars.toString().strip();
            return text.toCharArray();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
