package org.opensspr.server.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Bearer tokens and one-time codes: 256 random bits as base64url without padding (43 characters,
 * alphabet {@code A-Z a-z 0-9 - _}), stored only as their SHA-256 so a database leak gives nobody a
 * session. Thread-safe.
 */
public final class Tokens {
    public static final int TOKEN_BYTES = 32;

    private final SecureRandom random;

    public Tokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public Tokens() {
        this(new SecureRandom());
    }

    /** A fresh random token. */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored for a token: lower-case hex of SHA-256 over its UTF-8 bytes (64 characters). */
    public static String sha256Hex(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
