package org.opensspr.ui.startup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The line the start-up benchmark and the packaging's training run parse. */
class FirstFrameTest {
    private static final Pattern LINE =
            Pattern.compile("opensspr first-frame app=kiosk epoch-ms=(\\d+) rss-kb=(-?\\d+)\\n");

    @Test
    void theReportSaysWhenAndHowMuchMemory() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long before = System.currentTimeMillis();
        FirstFrame.report("kiosk", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        long after = System.currentTimeMillis();

        Matcher line = LINE.matcher(bytes.toString(StandardCharsets.UTF_8));
        assertThat(line.matches()).as(bytes.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(Long.parseLong(line.group(1))).isBetween(before, after);
        if (System.getProperty("os.name").startsWith("Linux")) {
            // This test JVM holds well over 10 MB; a parse of the wrong line of /proc/self/status would not.
            assertThat(Long.parseLong(line.group(2))).isGreaterThan(10_000);
        }
    }
}
