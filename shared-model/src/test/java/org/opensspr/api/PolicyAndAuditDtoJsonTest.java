package org.opensspr.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opensspr.policy.PolicyValidator;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.SsprPolicy;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy-history and audit records read back equal from the API's JSON. */
class PolicyAndAuditDtoJsonTest {
    private final ObjectMapper json = Json.newMapper();

    @Test
    void policyRecordsRoundTrip() throws Exception {
        Instant at = Instant.parse("2026-11-03T10:15:30.123Z"); // the API sends milliseconds
        SsprPolicy invalid = SsprPolicy.defaults().withRegistration(new RegistrationPolicy(true, 999));
        List<Object> values = List.of(
                new PolicyDocumentDto(3, SsprPolicy.defaults(), "alice@contoso.example", at, 1),
                new PolicyVersionSummaryDto(2, "bob@contoso.example", at, null),
                new PolicyUpdateRequest(2, SsprPolicy.defaults()),
                new PolicyRollbackRequest(1, 3),
                new PolicyDiffDto(1, 2, List.of(new FieldChangeDto("methods.enabled", null, "\"EMAIL\""),
                        new FieldChangeDto("registration.reconfirmDays", "180", "90"))),
                PolicyValidationDto.of(PolicyValidator.validate(invalid)));

        for (Object value : values) {
            assertThat(json.readValue(json.writeValueAsString(value), value.getClass())).isEqualTo(value);
        }
    }

    @Test
    void versionZeroHasNoTimeAndTheSystemAsAuthor() throws Exception {
        String text = json.writeValueAsString(PolicyDocumentDto.defaults());

        assertThat(text).startsWith("{\"version\":0,").contains("\"author\":\"system\"").doesNotContain("createdAt");
        assertThat(json.readValue(text, PolicyDocumentDto.class)).isEqualTo(PolicyDocumentDto.defaults());
    }

    @Test
    void auditEventsCarryEntrasActivityName() throws Exception {
        AuditEventDto event = new AuditEventDto(7, Instant.parse("2026-11-03T10:15:30Z"),
                AuditActivity.RESET_PASSWORD_SELF_SERVICE, "alice@contoso.example", "alice@contoso.example", "kiosk-1",
                AuditResult.FAILURE, "Password rejected", "{\"step\":\"NEW_PASSWORD\"}", null);

        String text = json.writeValueAsString(event);

        assertThat(text).contains("\"activity\":\"Reset password (self-service)\"", "\"result\":\"FAILURE\"");
        assertThat(json.readValue(text, AuditEventDto.class)).isEqualTo(event);
    }
}
