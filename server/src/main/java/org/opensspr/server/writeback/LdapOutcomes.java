package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.unboundidds.controls.PasswordPolicyResponseControl;
import org.opensspr.password.DirectoryRefusal;

import java.util.Set;

/**
 * Turns LDAP failures into {@link WritebackResult}s. The directory's diagnostic text is kept (AD's
 * "0000052D: Constraint violation - … too short" is what an admin needs), with passwords scrubbed.
 */
final class LdapOutcomes {
    /** Client-side codes that arise before anything is sent: the change certainly did not reach the server. */
    private static final Set<ResultCode> NOT_SENT = Set.of(ResultCode.CONNECT_ERROR, ResultCode.ENCODING_ERROR,
            ResultCode.PARAM_ERROR, ResultCode.NOT_SUPPORTED, ResultCode.FILTER_ERROR, ResultCode.NO_MEMORY);

    private LdapOutcomes() {
    }

    /** A failure to get a service-account connection (connect, TLS, bind): nothing was sent. */
    static WritebackResult unreachable(LDAPException e) {
        String why = e.getResultCode() == ResultCode.INVALID_CREDENTIALS
                ? "the directory refused the service account's bind (invalidCredentials); check the bind DN and password"
                : "the directory can't be reached: " + describe(e);
        return new WritebackResult.Unavailable(why);
    }

    /** A failure while finding the entry, before any change was sent. */
    static WritebackResult beforeChange(LDAPException e) {
        return new WritebackResult.Unavailable("looking up the account failed: " + describe(e));
    }

    /** A failure of the change itself (modify or password-modify extended operation). */
    static WritebackResult ofChange(LDAPException e, String... secrets) {
        ResultCode code = e.getResultCode();
        String message = Redaction.scrub(describe(e), secrets);
        if (code == ResultCode.CONSTRAINT_VIOLATION || code == ResultCode.UNWILLING_TO_PERFORM) {
            String text = Redaction.scrub(directoryText(e), secrets);
            return new WritebackResult.RejectedByPolicy(passwordPolicyError(e)
                    .orElseGet(() -> DirectoryRefusals.fromText(text)), text);
        }
        if (code == ResultCode.NO_SUCH_OBJECT) {
            return WritebackResult.NOT_FOUND;
        }
        if (code.isClientSideResultCode() && !NOT_SENT.contains(code)) {
            // Timeout or connection lost after the request went out: the server may have applied it.
            return new WritebackResult.Unavailable("no answer to the change: " + message, true);
        }
        if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
            return new WritebackResult.Unavailable("the service account may not make this change: " + message);
        }
        return new WritebackResult.Unavailable("the directory refused the change: " + message);
    }

    /** OpenLDAP ppolicy's response control, when the request asked for it and the server sent one. */
    private static java.util.Optional<DirectoryRefusal> passwordPolicyError(LDAPException e) {
        try {
            PasswordPolicyResponseControl control = PasswordPolicyResponseControl.get(e.toLDAPResult());
            return control == null || control.getErrorType() == null ? java.util.Optional.empty()
                    : DirectoryRefusals.fromPasswordPolicyError(control.getErrorType());
        } catch (LDAPException undecodable) {
            return java.util.Optional.empty(); // fall back on the text
        }
    }

    /** Whether a connection that failed with {@code e} can go back into the pool. */
    static boolean usable(LDAPException e) {
        return e.getResultCode().isConnectionUsable() && e.getResultCode() != ResultCode.TIMEOUT;
    }

    private static String describe(LDAPException e) {
        return e.getResultCode().getName() + " (" + e.getResultCode().intValue() + "): " + directoryText(e);
    }

    /** The server's diagnostic message, else the SDK's message, else the result code's name. */
    private static String directoryText(LDAPException e) {
        String diagnostic = e.getDiagnosticMessage();
        if (diagnostic != null && !diagnostic.isBlank()) {
            return diagnostic;
        }
        String message = e.getMessage();
        return message != null && !message.isBlank() ? message : e.getResultCode().getName();
    }
}
