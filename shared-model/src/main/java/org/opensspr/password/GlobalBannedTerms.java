package org.opensspr.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The global banned list: the base terms among zxcvbn4j's 30,000 most common passwords (bundled in
 * its jar) — entries made only of letters or only of digits, at least {@value #MIN_TERM_LENGTH}
 * characters long. Variants such as {@code blank1} or {@code p@ssw0rd} are left out on purpose:
 * normalization, substring and fuzzy matching already catch them from their base term, and keeping
 * them would let a variant swallow an extra character and score lower than Entra's own worked
 * example says ({@code C0ntos0Blank12} scores 4: contoso + blank + two characters). Loaded once, on
 * first use, so code that never scores a password never pays for it.
 */
public final class GlobalBannedTerms {

    /** The dictionary inside the zxcvbn 1.9.0 jar, one password per line, most common first. */
    static final String RESOURCE = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    /** Shorter common passwords would ban ordinary syllables inside good passwords. */
    public static final int MIN_TERM_LENGTH = 4;

    private static final Pattern BASE_TERM = Pattern.compile("[a-z]+|[0-9]+");

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
            List<String> lines = reader.lines().map(String::strip)
                    .filter(line -> BASE_TERM.matcher(line).matches()).toList();
            return BannedTermList.of(lines, MIN_TERM_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}
