package org.opensspr.server.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tests' reader of the text format reads what the format allows and refuses the rest. */
class PrometheusTextTest {

    @Test
    void readsTypesLabelsWithEscapesAndSpecialValues() {
        PrometheusText text = PrometheusText.parse("""
                # HELP demo_total A demo, with "quotes" and \\\\ in its help
                # TYPE demo_total counter
                demo_total{a="x",b="say \\"hi\\"\\nand \\\\ go"} 3.0
                demo_total{a="y"} 1e3 1700000000000
                demo_seconds_bucket{le="+Inf"} +Inf
                demo_gauge NaN
                """);

        assertThat(text.type("demo_total")).hasValue("counter");
        assertThat(text.value("demo_total", Map.of("a", "x", "b", "say \"hi\"\nand \\ go"))).isEqualTo(3.0);
        assertThat(text.value("demo_total", Map.of("a", "y"))).isEqualTo(1000.0);
        assertThat(text.sum("demo_total", Map.of())).isEqualTo(1003.0);
        assertThat(text.value("demo_seconds_bucket", Map.of("le", "+Inf"))).isInfinite();
        assertThat(text.value("demo_gauge", Map.of())).isNaN();
        assertThat(text.find("demo_total", Map.of("a", "z"))).isEmpty();
    }

    @Test
    void refusesWhatTheFormatDoesNotAllow() {
        for (String broken : new String[]{"demo_total", "demo_total{a=\"x\"}", "demo_total{a=x} 1",
                "demo_total{a=\"x} 1", "demo_total{a=\"\\t\"} 1", "demo_total one", "9demo 1",
                "# TYPE demo_total kind", "demo_total{a=\"1\",a=\"2\"} 1", "demo_total 1 2 3"}) {
            assertThatThrownBy(() -> PrometheusText.parse(broken)).as(broken)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
