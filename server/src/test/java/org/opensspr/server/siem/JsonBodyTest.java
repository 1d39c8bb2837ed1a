package org.opensspr.server.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON bodies: plain ASCII on one line, every field back exactly as written. */
class JsonBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-06T10:15:30.123456Z");

    @Property(tries = 500)
    void everyFieldReadsBackAndTheTextIsPrintableAscii(@ForAll String actor, @ForAll String target,
                                                      @ForAll String reason, @ForAll String details,
                                                      @ForAll String activity, @ForAll boolean failed) throws Exception {
        SiemEvent event = new SiemEvent(9_000_000_000L, AT, activity, actor, target, null, failed, reason, details);

        String body = JsonBody.render(event, false);
        JsonNode read = JSON.readTree(body);

        assertThat(body.chars()).allMatch(c -> c >= 0x20 && c <= 0x7F);
        assertThat(read.get("id").asLong()).isEqualTo(9_000_000_000L);
        assertThat(read.get("time").asText()).isEqualTo("2026-12-06T10:15:30.123456Z");
        assertThat(read.get("activity").asText()).isEqualTo(activity);
        assertThat(read.get("activityCode").asText()).isEqualTo("other");
        assertThat(read.get("actor").asText()).isEqualTo(actor);
        assertThat(read.get("target").asText()).isEqualTo(target);
        assertThat(read.get("kiosk").isNull()).isTrue();
        assertThat(read.get("result").asText()).isEqualTo(failed ? "FAILURE" : "SUCCESS");
        assertThat(read.get("failureReason").asText()).isEqualTo(reason);
        assertThat(read.get("details").asText()).isEqualTo(details);
        assertThat(read.get("detailsTruncated").asBoolean()).isFalse();
        assertThat(read.get("method").isNull()).isTrue();
    }

    @Example
    void fieldsComeInAFixedOrder() throws Exception {
        String body = JsonBody.render(new SiemEvent(1, AT, "Reset password (self-service)", "a", "b", "k1", false, "",
                "{\"method\":\"email\"}", "EMAIL"), true);

        assertThat(JSON.readTree(body).properties().stream().map(java.util.Map.Entry::getKey).toList())
                .isEqualTo(List.of("id", "time", "activity", "activityCode", "actor", "target", "kiosk", "result",
                        "failureReason", "details", "detailsTruncated", "method"));
        assertThat(body).contains("\"activityCode\":\"password-reset\"", "\"kiosk\":\"k1\"",
                "\"details\":\"{\\\"method\\\":\\\"email\\\"}\"", "\"detailsTruncated\":true", "\"method\":\"EMAIL\"");
    }
}
