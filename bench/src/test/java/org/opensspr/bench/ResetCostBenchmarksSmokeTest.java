package org.opensspr.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensspr.server.crypto.PasswordHasher;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.THROTTLE_EVENT;

/**
 * The benchmarks of what a reset costs beside its queries, each method called once with its answer checked:
 * drawing a captcha ({@link CaptchaBenchmark}), one committed throttle event and one Argon2id hash
 * ({@link CommitBenchmark}). CI runs this; the figures come from {@code bench/run.sh} by hand.
 */
class ResetCostBenchmarksSmokeTest {

    @Test
    void aCaptchaIsAPictureOfTheRendersSize() throws IOException {
        CaptchaBenchmark bench = new CaptchaBenchmark();
        bench.start();
        try {
            byte[] first = bench.draw();
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(first));
            assertThat(picture.getWidth()).isEqualTo(200);
            assertThat(picture.getHeight()).isEqualTo(70);
            assertThat(coloursIn(picture)).as("a drawing, not a blank").isGreaterThan(50);
            assertThat(bench.draw()).as("every captcha is drawn anew").isNotEqualTo(first);
        } finally {
            bench.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 500})
    void oneThrottleEventIsCommittedWithEitherWriteDelay(int writeDelay) throws Exception {
        CommitBenchmark bench = new CommitBenchmark();
        bench.writeDelay = writeDelay;
        bench.open();
        try {
            assertThat(bench.commitOneEvent()).isEqualTo(1);
            assertThat(bench.database.dsl().fetchCount(THROTTLE_EVENT, THROTTLE_EVENT.SUBJECT_KEY.eq("user:bench")))
                    .isEqualTo(1);
        } finally {
            bench.close();
        }
    }

    @Test
    void theHashIsOneTheServerVerifies() {
        String hash = new CommitBenchmark().argon2idHash();
        PasswordHasher server = PasswordHasher.owasp();
        assertThat(server.verify("Lantern-Orbit-Kettle-58", hash)).isTrue();
        assertThat(server.needsRehash(hash)).as("made at the server's own cost").isFalse();
    }

    private static int coloursIn(BufferedImage picture) {
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < picture.getWidth(); x++) {
            for (int y = 0; y < picture.getHeight(); y++) {
                colours.add(picture.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
