package org.opensspr.server.secinfo;

import org.opensspr.directory.DirectoryUser;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.kiosk.KioskCaller;

import java.time.Instant;

/** What a security-info operation knows once its check passed (the session, its user, the policy in effect). */
record Checked(SecurityInfoSessions.Session session, DirectoryUser user, SsprPolicy policy, Instant now,
               KioskCaller caller) {
}
