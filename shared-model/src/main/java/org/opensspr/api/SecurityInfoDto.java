package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.opensspr.eligibility.SignInPrompt;
import org.opensspr.methods.AuthMethod;

import java.time.Instant;
import java.util.List;

@JsonClassDescription("The signed-in user's security info, what the policy asks of it, and what they may do now")
public record SecurityInfoDto(
        @JsonPropertyDescription("What sign-in asks of this user now") SignInPrompt prompt,
        @JsonPropertyDescription("What the user has registered, masked") List<RegisteredInfoDto> registered,
        @JsonPropertyDescription("What the user may register under the policy, in the order to offer them")
        List<AuthMethod.Registration> available,
        @JsonPropertyDescription("How many methods the policy requires to register") int requiredToRegister,
        @JsonPropertyDescription("How many registered methods the policy counts") int registeredCount,
        @JsonPropertyDescription("Whether changing, deleting or confirming info needs a registered method proven"
                + " again first") boolean proofRequired,
        @JsonPropertyDescription("When this session ends") Instant expiresAt) {
    public SecurityInfoDto {
        registered = List.copyOf(registered);
        available = List.copyOf(available);
    }

    /** Registered at least as many methods as the policy requires. */
    public boolean complete() {
        return registeredCount >= requiredToRegister;
    }
}
