package org.opensspr.server.writeback;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every write operation the directory receives over the wire — adds, deletes, renames, modifies
 * and extended operations such as password modify — with the values sent, as an LDAP server's access
 * log would. Tests count them to prove which requests reached the directory at all.
 */
public final class RecordingInterceptor extends InMemoryOperationInterceptor {
    /** One write: its kind, its target entry and what it carried ("userPassword=…", "password modify"). */
    public record Write(String kind, String dn, List<String> values) {
    }

    private final List<Write> writes = new CopyOnWriteArrayList<>();

    public List<Write> writes() {
        return List.copyOf(writes);
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
        List<String> values = request.getRequest().getModifications().stream()
                .map(RecordingInterceptor::describe).toList();
        writes.add(new Write("modify", request.getRequest().getDN(), values));
    }

    @Override
    public void processExtendedRequest(InMemoryInterceptedExtendedRequest request) {
        if (PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID.equals(request.getRequest().getOID())) {
            try {
                PasswordModifyExtendedRequest change = new PasswordModifyExtendedRequest(request.getRequest());
                writes.add(new Write("password modify", change.getUserIdentity(),
                        change.getNewPassword() == null ? List.of() : List.of("newPassword=" + change.getNewPassword())));
            } catch (com.unboundid.ldap.sdk.LDAPException e) {
                writes.add(new Write("password modify (undecodable)", "", List.of()));
            }
        } else {
            writes.add(new Write("extended " + request.getRequest().getOID(), "", List.of()));
        }
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) {
        writes.add(new Write("add", request.getRequest().getDN(), List.of()));
    }

    @Override
    public void processDeleteRequest(InMemoryInterceptedDeleteRequest request) {
        writes.add(new Write("delete", request.getRequest().getDN(), List.of()));
    }

    @Override
    public void processModifyDNRequest(InMemoryInterceptedModifyDNRequest request) {
        writes.add(new Write("rename", request.getRequest().getDN(), List.of()));
    }

    private static String describe(Modification modification) {
        return modification.getModificationType().getName() + " " + modification.getAttributeName() + "="
                + String.join("|", modification.getValues());
    }
}
