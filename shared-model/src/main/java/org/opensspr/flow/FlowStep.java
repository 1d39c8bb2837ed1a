package org.opensspr.flow;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.opensspr.methods.AuthMethod;

import java.time.Instant;
import java.util.List;

/**
 * The next thing the person at the kiosk must do. The server sends it; the kiosk renders it and
 * never decides policy itself. The JSON carries a {@code step} discriminator.
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
public sealed interface FlowStep {

    /** Enter the user ID and pass the captcha. */
    record IdentifyUser() implements FlowStep {
    }

    /** Pick the method for gate {@code gate} of {@code gatesRequired}. */
    record ChooseMethod(int gate, int gatesRequired, List<AuthMethod> options) implements FlowStep {
        public ChooseMethod {
            options = List.copyOf(options);
        }
    }

    /** Prove gate {@code gate} with the chosen method: enter the code, answer the questions, approve. */
    record ProveIdentity(int gate, int gatesRequired, AuthMethod method) implements FlowStep {
    }

    /** Every gate passed: choose and confirm the new password (this also unlocks the account). */
    record SetNewPassword() implements FlowStep {
    }

    /** Every gate passed and the policy allows unlocking without a reset: confirm the unlock. */
    record ConfirmUnlock() implements FlowStep {
    }

    record Completed(FlowCompletion completion) implements FlowStep {
    }

    /** The flow stops here; {@code retryAfter} is set when the user is blocked. */
    record DeadEnd(DeadEndReason reason, Instant retryAfter) implements FlowStep {
        public static DeadEnd of(DeadEndReason reason) {
            return new DeadEnd(reason, null);
        }
    }
}
