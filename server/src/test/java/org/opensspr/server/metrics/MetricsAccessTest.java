package org.opensspr.server.metrics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read /metrics, decided from the connection's address and the Authorization header alone (ADR 21). The
 * other-host rows are tested here, as a unit: no test can connect from a non-loopback address on this machine.
 */
class MetricsAccessTest {
    private static final String TOKEN = "s3cret-metrics-token-for-tests";
    private static final MetricsAccess WITH_TOKEN = new MetricsAccess(new MetricsSettings("METRICS_TOKEN", TOKEN));
    private static final MetricsAccess WITHOUT_TOKEN = new MetricsAccess(MetricsSettings.NONE);

    @ParameterizedTest(name = "from {0} with \"{1}\": {2} with a token, {3} without")
    @CsvSource(nullValues = "none", delimiter = '|', textBlock = """
            # from                  | Authorization                                | with a token       | without a token
            127.0.0.1               | none                                         | ALLOWED            | ALLOWED
            127.0.0.2               | none                                         | ALLOWED            | ALLOWED
            [0:0:0:0:0:0:0:1]       | none                                         | ALLOWED            | ALLOWED
            ::1                     | none                                         | ALLOWED            | ALLOWED
            ::ffff:127.0.0.1        | none                                         | ALLOWED            | ALLOWED
            10.0.0.5                | none                                         | NO_CREDENTIALS     | REMOTE_SCRAPES_OFF
            192.168.1.20            | none                                         | NO_CREDENTIALS     | REMOTE_SCRAPES_OFF
            [2001:db8:0:0:0:0:0:1]  | none                                         | NO_CREDENTIALS     | REMOTE_SCRAPES_OFF
            ::ffff:10.0.0.5         | none                                         | NO_CREDENTIALS     | REMOTE_SCRAPES_OFF
            localhost               | none                                         | NO_CREDENTIALS     | REMOTE_SCRAPES_OFF
            127.1                   | none                                         | NO_CREDENTIALS     | REMOTE_SCRAPES_OFF
            none                    | none                                         | NO_CREDENTIALS     | REMOTE_SCRAPES_OFF
            10.0.0.5                | Bearer s3cret-metrics-token-for-tests        | ALLOWED            | WRONG_CREDENTIALS
            10.0.0.5                | bearer   s3cret-metrics-token-for-tests      | ALLOWED            | WRONG_CREDENTIALS
            10.0.0.5                | Bearer s3cret-metrics-token-for-test         | WRONG_CREDENTIALS  | WRONG_CREDENTIALS
            10.0.0.5                | Bearer s3cret-metrics-token-for-testsX       | WRONG_CREDENTIALS  | WRONG_CREDENTIALS
            10.0.0.5                | Bearer S3CRET-METRICS-TOKEN-FOR-TESTS        | WRONG_CREDENTIALS  | WRONG_CREDENTIALS
            10.0.0.5                | Basic s3cret-metrics-token-for-tests         | WRONG_CREDENTIALS  | WRONG_CREDENTIALS
            10.0.0.5                | s3cret-metrics-token-for-tests               | WRONG_CREDENTIALS  | WRONG_CREDENTIALS
            10.0.0.5                | Bearer                                       | WRONG_CREDENTIALS  | WRONG_CREDENTIALS
            127.0.0.1               | Bearer s3cret-metrics-token-for-tests        | ALLOWED            | WRONG_CREDENTIALS
            127.0.0.1               | Bearer wrong                                 | WRONG_CREDENTIALS  | WRONG_CREDENTIALS
            """)
    void decides(String from, String authorization, MetricsAccess.Verdict withToken, MetricsAccess.Verdict withoutToken) {
        assertThat(WITH_TOKEN.decide(from, authorization)).isEqualTo(withToken);
        assertThat(WITHOUT_TOKEN.decide(from, authorization)).isEqualTo(withoutToken);
    }

    @ParameterizedTest
    @CsvSource({"''", "short-token", "has a space in it ok"})
    void aTokenThatCantRunLetsNoOtherHostIn(String token) {
        MetricsAccess access = new MetricsAccess(new MetricsSettings("METRICS_TOKEN", token));

        assertThat(access.decide("10.0.0.5", "Bearer " + token)).isEqualTo(MetricsAccess.Verdict.WRONG_CREDENTIALS);
        assertThat(access.decide("10.0.0.5", null)).isEqualTo(MetricsAccess.Verdict.REMOTE_SCRAPES_OFF);
    }
}
