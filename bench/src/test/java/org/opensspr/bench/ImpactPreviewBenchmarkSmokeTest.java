package org.opensspr.bench;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensspr.api.ImpactedUserDto;
import org.opensspr.api.PolicyImpactDto;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ImpactPreviewBenchmark} at a smoke size (200 people instead of 1,000 and 10,000), its preview called
 * once over HTTP on both databases with its answer checked. CI runs this; the figures come from
 * {@code bench/run.sh ImpactPreview} by hand.
 */
class ImpactPreviewBenchmarkSmokeTest {
    private static final int USERS = 200;

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void thePreviewNamesThePilotsWhoLoseTheirSecondMethod(String database) {
        ImpactPreviewBenchmark bench = new ImpactPreviewBenchmark();
        bench.users = USERS;
        bench.database = database;
        bench.startServerWithDirectory();
        try {
            PolicyImpactDto impact = bench.previewAChangeOfMethods();
            // The pilot is departments 0-9 (i mod 20 < 10); of them those with an office phone and questions
            // only (i mod 4 = 0) keep one method of the new three.
            List<String> expected = IntStream.range(0, USERS).filter(i -> i % 20 < 10 && i % 4 == 0)
                    .mapToObj(i -> "user%06d@contoso.example".formatted(i)).toList();
            assertThat(impact.newlyUnableToReset().count()).isEqualTo(expected.size());
            assertThat(impact.newlyUnableToReset().users()).extracting(ImpactedUserDto::userPrincipalName)
                    .containsExactlyElementsOf(expected);
            assertThat(impact.newlyOutOfScope().count()).isZero();
        } finally {
            bench.stopServer();
        }
    }
}
