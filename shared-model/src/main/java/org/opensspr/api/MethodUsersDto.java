package org.opensspr.api;

import org.opensspr.methods.AuthMethod;

/** How many users in scope have registered {@code method}. */
public record MethodUsersDto(AuthMethod.Registration method, long users) {
}
