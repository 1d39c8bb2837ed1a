package org.opensspr.server.auth;

import org.opensspr.server.crypto.Base32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * RFC 6238 time-based one-time passwords as every authenticator app computes them: HMAC-SHA1,
 * 6 digits, 30-second steps counted from the Unix epoch. A code is accepted in its own step and
 * one step either side (clock drift). {@link #verify} answers with the step that matched so the
 * caller can refuse any step not later than the last one it accepted: each code works once.
 */
public final class Totp {
    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    public static final int WINDOW = 1;
    /** 160-bit secrets, the HMAC-SHA1 key size RFC 4226 recommends. */
    public static final int SECRET_BYTES = 20;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final SecureRandom random;

    public Totp(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public Totp() {
        this(new SecureRandom());
    }

    public byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** The step {@code at} falls in. */
    public static long stepAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for one step, zero-padded to {@link #DIGITS} digits. */
    public static String codeAt(byte[] secret, long step) {
        return code(secret, step, DIGITS);
    }

    /** RFC 4226 HOTP with a step counter and any digit count up to 8 (the RFC's test vectors use 8). */
    static String code(byte[] secret, long step, int digits) {
        byte[] hmac;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            hmac = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
        int offset = hmac[hmac.length - 1] & 0x0F;
        int binary = ((hmac[offset] & 0x7F) << 24) | ((hmac[offset + 1] & 0xFF) << 16)
                | ((hmac[offset + 2] & 0xFF) << 8) | (hmac[offset + 3] & 0xFF);
        String digitsText = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - digitsText.length()) + digitsText;
    }

    /** The step whose code {@code code} is, within the window around {@code now}; empty when none. */
    public OptionalLong verify(byte[] secret, String code, Instant now) {
        return verify(secret, code, now, Long.MIN_VALUE);
    }

    /**
     * Like {@link #verify(byte[], String, Instant)} but only steps after {@code lastAcceptedStep}
     * count, so a code that happens to be valid in two steps of the window isn't refused as a replay.
     * Every candidate is compared (constant time, no early exit) so timing shows nothing.
     */
    public OptionalLong verify(byte[] secret, String code, Instant now, long lastAcceptedStep) {
        Objects.requireNonNull(secret, "secret");
        if (code == null) {
            return OptionalLong.empty();
        }
        String typed = code.strip().replace(" ", "");
        if (typed.length() != DIGITS || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] typedBytes = typed.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        long matched = Long.MIN_VALUE;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            boolean same = MessageDigest.isEqual(typedBytes, codeAt(secret, step).getBytes(StandardCharsets.US_ASCII));
            if (same && step > lastAcceptedStep && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /**
     * The enrollment URI authenticator apps read from a QR code (Google's Key URI format):
     * {@code otpauth://totp/Issuer:account?secret=…&issuer=Issuer&algorithm=SHA1&digits=6&period=30}.
     */
    public static String otpauthUri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        // URI path/query escaping: spaces as %20, never '+'.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
