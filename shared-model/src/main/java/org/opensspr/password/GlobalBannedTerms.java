package org.opensspr.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The global banned list: zxcvbn4j's 30,000 most common passwords (bundled in its jar), kept
 * when at least {@value #MIN_TERM_LENGTH} characters long after normalization. Loaded once, on
 * first use, so code that never scores a password never pays for it.
 */
public final class GlobalBannedTerms {

    /** The dictionary inside the zxcvbn 1.9.0 jar, one password per line, most common first. */
    static final String RESOURCE = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    /** Shorter common passwords would ban ordinary syllables inside good passwords. */
    public static final int MIN_TERM_LENGTH = 4;

    private GlobalBannedTerms() {
    }

    public static BannedTermList list() {
        return Holder.LIST;
    }

    /** The JVM's class-initialization lock makes this a thread-safe, load-once lazy value. */
    private static final class Holder {
        static final BannedTermList LIST = load();
    }

    private static BannedTermList load() {
        InputStream stream = GlobalBannedTerms.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("global banned-password list missing from the classpath: " + RESOURCE
                    + " (it ships in com.nulab-inc:zxcvbn)");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            return BannedTermList.of(lines, MIN_TERM_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}
