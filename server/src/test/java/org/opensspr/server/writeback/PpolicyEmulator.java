package org.opensspr.server.writeback;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;

/**
 * Gives the in-memory directory the replies of OpenLDAP's ppolicy overlay as slapd 2.5 gave them (see
 * the project's directory reference report): a password shorter than 8 is refused with 19 "Password fails
 * quality checking policy", whether written as userPassword or through the password modify extended
 * operation, and a bind is refused (49) while pwdAccountLockedTime is set; a password written with a modify
 * gets its pwdChangedTime, and so does one set by an administrator's password modify extended operation,
 * which also clears a lockout. A stand-in for fast tests only.
 */
final class PpolicyEmulator extends InMemoryOperationInterceptor {
    static final int MIN_LENGTH = 8;
    static final String QUALITY = "Password fails quality checking policy";

    private volatile InMemoryDirectoryServer server;

    void attach(InMemoryDirectoryServer directory) {
        this.server = directory;
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        boolean passwordChanged = false;
        for (Modification modification : request.getRequest().getModifications()) {
            if (modification.getAttributeName().equalsIgnoreCase("userPassword")) {
                for (String value : modification.getValues()) {
                    checkQuality(value);
                }
                passwordChanged = true;
            }
        }
        if (passwordChanged) {
            // ppolicy stamps every password change with its time
            java.util.List<Modification> stamped = new java.util.ArrayList<>(request.getRequest().getModifications());
            stamped.add(new Modification(com.unboundid.ldap.sdk.ModificationType.REPLACE, "pwdChangedTime",
                    com.unboundid.util.StaticUtils.encodeGeneralizedTime(new java.util.Date())));
            request.setRequest(new com.unboundid.ldap.sdk.ModifyRequest(request.getRequest().getDN(), stamped));
        }
    }

    @Override
    public void processExtendedRequest(InMemoryInterceptedExtendedRequest request) throws LDAPException {
        if (request.getRequest().getOID().equals(PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID)) {
            PasswordModifyExtendedRequest change = new PasswordModifyExtendedRequest(request.getRequest());
            if (change.getNewPassword() != null) {
                checkQuality(change.getNewPassword());
            }
        }
    }

    /** An administrator's password modify (it names the user) is stamped too, and clears a lockout, as ppolicy does. */
    @Override
    public void processExtendedResult(InMemoryInterceptedExtendedResult result) {
        if (!result.getRequest().getOID().equals(PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID)
                || result.getResult().getResultCode() != ResultCode.SUCCESS) {
            return;
        }
        try {
            String dn = new PasswordModifyExtendedRequest(result.getRequest()).getUserIdentity();
            if (dn != null) {
                server.modify(dn, new Modification(com.unboundid.ldap.sdk.ModificationType.REPLACE, "pwdChangedTime",
                                com.unboundid.util.StaticUtils.encodeGeneralizedTime(new java.util.Date())),
                        new Modification(com.unboundid.ldap.sdk.ModificationType.REPLACE, "pwdAccountLockedTime"));
            }
        } catch (LDAPException e) {
            throw new IllegalStateException("could not stamp the password change", e);
        }
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
        String dn = request.getRequest().getBindDN();
        Entry entry = dn.isEmpty() ? null : server.getEntry(dn);
        if (entry != null && entry.hasAttribute("pwdAccountLockedTime")) {
            throw new LDAPException(ResultCode.INVALID_CREDENTIALS, "Account locked");
        }
    }

    private static void checkQuality(String password) throws LDAPException {
        if (password.length() < MIN_LENGTH) {
            throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, QUALITY);
        }
    }
}
