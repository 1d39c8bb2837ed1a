package org.opensspr.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The kiosk DTOs survive a round trip, keep their secrets out of toString, and read a newer server. */
class KioskJsonTest {
    private static final Instant T = Instant.parse("2026-11-03T10:15:30Z");
    private final ObjectMapper json = Json.newMapper();

    private <T> T roundTrip(T value, Class<T> type) throws Exception {
        return json.readValue(json.writeValueAsString(value), type);
    }

    @Test
    void kioskRoundTripsWithAllItsTimes() throws Exception {
        KioskDto kiosk = new KioskDto("k1", "Reception", "kiosk-01", KioskDto.Status.ENROLLED, "ada@example.org", T,
                null, T.plusSeconds(60), T.plusSeconds(120), "10.0.0.5", null);

        assertThat(roundTrip(kiosk, KioskDto.class)).isEqualTo(kiosk);
        assertThat(json.writeValueAsString(kiosk)).contains("\"enrolledAt\":\"2026-11-03T10:16:30.000Z\"")
                .doesNotContain("revokedAt");
    }

    @Test
    void aStatusFromANewerServerReadsAsUnknown() throws Exception {
        KioskDto read = json.readValue("{\"id\":\"k1\",\"name\":\"R\",\"status\":\"QUARANTINED\"}", KioskDto.class);

        assertThat(read.status()).isEqualTo(KioskDto.Status.UNKNOWN);
    }

    @Test
    void enrollRequestMayLeaveTheDeviceNameOut() throws Exception {
        assertThat(json.writeValueAsString(new KioskEnrollRequest("7KQ2-M9XD-4HRT-0BZC", null)))
                .isEqualTo("{\"code\":\"7KQ2-M9XD-4HRT-0BZC\"}");
        assertThat(KioskEnrollRequest.class.getRecordComponents()[1].isAnnotationPresent(OptionalField.class)).isTrue();
        assertThat(json.readValue("{\"code\":\"C\",\"deviceName\":null}", KioskEnrollRequest.class))
                .isEqualTo(new KioskEnrollRequest("C", ""));
        assertThat(roundTrip(new KioskEnrollRequest("C", "kiosk-01"), KioskEnrollRequest.class))
                .isEqualTo(new KioskEnrollRequest("C", "kiosk-01"));
    }

    @Test
    void codeAndCredentialRoundTrip() throws Exception {
        KioskEnrollmentCodeDto code = new KioskEnrollmentCodeDto("k1", "Reception", "7KQ2-M9XD-4HRT-0BZC", T);
        KioskCredentialDto credential = new KioskCredentialDto("k1", "Reception", "k.secret", "AB:CD");
        KioskCredentialDto plainHttp = new KioskCredentialDto("k1", "Reception", "k.secret", null);

        assertThat(roundTrip(code, KioskEnrollmentCodeDto.class)).isEqualTo(code);
        assertThat(roundTrip(credential, KioskCredentialDto.class)).isEqualTo(credential);
        assertThat(json.writeValueAsString(plainHttp)).doesNotContain("serverCertificateFingerprint");
        assertThat(roundTrip(new KioskCreateRequest("Reception"), KioskCreateRequest.class))
                .isEqualTo(new KioskCreateRequest("Reception"));
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(new KioskEnrollmentCodeDto("k1", "Reception", "7KQ2-M9XD-4HRT-0BZC", T).toString())
                .contains("Reception").doesNotContain("7KQ2");
        assertThat(new KioskEnrollRequest("7KQ2-M9XD-4HRT-0BZC", "kiosk-01").toString())
                .contains("kiosk-01").doesNotContain("7KQ2");
        assertThat(new KioskCredentialDto("k1", "Reception", "k.s3cret-token", "AB:CD").toString())
                .contains("AB:CD").doesNotContain("s3cret");
    }
}
