package org.opensspr.server.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HMAC-SHA256 under a server secret: a fingerprint of a secret value (a wrong password, say) that
 * lets the server recognise a repeat without storing anything an attacker could test guesses against
 * offline. Get one from {@link SecretBox#keyedHash}. Thread-safe.
 */
public final class KeyedHash {
    private final SecretKeySpec key;

    KeyedHash(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** Lower-case hex of HMAC-SHA256(key, UTF-8 of {@code value}): 64 characters. */
    public String hex(String value) {
        return hex(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of HMAC-SHA256(key, {@code bytes}): 64 characters. */
    public String hex(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedHash[key=<redacted>]";
    }
}
