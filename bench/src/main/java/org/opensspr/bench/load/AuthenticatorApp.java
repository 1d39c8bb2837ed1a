package org.opensspr.bench.load;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * A person's Authenticator app as the generator plays it: the seed the server was given, RFC 6238 codes from it
 * (HMAC-SHA1, 30-second steps, 6 digits: what the server's own app setup announces) computed here independently
 * of the server's code, and the topic its notifications go to.
 */
record AuthenticatorApp(byte[] seed, String pushTopic) {
    static final long STEP_MILLIS = 30_000;

    static long stepAt(long epochMillis) {
        return Math.floorDiv(epochMillis, STEP_MILLIS);
    }

    /** The code the app shows during {@code step}. */
    String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(seed, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff;
            return "%06d".formatted(binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA1", e);
        }
    }

    @Override
    public String toString() {
        return "AuthenticatorApp[seed hidden]";
    }
}
