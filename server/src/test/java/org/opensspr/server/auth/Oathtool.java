package org.opensspr.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Expected TOTP codes from an independent implementation: Debian's {@code oathtool}
 * ({@code apt-get install -y oathtool}).
 */
public final class Oathtool {
    private Oathtool() {
    }

    /** {@code oathtool --totp -b -N @<epoch> <base32>}: the 6-digit SHA-1 code at {@code at}. */
    public static String totp(String base32Secret, Instant at) {
        return run(List.of("oathtool", "--totp", "-b", "-N", "@" + at.getEpochSecond(), base32Secret));
    }

    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("oathtool failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("oathtool is needed for these tests: apt-get install -y oathtool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
