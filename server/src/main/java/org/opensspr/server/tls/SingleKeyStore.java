package org.opensspr.server.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a PKCS#12 file and keeps its first private key entry (aliases in alphabetical order) alone in
 * an in-memory keystore, so the server serves exactly the certificate whose fingerprint it prints.
 * Every way the file can be unusable gets its own message.
 */
record SingleKeyStore(KeyStore keyStore, X509Certificate leaf) {
    private static final Logger LOG = LoggerFactory.getLogger(SingleKeyStore.class);

    static SingleKeyStore load(Path file, char[] password, String alias) {
        if (!Files.isRegularFile(file)) {
            throw new TlsSetupException("The TLS keystore " + file + " does not exist.");
        }
        KeyStore source = read(file, password);
        try {
            List<String> aliases = new ArrayList<>(Collections.list(source.aliases()));
            Collections.sort(aliases);
            for (String candidate : aliases) {
                if (source.isKeyEntry(candidate)) {
                    return fromEntry(file, source, candidate, password, alias);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("The TLS keystore " + file + " can't be read: " + e.getMessage(), e);
        }
        throw new TlsSetupException("The TLS keystore " + file + " has no private key entry, only certificates."
                + " Export the server's certificate together with its private key.");
    }

    private static KeyStore read(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new TlsSetupException("The password for the TLS keystore " + file + " is wrong.");
            }
            throw new TlsSetupException("The TLS keystore " + file + " is not a readable PKCS#12 file.", e);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("The TLS keystore " + file + " can't be read: " + e.getMessage(), e);
        }
    }

    private static SingleKeyStore fromEntry(Path file, KeyStore source, String sourceAlias, char[] password,
                                            String alias) throws GeneralSecurityException {
        Key key;
        try {
            key = source.getKey(sourceAlias, password);
        } catch (UnrecoverableKeyException e) {
            throw new TlsSetupException("The private key '" + sourceAlias + "' in " + file
                    + " has another password than the keystore; protect both with the same password.");
        }
        Certificate[] chain = source.getCertificateChain(sourceAlias);
        if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0
                || !(chain[0] instanceof X509Certificate leaf)) {
            throw new TlsSetupException("The key entry '" + sourceAlias + "' in " + file
                    + " has no X.509 certificate chain.");
        }
        KeyStore served = KeyStore.getInstance("PKCS12");
        try {
            served.load(null, null);
        } catch (IOException e) {
            throw new TlsSetupException("Could not set up an in-memory keystore", e);
        }
        served.setKeyEntry(alias, privateKey, password, chain);
        warnIfNotCurrent(leaf, file);
        return new SingleKeyStore(served, leaf);
    }

    private static void warnIfNotCurrent(X509Certificate leaf, Path file) {
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            LOG.warn("The TLS certificate in {} is not valid now ({}); clients that check dates will refuse it",
                    file, e.getMessage());
        }
    }
}
