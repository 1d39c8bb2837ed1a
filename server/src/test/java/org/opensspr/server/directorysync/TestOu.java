package org.opensspr.server.directorysync;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.opensspr.server.writeback.LdapConnections;
import org.opensspr.server.writeback.LdapSettings;
import org.opensspr.server.writeback.SambaDomainController;

import java.util.ArrayList;
import java.util.List;

/**
 * An organizational unit of its own on the shared Samba DC, so a test syncs only its own users and groups
 * (its settings' base DN is the OU). Writes go over one administrator connection.
 */
final class TestOu implements AutoCloseable {
    final String dn;
    private final String tag;
    private final LdapSettings settings;
    private final LdapConnections connections;
    private final LDAPConnection admin;

    TestOu(SambaDomainController dc) throws LDAPException {
        String name = SambaDomainController.uniqueName("sync");
        this.tag = name.substring(4, 10);
        this.dn = "OU=" + name + "," + SambaDomainController.BASE_DN;
        LdapSettings s = dc.administratorSettings();
        this.settings = new LdapSettings(s.urls(), s.bindDn(), s.bindPassword(), dn, s.userAttribute(),
                s.matchLocalPart(), s.flavor(), s.connectTimeout(), s.responseTimeout(), s.trustedCertificates(), 1);
        this.connections = new LdapConnections(settings);
        this.admin = connections.borrow();
        admin.add(dn, new Attribute("objectClass", "top", "organizationalUnit"));
    }

    /** Six letters unique to this OU, for names that must be unique in the domain. */
    String tag() {
        return tag;
    }

    LdapSettings settings() {
        return settings;
    }

    /** An enabled user without a password (PASSWD_NOTREQD): creating it costs no hashing. */
    String addUser(String cn, String upn, Attribute... extra) throws LDAPException {
        String userDn = "CN=" + cn + "," + dn;
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", tag + cn.replaceAll("[^A-Za-z0-9]", "")),
                new Attribute("userPrincipalName", upn),
                new Attribute("userAccountControl", "544")));
        for (Attribute attribute : extra) {
            attributes.removeIf(a -> a.getName().equalsIgnoreCase(attribute.getName()));
            attributes.add(attribute);
        }
        admin.add(userDn, attributes);
        return userDn;
    }

    /**
     * Many users at once: the adds are pipelined on the one connection (up to {@value #IN_FLIGHT} unanswered), so
     * the test waits for Samba's work, not for each round trip. Returns their DNs in order.
     */
    List<String> addUsers(List<String> cns, java.util.function.IntFunction<Attribute[]> attributesOf)
            throws LDAPException {
        List<String> dns = new ArrayList<>();
        java.util.ArrayDeque<com.unboundid.ldap.sdk.AsyncRequestID> pending = new java.util.ArrayDeque<>();
        for (int i = 0; i < cns.size(); i++) {
            String userDn = "CN=" + cns.get(i) + "," + dn;
            List<Attribute> attributes = new ArrayList<>(List.of(
                    new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                    new Attribute("sAMAccountName", tag + cns.get(i).replaceAll("[^A-Za-z0-9]", "")),
                    new Attribute("userAccountControl", "544")));
            attributes.addAll(List.of(attributesOf.apply(i)));
            pending.add(admin.asyncAdd(new com.unboundid.ldap.sdk.AddRequest(userDn, attributes), null));
            dns.add(userDn);
            if (pending.size() >= IN_FLIGHT) {
                await(pending.poll());
            }
        }
        while (!pending.isEmpty()) {
            await(pending.poll());
        }
        return dns;
    }

    private static final int IN_FLIGHT = 32;

    private static void await(com.unboundid.ldap.sdk.AsyncRequestID request) throws LDAPException {
        try {
            com.unboundid.ldap.sdk.LDAPResult result = request.get(60, java.util.concurrent.TimeUnit.SECONDS);
            if (result.getResultCode() != com.unboundid.ldap.sdk.ResultCode.SUCCESS) {
                throw new LDAPException(result);
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new LDAPException(com.unboundid.ldap.sdk.ResultCode.LOCAL_ERROR, "an add did not complete", e);
        }
    }

    String addGroup(String cn, List<String> memberDns) throws LDAPException {
        String groupDn = "CN=" + cn + "," + dn;
        List<Attribute> attributes = new ArrayList<>(List.of(new Attribute("objectClass", "top", "group"),
                new Attribute("sAMAccountName", tag + cn.replaceAll("[^A-Za-z0-9]", ""))));
        if (!memberDns.isEmpty()) {
            attributes.add(new Attribute("member", memberDns));
        }
        admin.add(groupDn, attributes);
        return groupDn;
    }

    void replace(String entryDn, String attribute, String value) throws LDAPException {
        admin.modify(entryDn, new Modification(ModificationType.REPLACE, attribute, value));
    }

    void addMember(String groupDn, String memberDn) throws LDAPException {
        admin.modify(groupDn, new Modification(ModificationType.ADD, "member", memberDn));
    }

    void removeMember(String groupDn, String memberDn) throws LDAPException {
        admin.modify(groupDn, new Modification(ModificationType.DELETE, "member", memberDn));
    }

    void delete(String entryDn) throws LDAPException {
        admin.delete(entryDn);
    }

    String objectGuid(String entryDn) throws LDAPException {
        return ObjectGuid.text(admin.getEntry(entryDn, "objectGUID").getAttributeValueBytes("objectGUID"));
    }

    @Override
    public void close() {
        connections.release(admin, true);
        connections.close();
    }
}
