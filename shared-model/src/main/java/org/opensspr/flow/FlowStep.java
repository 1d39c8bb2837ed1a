package org.opensspr.flow;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.opensspr.methods.AuthMethod;

import java.time.Instant;
import java.util.List;

/**
 * The next thing the person at the kiosk must do. The server sends it; the kiosk renders it and
 * never decides policy itself. The JSON carries a {@code step} discriminator; the descriptions are
 * also the OpenAPI document's.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "step")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FlowStep.IdentifyUser.class, name = "IDENTIFY_USER"),
        @JsonSubTypes.Type(value = FlowStep.ChooseMethod.class, name = "CHOOSE_METHOD"),
        @JsonSubTypes.Type(value = FlowStep.ProveIdentity.class, name = "PROVE_IDENTITY"),
        @JsonSubTypes.Type(value = FlowStep.SetNewPassword.class, name = "SET_NEW_PASSWORD"),
        @JsonSubTypes.Type(value = FlowStep.ConfirmUnlock.class, name = "CONFIRM_UNLOCK"),
        @JsonSubTypes.Type(value = FlowStep.Completed.class, name = "COMPLETED"),
        @JsonSubTypes.Type(value = FlowStep.DeadEnd.class, name = "DEAD_END")})
@JsonClassDescription("The next thing the person at the kiosk must do; step says which")
public sealed interface FlowStep {

    @JsonClassDescription("Enter the user ID and pass the captcha")
    record IdentifyUser() implements FlowStep {
    }

    @JsonClassDescription("Pick the method for the gate numbered gate (from 1) of gatesRequired")
    record ChooseMethod(int gate, int gatesRequired,
                        @JsonPropertyDescription("The methods this user may pick here") List<AuthMethod> options)
            implements FlowStep {
        public ChooseMethod {
            options = List.copyOf(options);
        }
    }

    @JsonClassDescription("Prove the gate with the chosen method: enter the code, answer the questions, approve")
    record ProveIdentity(int gate, int gatesRequired, AuthMethod method) implements FlowStep {
    }

    @JsonClassDescription("Every gate passed: choose and confirm the new password (this also unlocks the account)")
    record SetNewPassword() implements FlowStep {
    }

    @JsonClassDescription("Every gate passed and the policy allows unlocking without a reset: confirm the unlock")
    record ConfirmUnlock() implements FlowStep {
    }

    @JsonClassDescription("The flow ended successfully")
    record Completed(FlowCompletion completion) implements FlowStep {
    }

    @JsonClassDescription("The flow stops here; show the reason and whom to contact")
    record DeadEnd(DeadEndReason reason,
                   @JsonPropertyDescription("When a BLOCKED user may try again")
                   @JsonInclude(JsonInclude.Include.NON_NULL) Instant retryAfter)
            implements FlowStep {
        public static DeadEnd of(DeadEndReason reason) {
            return new DeadEnd(reason, null);
        }
    }
}
