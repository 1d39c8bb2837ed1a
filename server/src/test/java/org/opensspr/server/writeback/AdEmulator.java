package org.opensspr.server.writeback;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Gives the in-memory directory Active Directory's password semantics, copying the replies a real
 * Samba 4.17 AD DC gave (see the project's directory reference report): it decodes unicodePwd as a
 * quoted UTF-16LE string (refusing an unquoted one with 53 / 00002035), applies a minimum length of 7
 * and — on a user's change (delete old + add new), not on an admin reset — the old-password check and
 * the history, answering 19 / 0000052D or 00000056 like AD; it stores the password as userPassword so
 * binds work, and refuses binds while lockoutTime is set (49, data 775). This only mimics AD's replies
 * for fast tests; the real AD / Samba test comes with the on-premises connector.
 */
final class AdEmulator extends InMemoryOperationInterceptor {
    static final int MIN_LENGTH = 7;
    static final String TOO_SHORT = "0000052D: Constraint violation - check_password_restrictions: the password is "
            + "too short. It should be equal or longer than 7 characters!";
    static final String IN_HISTORY = "0000052D: Constraint violation - check_password_restrictions: the password "
            + "was already used (in history)!";
    static final String OLD_DOESNT_MATCH = "00000056: Constraint violation - check_password_restrictions: The old "
            + "password specified doesn't match!";

    private final List<String> decodedPasswords = new CopyOnWriteArrayList<>();
    private final List<byte[]> rawValues = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> history = new ConcurrentHashMap<>();
    private volatile InMemoryDirectoryServer server;

    void attach(InMemoryDirectoryServer directory) {
        this.server = directory;
    }

    /** Every password value this "AD" decoded from unicodePwd, in order (test data only). */
    List<String> decodedPasswords() {
        return List.copyOf(decodedPasswords);
    }

    /** The unicodePwd values exactly as they came over the wire (test data only). */
    List<byte[]> rawValues() {
        return List.copyOf(rawValues);
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        String dn = request.getRequest().getDN();
        String oldPassword = null;
        String newPassword = null;
        for (Modification modification : request.getRequest().getModifications()) {
            if (!modification.getAttributeName().equalsIgnoreCase("unicodePwd")) {
                continue;
            }
            String value = decode(modification);
            if (modification.getModificationType() == ModificationType.DELETE) {
                oldPassword = value;
            } else {
                newPassword = value;
            }
        }
        if (newPassword == null) {
            return;
        }
        String current = server.getEntry(dn).getAttributeValue("userPassword");
        if (oldPassword != null) { // a user's own change: AD checks the old password and the history
            if (!oldPassword.equals(current)) {
                throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, OLD_DOESNT_MATCH);
            }
            if (newPassword.equals(current) || history.getOrDefault(dn, List.of()).contains(newPassword)) {
                throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, IN_HISTORY);
            }
        }
        if (newPassword.length() < MIN_LENGTH) {
            throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, TOO_SHORT);
        }
        history.computeIfAbsent(dn, d -> new CopyOnWriteArrayList<>()).add(current);
        // The password becomes userPassword (so binds work); the rest of the modify (e.g. a reset's
        // lockoutTime=0) stays in the same request, applied with it or not at all, as in AD.
        List<Modification> applied = new ArrayList<>();
        applied.add(new Modification(ModificationType.REPLACE, "userPassword", newPassword));
        for (Modification modification : request.getRequest().getModifications()) {
            if (!modification.getAttributeName().equalsIgnoreCase("unicodePwd")) {
                applied.add(modification);
            }
        }
        request.setRequest(new ModifyRequest(dn, applied));
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
        String dn = request.getRequest().getBindDN();
        Entry entry = dn.isEmpty() ? null : server.getEntry(dn);
        String lockoutTime = entry == null ? null : entry.getAttributeValue("lockoutTime");
        if (lockoutTime != null && !lockoutTime.equals("0")) {
            throw new LDAPException(ResultCode.INVALID_CREDENTIALS,
                    "80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 775, v1db1");
        }
    }

    private String decode(Modification modification) throws LDAPException {
        byte[][] values = modification.getValueByteArrays();
        rawValues.addAll(List.of(values));
        String text = values.length == 1 ? new String(values[0], StandardCharsets.UTF_16LE) : "";
        if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
            throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM,
                    "00002035: setup_io: it's not allowed to set the NT hash password directly'");
        }
        String password = text.substring(1, text.length() - 1);
        decodedPasswords.add(password);
        return password;
    }

}
