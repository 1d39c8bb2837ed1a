package org.opensspr.kiosk.hardening;

import org.opensspr.kiosk.connection.OwnerOnlyFile;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The PIN that lets an administrator leave the kiosk. Only a salted PBKDF2-SHA256 hash is ever kept —
 * in memory, or in {@code <settings>/kiosk-admin-pin.properties} (0600) when set with
 * {@code --set-admin-pin}. Where it comes from is decided in {@link AdminPinSource}.
 */
public final class AdminPin {
    public static final String FILE = "kiosk-admin-pin.properties";
    public static final int MIN_DIGITS = 6;
    private static final int ITERATIONS = 120_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] salt;
    private final CompletableFuture<byte[]> hash;

    private AdminPin(byte[] salt, CompletableFuture<byte[]> hash) {
        this.salt = salt;
        this.hash = hash;
    }

    /** @throws IllegalArgumentException unless the PIN is at least {@value #MIN_DIGITS} digits */
    public static AdminPin of(char[] pin) {
        if (!valid(pin)) {
            throw new IllegalArgumentException("The admin PIN must be at least " + MIN_DIGITS + " digits.");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        // A tenth of a second and more on a JVM just started: hashed beside the kiosk's first screen, not before
        // it. The caller may wipe its array at once, so the hash works on a copy it wipes itself.
        char[] copy = pin.clone();
        return new AdminPin(salt, CompletableFuture.supplyAsync(() -> {
            try {
                return derive(copy, salt);
            } finally {
                wipe(copy);
            }
        }, task -> Thread.ofVirtual().name("opensspr-admin-pin").start(task)));
    }

    public static boolean valid(char[] pin) {
        if (pin == null || pin.length < MIN_DIGITS || pin.length > 32) {
            return false;
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A random 8-digit PIN for one run (when none was set). */
    static char[] random() {
        char[] pin = new char[8];
        for (int i = 0; i < pin.length; i++) {
            pin[i] = (char) ('0' + RANDOM.nextInt(10));
        }
        return pin;
    }

    public boolean matches(char[] attempt) {
        if (attempt == null || attempt.length == 0 || attempt.length > 64) {
            return false;
        }
        return MessageDigest.isEqual(hash.join(), derive(attempt, salt));
    }

    public static Optional<AdminPin> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
            return Optional.of(new AdminPin(Base64.getDecoder().decode(values.getProperty("salt", "")),
                    CompletableFuture.completedFuture(Base64.getDecoder().decode(values.getProperty("hash", "")))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void save(Path file) throws IOException {
        Properties values = new Properties();
        values.setProperty("salt", Base64.getEncoder().encodeToString(salt));
        values.setProperty("hash", Base64.getEncoder().encodeToString(hash.join()));
        OwnerOnlyFile.write(file, values);
    }

    private static byte[] derive(char[] pin, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, ITERATIONS, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "AdminPin[hidden]";
    }

    /** For tests of the dialog: wipes a char array. */
    static void wipe(char[] chars) {
        Arrays.fill(chars, '\0');
    }
}
