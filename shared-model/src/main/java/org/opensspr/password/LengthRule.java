package org.opensspr.password;

import java.util.List;
import java.util.Objects;

/** Length within the policy's bounds, counted in code points so an emoji is one character. */
public record LengthRule(PasswordRequirements requirements) implements PasswordRule {

    public LengthRule {
        Objects.requireNonNull(requirements, "requirements");
    }

    @Override
    public List<PasswordViolation> check(PasswordCandidate candidate) {
        String password = candidate.password();
        int length = password.codePointCount(0, password.length());
        if (length < requirements.minLength()) {
            return List.of(new PasswordViolation.TooShort(requirements.minLength(), length));
        }
        if (length > requirements.maxLength()) {
            return List.of(new PasswordViolation.TooLong(requirements.maxLength(), length));
        }
        return List.of();
    }
}
