package org.opensspr.server.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals small secrets (TOTP seeds and the like) for storage with AES-256-GCM under a key that lives
 * outside the database. A sealed value is base64 of {@code version(1) | nonce(12) | ciphertext+tag(16)};
 * the purpose label (for example the column name) is authenticated data, so a value sealed for one
 * purpose can't be opened as another. The key is the server's master secret; this class also derives
 * independent sub-keys from it ({@link #keyedHash}) so the server needs one secret only. Thread-safe.
 */
public final class SecretBox {
    /** The environment variable that, when set, holds the master key (base64 of 32 bytes). */
    public static final String ENVIRONMENT_VARIABLE = "OPENSSPR_SECRET_KEY";
    public static final int KEY_BYTES = 32;

    private static final byte VERSION_1 = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final byte[] masterKey;
    private final SecretKeySpec sealingKey;
    private final SecureRandom random;

    private SecretBox(byte[] masterKey, SecureRandom random) {
        if (masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("The secret key must be " + KEY_BYTES + " bytes");
        }
        this.masterKey = masterKey.clone();
        this.random = random;
        // The sealing key is derived rather than the master key itself, so no key serves two algorithms.
        this.sealingKey = new SecretKeySpec(derive("secret-box/aes-256-gcm/v1"), "AES");
    }

    /** A box over the given 32-byte master key. */
    public static SecretBox withKey(byte[] masterKey) {
        return new SecretBox(Objects.requireNonNull(masterKey, "masterKey"), new SecureRandom());
    }

    /**
     * The key from {@code dataDirectory/secret.key}, created (32 random bytes, mode 0600) on first
     * use. Refuses a key file that group or others may access.
     */
    public static SecretBox fromKeyFile(Path dataDirectory) {
        return withKey(SecretKeyFile.loadOrCreate(dataDirectory.resolve(SecretKeyFile.FILE_NAME)));
    }

    /** The key from {@value #ENVIRONMENT_VARIABLE} when that variable is set (and not blank). */
    public static Optional<SecretBox> fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + " is not valid base64; it must hold "
                    + KEY_BYTES + " random bytes, e.g. from `openssl rand -base64 32`.");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + " must hold exactly " + KEY_BYTES
                    + " bytes (base64), not " + key.length + ".");
        }
        return Optional.of(withKey(key));
    }

    /** The server's usual choice: the environment variable when set, else the key file in the data directory. */
    public static SecretBox fromEnvironmentOrKeyFile(Map<String, String> environment, Path dataDirectory) {
        return fromEnvironment(environment).orElseGet(() -> fromKeyFile(dataDirectory));
    }

    public String seal(byte[] plaintext, String purpose) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(additionalData(VERSION_1, purpose));
            byte[] sealed = cipher.doFinal(plaintext);
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
            out.put(VERSION_1).put(nonce).put(sealed);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String seal(String plaintext, String purpose) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8), purpose);
    }

    /**
     * Opens a value sealed for {@code purpose}.
     *
     * @throws SealedSecretException when the value is damaged, was sealed for another purpose or under
     *                               another key
     */
    public byte[] open(String sealed, String purpose) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(Objects.requireNonNull(sealed, "sealed"));
        } catch (IllegalArgumentException e) {
            throw new SealedSecretException("The sealed value for " + purpose + " is not base64.");
        }
        if (raw.length < 1 + NONCE_BYTES + TAG_BITS / 8 || raw[0] != VERSION_1) {
            throw new SealedSecretException("The sealed value for " + purpose + " has an unknown format.");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, raw, 1, NONCE_BYTES));
            cipher.updateAAD(additionalData(raw[0], purpose));
            return cipher.doFinal(raw, 1 + NONCE_BYTES, raw.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SealedSecretException("The sealed value for " + purpose
                    + " does not open with this server's key (wrong key, wrong purpose or damaged).");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String openString(String sealed, String purpose) {
        return new String(open(sealed, purpose), StandardCharsets.UTF_8);
    }

    /** An HMAC-SHA256 keyed by a sub-key of the master key that only {@code purpose} uses. */
    public KeyedHash keyedHash(String purpose) {
        return new KeyedHash(derive("keyed-hash/" + purpose));
    }

    private byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return mac.doFinal(("opensspr/" + label).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] additionalData(byte version, String purpose) {
        byte[] label = Objects.requireNonNull(purpose, "purpose").getBytes(StandardCharsets.UTF_8);
        byte[] aad = Arrays.copyOf(new byte[]{version}, 1 + label.length);
        System.arraycopy(label, 0, aad, 1, label.length);
        return aad;
    }

    @Override
    public String toString() {
        return "SecretBox[key=<redacted>]";
    }
}
