package org.opensspr.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AdminSessionDtosTest {
    private final ObjectMapper json = Json.newMapper();

    @Test
    void sessionInfoRoundTripsWithSortedSets() throws Exception {
        AdminSessionInfoDto info = new AdminSessionInfoDto("u-1", "ada@contoso.com", "Ada Admin",
                Set.of("USER_ADMINISTRATOR", "GLOBAL_ADMINISTRATOR"), Set.of("READ_POLICY", "MANAGE_USERS"),
                Instant.parse("2026-11-03T09:00:00Z"), Instant.parse("2026-11-03T09:30:00Z"),
                Instant.parse("2026-11-03T21:00:00Z"));

        String text = json.writeValueAsString(info);

        assertThat(text).contains("\"roles\":[\"GLOBAL_ADMINISTRATOR\",\"USER_ADMINISTRATOR\"]")
                .contains("\"permissions\":[\"MANAGE_USERS\",\"READ_POLICY\"]")
                .contains("\"idleExpiresAt\":\"2026-11-03T09:30:00.000Z\"");
        assertThat(json.readValue(text, AdminSessionInfoDto.class)).isEqualTo(info);
    }

    @Test
    void passwordChangeRoundTripsAndHidesItsSecrets() throws Exception {
        AdminPasswordChangeRequest request = new AdminPasswordChangeRequest("Old-Secret-1", "New-Secret-2", "123456");

        assertThat(json.readValue(json.writeValueAsString(request), AdminPasswordChangeRequest.class)).isEqualTo(request);
        assertThat(request.toString()).doesNotContain("Old-Secret-1").doesNotContain("New-Secret-2")
                .doesNotContain("123456").contains("<redacted>");
    }
}
