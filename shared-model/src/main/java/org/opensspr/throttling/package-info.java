/**
 * Reset throttling and smart lockout (docs/design.md §11, §12) as pure functions over recorded events.
 *
 * <p>Nothing here reads a clock or keeps state between calls: the server stores every event as a
 * row and passes the rows plus {@code now}, so any number of server instances reach the same
 * answer from the same rows.
 */
package org.opensspr.throttling;
