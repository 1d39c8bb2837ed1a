package org.opensspr.console;

import org.junit.jupiter.api.Test;
import org.opensspr.ui.i18n.BundleLint;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's texts: apostrophes survive MessageFormat, and every key the code names exists. */
class MessagesTest {
    private static final Pattern KEY_IN_CODE = Pattern.compile("text\\(\"([a-zA-Z0-9_.]+)\"");

    @Test
    void everyTextIsWellFormedAndEveryKeyTheCodeUsesExists() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/opensspr/console/messages.properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(BundleLint.apostropheProblems(bundle)).isEmpty();

        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(source));
                while (m.find()) {
                    if (!bundle.containsKey(m.group(1)) && !m.group(1).endsWith(".")) {
                        missing.add(source.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(List.copyOf(missing)).isEmpty();
    }
}
