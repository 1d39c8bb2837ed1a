package org.opensspr.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every DTO survives a round trip and reads the shape the other side writes. */
class JsonTest {

    private final ObjectMapper json = Json.newMapper();

    private <T> T roundTrip(T value, Class<T> type) throws Exception {
        return json.readValue(json.writeValueAsString(value), type);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-03T10:15:30Z, 2026-11-03T10:15:30.000Z",
            "2026-11-03T10:15:30.5Z, 2026-11-03T10:15:30.500Z",
            "2026-11-03T10:15:30.123456Z, 2026-11-03T10:15:30.123Z",
            "2026-11-03T10:15:30.123456789Z, 2026-11-03T10:15:30.123Z",
            "2026-11-03T11:15:30.999999+01:00, 2026-11-03T10:15:30.999Z"})
    void everyInstantIsWrittenInUtcToTheMillisecond(String instant, String written) throws Exception {
        Instant value = java.time.OffsetDateTime.parse(instant).toInstant();

        assertThat(json.writeValueAsString(new ClockDto(value))).isEqualTo("{\"now\":\"" + written + "\"}");
        assertThat(json.readValue("\"" + written + "\"", Instant.class)).isEqualTo(value.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void health() throws Exception {
        HealthDto health = new HealthDto("UP", "0.1.0");

        assertThat(json.writeValueAsString(health)).isEqualTo("{\"status\":\"UP\",\"version\":\"0.1.0\"}");
        assertThat(roundTrip(health, HealthDto.class)).isEqualTo(health);
        assertThat(json.readValue("{\"status\":\"UP\",\"version\":\"2\",\"checks\":{\"db\":\"UP\"}}", HealthDto.class))
                .isEqualTo(new HealthDto("UP", "2"));
    }

    @Test
    void signInRequestLeavesOutAMissingCode() throws Exception {
        AdminSignInRequest withCode = new AdminSignInRequest("ada", "s3cret-Passw0rd", "123456");
        AdminSignInRequest withoutCode = new AdminSignInRequest("ada", "s3cret-Passw0rd", null);

        assertThat(roundTrip(withCode, AdminSignInRequest.class)).isEqualTo(withCode);
        assertThat(json.writeValueAsString(withoutCode)).isEqualTo("{\"username\":\"ada\",\"password\":\"s3cret-Passw0rd\"}");
        assertThat(json.readValue("{\"username\":\"ada\",\"password\":\"s3cret-Passw0rd\",\"remember\":true}",
                AdminSignInRequest.class)).isEqualTo(withoutCode);
    }

    @Test
    void sessionWritesItsInstantAsIsoText() throws Exception {
        SessionDto session = new SessionDto("tok-1", Instant.parse("2026-11-03T10:15:30.123Z"), "Ada Admin",
                Set.of("USER_ADMINISTRATOR", "GLOBAL_ADMINISTRATOR"));

        JsonNode tree = json.readTree(json.writeValueAsString(session));
        assertThat(tree.get("expiresAt").isTextual()).isTrue();
        assertThat(tree.get("expiresAt").asText()).isEqualTo("2026-11-03T10:15:30.123Z");
        assertThat(tree.get("roles").toString()).isEqualTo("[\"GLOBAL_ADMINISTRATOR\",\"USER_ADMINISTRATOR\"]");
        assertThat(roundTrip(session, SessionDto.class)).isEqualTo(session);
        assertThat(json.readValue("""
                {"token":"tok-1","expiresAt":"2026-11-03T10:15:30.123Z","adminName":"Ada Admin",
                 "roles":["GLOBAL_ADMINISTRATOR","USER_ADMINISTRATOR"],"idleTimeout":"PT15M"}""", SessionDto.class))
                .isEqualTo(session);
    }

    @Test
    void aSessionWithoutTokenIsNotASession() {
        assertThatThrownBy(() -> json.readValue("{\"adminName\":\"Ada\"}", SessionDto.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
        assertThat(new SessionDto("t", null, null, null).roles()).isEmpty();
    }

    @Test
    void pageOfDtos() throws Exception {
        Page<HealthDto> page = new Page<>(List.of(new HealthDto("UP", "1"), new HealthDto("DOWN", "2")), 12, 1, 2);
        TypeReference<Page<HealthDto>> type = new TypeReference<>() {
        };

        assertThat(json.readValue(json.writeValueAsString(page), type)).isEqualTo(page);
        assertThat(json.readValue("{\"items\":[{\"status\":\"UP\",\"version\":\"1\",\"x\":1}],\"total\":1,"
                + "\"page\":0,\"size\":20,\"totalExact\":true,\"sort\":\"name\"}", type))
                .isEqualTo(new Page<>(List.of(new HealthDto("UP", "1")), 1, 0, 20));
        assertThat(json.writeValueAsString(page)).contains("\"totalExact\":true").doesNotContain("next");
        assertThat(page.hasNext()).isTrue();
        assertThat(new Page<>(List.of(), 4, 1, 2).hasNext()).isFalse();
        // A list with cursors: the cursor decides, not an estimated total.
        assertThat(new Page<>(List.of(), 1_000_000, 3, 50, false, "c").hasNext()).isTrue();
        assertThat(new Page<>(List.of(), 1_000_000, 3, 50, false, null).hasNext()).isFalse();
        assertThatThrownBy(() -> new Page<>(List.of(), -1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void apiErrorWithFieldErrorsAndRetryAfter() throws Exception {
        ApiError error = new ApiError("THROTTLED", "Too many attempts.",
                List.of(new ApiError.FieldError("code", "CODE_INVALID", "Wrong code.")), "req-1",
                Instant.parse("2026-11-04T10:00:00Z"));

        JsonNode tree = json.readTree(json.writeValueAsString(error));
        assertThat(tree.get("retryAfter").asText()).isEqualTo("2026-11-04T10:00:00.000Z");
        assertThat(roundTrip(error, ApiError.class)).isEqualTo(error);
        assertThat(error.errorCode()).isEqualTo(ErrorCode.THROTTLED);
        assertThat(error.retryAt()).contains(Instant.parse("2026-11-04T10:00:00Z"));
    }

    @Test
    void aPlainApiErrorWritesNoNullsAndNoEmptyFieldList() throws Exception {
        ApiError error = ApiError.of(ErrorCode.NOT_FOUND);

        assertThat(json.writeValueAsString(error)).isEqualTo("{\"code\":\"NOT_FOUND\",\"message\":\"Not found.\"}");
        ApiError read = json.readValue("{\"code\":\"NOT_FOUND\",\"message\":\"Not found.\",\"docs\":\"https://x\"}",
                ApiError.class);
        assertThat(read).isEqualTo(error);
        assertThat(read.fieldErrors()).isEmpty();
        assertThat(read.retryAt()).isEmpty();
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(new AdminSignInRequest("ada", "hunter2-Secret", "654321").toString())
                .contains("ada").doesNotContain("hunter2-Secret").doesNotContain("654321");
        assertThat(new SessionDto("tok-secret-99", Instant.EPOCH, "Ada", Set.of("X")).toString())
                .contains("Ada").doesNotContain("tok-secret-99");
    }
}
