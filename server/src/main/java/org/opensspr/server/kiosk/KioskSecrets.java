package org.opensspr.server.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The two secrets of a kiosk's life, made and recognised here; the database keeps only their SHA-256.
 *
 * <ul>
 *   <li>The <b>enrollment code</b> a person types on the kiosk: 16 characters (80 bits) from Crockford's
 *       base-32 alphabet, which has no I, L, O or U, written as four groups of four ({@code 7KQ2-M9XD-4HRT-0BZC}).
 *       Reading it forgives case, spaces and dashes, and the look-alikes O→0 and I, L→1.</li>
 *   <li>The <b>device credential</b> the kiosk keeps: {@code k.} and 256 random bits in base64url, so the
 *       authenticator can tell it from an administrator's session token without a database query.</li>
 * </ul>
 */
final class KioskSecrets {
    static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int CODE_LENGTH = 16;
    static final int CODE_GROUP = 4;
    static final String CREDENTIAL_PREFIX = "k.";
    private static final int CREDENTIAL_BYTES = 32;
    /** Longer input can't be a code; it is refused before any work. */
    private static final int MAX_CODE_INPUT = 64;

    private final SecureRandom random;

    KioskSecrets(SecureRandom random) {
        this.random = random;
    }

    /** A new enrollment code in its display form, dashes included. */
    String newEnrollmentCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH + CODE_LENGTH / CODE_GROUP);
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i > 0 && i % CODE_GROUP == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A new device credential. */
    String newCredential() {
        byte[] bytes = new byte[CREDENTIAL_BYTES];
        random.nextBytes(bytes);
        return CREDENTIAL_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a bearer token is meant as a kiosk credential (it may still be unknown or revoked). */
    static boolean looksLikeCredential(String token) {
        return token != null && token.startsWith(CREDENTIAL_PREFIX);
    }

    /**
     * The 16 code characters of what a person typed, or empty when it can't be a code at all. Only the
     * normalized form is hashed, so every way of typing one code finds it.
     */
    static Optional<String> normalizeCode(String typed) {
        if (typed == null || typed.length() > MAX_CODE_INPUT) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (mapped == '-' || Character.isWhitespace(mapped)) {
                continue;
            }
            if (CODE_ALPHABET.indexOf(mapped) < 0) {
                return Optional.empty();
            }
            code.append(mapped);
        }
        return code.length() == CODE_LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    /** SHA-256 of the text's UTF-8 bytes, lower-case hex: how codes and credentials are stored. */
    static String sha256Hex(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
