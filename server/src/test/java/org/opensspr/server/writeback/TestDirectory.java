package org.opensspr.server.writeback;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * UnboundID's in-memory directory on a loopback port: the real LDAP protocol over a socket, with
 * users under ou=people and a reset service account. Schema checking is off so AD's and ppolicy's
 * attributes (unicodePwd, lockoutTime, pwdAccountLockedTime) can be stored; interceptors give them meaning.
 */
public final class TestDirectory implements AutoCloseable {
    public static final String BASE_DN = "dc=example,dc=test";
    public static final String SERVICE_DN = "cn=reset-svc,ou=services," + BASE_DN;
    public static final String SERVICE_PASSWORD = "Svc-Reset-Pw1";

    private final InMemoryDirectoryServer server;
    private final String scheme;

    private TestDirectory(InMemoryDirectoryServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
    }

    /** Plain LDAP on 127.0.0.1 (allowed for OpenLDAP on loopback). */
    public static TestDirectory plain(InMemoryOperationInterceptor... interceptors) {
        try {
            return start(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null),
                    "ldap", interceptors);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** LDAPS on 127.0.0.1 with the given certificate, as a domain controller listens on 636. */
    static TestDirectory tls(TestCertificate certificate, InMemoryOperationInterceptor... interceptors) {
        try {
            return start(InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                    certificate.serverSocketFactory(),
                    new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory()), "ldaps", interceptors);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestDirectory start(InMemoryListenerConfig listener, String scheme,
                                       InMemoryOperationInterceptor... interceptors) throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setSchema(null);
        config.setListenerConfigs(listener);
        for (InMemoryOperationInterceptor interceptor : interceptors) {
            config.addInMemoryOperationInterceptor(interceptor);
        }
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add(new Entry(BASE_DN, new Attribute("objectClass", "top", "domain"), new Attribute("dc", "example")));
        server.add(new Entry("ou=people," + BASE_DN, new Attribute("objectClass", "top", "organizationalUnit")));
        server.add(new Entry("ou=services," + BASE_DN, new Attribute("objectClass", "top", "organizationalUnit")));
        server.add(new Entry(SERVICE_DN, new Attribute("objectClass", "top", "person"), new Attribute("sn", "svc"),
                new Attribute("userPassword", SERVICE_PASSWORD)));
        server.startListening();
        return new TestDirectory(server, scheme);
    }

    public String url() {
        return scheme + "://127.0.0.1:" + server.getListenPort();
    }

    int port() {
        return server.getListenPort();
    }

    InMemoryDirectoryServer server() {
        return server;
    }

    /** Adds a user with the attributes both AD and OpenLDAP use to find it, plus any extra ones. */
    public String addUser(String uid, String upn, String password, Attribute... extra) {
        String dn = "uid=" + uid + ",ou=people," + BASE_DN;
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "user"),
                new Attribute("uid", uid), new Attribute("sn", uid), new Attribute("cn", uid),
                new Attribute("userPrincipalName", upn), new Attribute("userPassword", password)));
        attributes.addAll(List.of(extra));
        try {
            server.add(new Entry(dn, attributes));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
        return dn;
    }

    /** Whether a simple bind as {@code dn} with {@code password} succeeds, over a new connection. */
    public boolean canBind(String dn, String password) {
        try (LDAPConnection connection = server.getConnection()) {
            connection.bind(dn, password);
            return true;
        } catch (LDAPException e) {
            return false;
        }
    }

    Entry entry(String dn) {
        try {
            return server.getEntry(dn);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops listening and drops every connection, like a directory that goes down. */
    void stop() {
        server.shutDown(true);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
