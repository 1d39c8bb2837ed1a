package org.opensspr.password;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Only Entra's allowed characters; names every other character once, in order of appearance. */
public record AllowedCharactersRule(PasswordRequirements requirements) implements PasswordRule {

    public AllowedCharactersRule {
        Objects.requireNonNull(requirements, "requirements");
    }

    @Override
    public List<PasswordViolation> check(PasswordCandidate candidate) {
        Set<Integer> disallowed = new LinkedHashSet<>();
        candidate.password().codePoints()
                .filter(cp -> !requirements.allows(cp))
                .forEach(disallowed::add);
        if (disallowed.isEmpty()) {
            return List.of();
        }
        return List.of(new PasswordViolation.DisallowedCharacters(List.copyOf(disallowed)));
    }
}
