package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

import java.util.Optional;

/**
 * Names the right the service account was missing when the directory refused a change for lack of access
 * (AD's "insufficient access rights" or "no write property access", slapd's insufficientAccess). That is
 * the operator's delegation to fix, not the password's fault, so it is {@code Unavailable}, like any
 * other directory the product can't use as configured, and nothing was changed.
 */
public final class ServiceAccountRights {
    private static final String LACKS = "the service account lacks the right to ";

    private ServiceAccountRights() {
    }

    /** Whether the directory refused for want of a delegated right: for an administrator to fix, not to retry. */
    public static boolean lacking(WritebackResult result) {
        return result instanceof WritebackResult.Unavailable unavailable && unavailable.why().startsWith(LACKS);
    }

    /** The refusal as a result, when {@code e} is one; {@code right} says what was attempted ("reset …"). */
    static Optional<WritebackResult> lacking(LDAPException e, String right, String... secrets) {
        if (e.getResultCode() != ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
            return Optional.empty();
        }
        String diagnostic = e.getDiagnosticMessage() == null ? "" : ": " + Redaction.scrub(e.getDiagnosticMessage(), secrets);
        return Optional.of(new WritebackResult.Unavailable(LACKS + right
                + " (" + e.getResultCode().getName() + " (" + e.getResultCode().intValue() + ")" + diagnostic
                + "); delegate it in the directory"));
    }
}
