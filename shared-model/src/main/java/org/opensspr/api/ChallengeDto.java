package org.opensspr.api;

import org.opensspr.methods.AuthMethod;

import java.time.Instant;
import java.util.List;

/**
 * What the user must answer for the current gate.
 *
 * @param destination      the masked address a code was sent to (a•••@example.org), or null
 * @param codeFormat       for a code (emailed, texted, from the Authenticator app): how many digits it has; else null
 * @param questions        the security questions drawn for this attempt, or empty
 * @param codeExpiresAt    when the sent code stops working, or null
 * @param resendAvailableAt when "send again" becomes available, or null
 */
public record ChallengeDto(AuthMethod method, String destination, CodeFormat codeFormat, List<QuestionDto> questions,
                           Instant codeExpiresAt, Instant resendAvailableAt) {
    public ChallengeDto {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
