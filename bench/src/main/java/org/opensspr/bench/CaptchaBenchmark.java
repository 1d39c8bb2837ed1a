package org.opensspr.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.opensspr.server.captcha.CaptchaService;
import org.opensspr.server.db.Database;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Drawing one captcha (every reset flow starts with one): the picture, bent, as PNG bytes — no database work.
 * The CPU a flow's start costs beyond its queries; compare runs as ratios, the machines are shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CaptchaBenchmark {
    private Database database;
    private CaptchaService captchas;

    @Setup
    public void start() {
        database = Database.open("jdbc:h2:mem:captcha-bench;DB_CLOSE_DELAY=-1", null, null);
        captchas = new CaptchaService(database, Clock.systemUTC(), false);
    }

    @TearDown
    public void stop() {
        database.close();
    }

    @Benchmark
    public byte[] draw() {
        return captchas.draw().captcha().png();
    }
}
