package org.opensspr.server.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 28: the hashing threads run 10 nice steps below the threads that serve requests (at most at 19). */
@EnabledOnOs(OS.LINUX)
class ThreadNicenessTest {

    @Test
    void hashingThreadsRunBelowEveryOtherThread() throws Exception {
        PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Cost(64, 1, 1, 16, 32), new SecureRandom(), 2);
        hasher.hash("secret");

        Map<String, Integer> niceByThread = niceByThreadName();
        int own = nice(Path.of("/proc/thread-self/stat"));
        assertThat(niceByThread).hasEntrySatisfying("argon2id-1",
                nice -> assertThat(nice).isEqualTo(Math.min(19, own + PasswordHasher.HASHING_NICENESS_STEPS)));
    }

    @Test
    void aThreadCanOnlyLowerItself() throws Exception {
        int before = nice(Path.of("/proc/thread-self/stat"));
        int[] seen = new int[2];
        Thread lowered = Thread.ofPlatform().start(() -> {
            seen[0] = ThreadNiceness.lowerBy(7) ? 1 : 0;
            seen[1] = nice(Path.of("/proc/thread-self/stat"));
        });
        lowered.join();

        assertThat(seen[0]).as("lowered").isEqualTo(1);
        assertThat(seen[1]).as("counted from the caller's, never above 19").isEqualTo(Math.min(19, before + 7));
        assertThat(nice(Path.of("/proc/thread-self/stat"))).as("the caller untouched").isEqualTo(before);
    }

    private static Map<String, Integer> niceByThreadName() throws IOException {
        Map<String, Integer> nice = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    nice.put(Files.readString(task.resolve("comm")).strip(), nice(task.resolve("stat")));
                } catch (IOException gone) {
                    // a thread that ended while listed
                }
            }
        }
        return nice;
    }

    /** Field 19 of /proc/…/stat, counted after the ")" that ends the thread's name (which may hold spaces). */
    private static int nice(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
