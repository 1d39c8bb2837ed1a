package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.opensspr.methods.AuthMethod;

import java.time.Instant;
import java.util.List;

@JsonClassDescription("What the user must answer for the current gate")
public record ChallengeDto(
        AuthMethod method,
        @JsonPropertyDescription("The masked address the code was sent to (a•••@example.org)")
        @OptionalField String destination,
        @JsonPropertyDescription("For a code (emailed, texted, from the Authenticator app): its length, and whether only digits")
        @OptionalField CodeFormat codeFormat,
        @JsonPropertyDescription("The security questions drawn for this attempt; empty for the other methods")
        List<QuestionDto> questions,
        @JsonPropertyDescription("When the sent code stops working") @OptionalField Instant codeExpiresAt,
        @JsonPropertyDescription("When \"send again\" becomes available") @OptionalField Instant resendAvailableAt) {
    public ChallengeDto {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
