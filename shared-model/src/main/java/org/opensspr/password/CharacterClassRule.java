package org.opensspr.password;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** At least N of the four character classes; disallowed characters count for none of them. */
public record CharacterClassRule(PasswordRequirements requirements) implements PasswordRule {

    public CharacterClassRule {
        Objects.requireNonNull(requirements, "requirements");
    }

    @Override
    public List<PasswordViolation> check(PasswordCandidate candidate) {
        Set<CharacterClass> present = EnumSet.noneOf(CharacterClass.class);
        candidate.password().codePoints().forEach(cp -> requirements.classOf(cp).ifPresent(present::add));
        if (present.size() < requirements.requiredCharacterClasses()) {
            return List.of(new PasswordViolation.TooFewCharacterClasses(requirements.requiredCharacterClasses(), present));
        }
        return List.of();
    }
}
