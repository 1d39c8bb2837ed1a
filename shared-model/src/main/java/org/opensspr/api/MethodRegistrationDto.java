package org.opensspr.api;

import org.opensspr.directory.RegistrationSource;
import org.opensspr.methods.AuthMethod;

import java.time.Instant;

/** That a user has a method registered, who registered it and when; never the secret behind it. */
public record MethodRegistrationDto(AuthMethod.Registration kind, RegistrationSource source, Instant registeredAt) {
}
