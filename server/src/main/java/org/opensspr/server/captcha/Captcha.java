package org.opensspr.server.captcha;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A captcha handed to a kiosk: its id (what the kiosk sends back with the answer), the PNG image and
 * when it stops being accepted. The answer itself is never part of it.
 */
public record Captcha(String id, byte[] png, Instant expiresAt) {
    public static final String CONTENT_TYPE = "image/png";

    public Captcha {
        Objects.requireNonNull(id, "id");
        png = Objects.requireNonNull(png, "png").clone();
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Captcha that && id.equals(that.id) && Arrays.equals(png, that.png)
                && expiresAt.equals(that.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Arrays.hashCode(png), expiresAt);
    }

    @Override
    public String toString() {
        return "Captcha[id=" + id + ", png=" + png.length + " bytes, expiresAt=" + expiresAt + "]";
    }
}
