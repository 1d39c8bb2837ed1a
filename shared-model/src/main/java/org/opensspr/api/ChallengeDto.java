package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PhoneDelivery;

import java.time.Instant;
import java.util.List;

@JsonClassDescription("What the user must answer for the current gate")
public record ChallengeDto(
        AuthMethod method,
        @JsonPropertyDescription("Where the code or notification went, masked: a•••@example.org, +1 ••• ••• 42 ext. 123, the app")
        @OptionalField String destination,
        @JsonPropertyDescription("For a code (emailed, texted, read out by a call, from the Authenticator app): its length, and whether only digits")
        @OptionalField CodeFormat codeFormat,
        @JsonPropertyDescription("The security questions drawn for this attempt; empty for the other methods")
        List<QuestionDto> questions,
        @JsonPropertyDescription("When the sent code (or the notification) stops working") @OptionalField Instant codeExpiresAt,
        @JsonPropertyDescription("When \"send again\" becomes available") @OptionalField Instant resendAvailableAt,
        @JsonPropertyDescription("For a phone: whether the code was texted or is read out by a call")
        @OptionalField PhoneDelivery delivery,
        @JsonPropertyDescription("For an app notification: the two-digit number to show; the user picks it among three on the phone")
        @OptionalField Integer matchNumber) {
    public ChallengeDto {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** A challenge of a method that is neither a phone nor a notification. */
    public ChallengeDto(AuthMethod method, String destination, CodeFormat codeFormat, List<QuestionDto> questions,
                        Instant codeExpiresAt, Instant resendAvailableAt) {
        this(method, destination, codeFormat, questions, codeExpiresAt, resendAvailableAt, null, null);
    }
}
