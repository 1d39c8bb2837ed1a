package org.opensspr.directory;

import org.opensspr.methods.AuthMethod;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * That a user registered a piece of security info, and when. Secrets (the TOTP seed, answer hashes)
 * stay on the server; the domain only needs the facts. {@code questionIds} lists the security
 * questions answered (empty for other registrations).
 */
public record MethodRegistration(AuthMethod.Registration kind, Instant registeredAt, RegistrationSource source,
                                 Set<String> questionIds) {
    public MethodRegistration {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(registeredAt, "registeredAt");
        source = source == null ? RegistrationSource.USER : source;
        questionIds = questionIds == null ? Set.of() : Set.copyOf(questionIds);
    }

    public static MethodRegistration of(AuthMethod.Registration kind, Instant at) {
        return new MethodRegistration(kind, at, RegistrationSource.USER, Set.of());
    }

    public static MethodRegistration securityQuestions(Set<String> questionIds, Instant at) {
        return new MethodRegistration(AuthMethod.Registration.SECURITY_QUESTIONS, at, RegistrationSource.USER, questionIds);
    }
}
