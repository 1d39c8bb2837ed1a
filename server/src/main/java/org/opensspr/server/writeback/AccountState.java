package org.opensspr.server.writeback;

import java.time.Instant;
import java.util.Optional;

/**
 * What the directory shows of an account, read to reconcile a writeback whose answer was lost.
 *
 * @param passwordChangedAt when the password last changed (AD's {@code pwdLastSet}, ppolicy's
 *                          {@code pwdChangedTime}); empty when the directory doesn't say
 * @param locked            whether the directory has the account locked out
 */
public record AccountState(Optional<Instant> passwordChangedAt, boolean locked) {
}
