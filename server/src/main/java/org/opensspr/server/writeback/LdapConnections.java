package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;

import javax.net.SocketFactory;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connections to the directory, made from checked {@link LdapSettings}: the servers in fail-over order,
 * TLS with certificate and host-name verification, timeouts, and a pool bound as the service account.
 * Making the pool does not contact the directory, so the server starts while the directory is down.
 */
public final class LdapConnections implements AutoCloseable {
    private final ServerSet servers;
    private final LDAPConnectionPool pool;

    public LdapConnections(LdapSettings settings) {
        try {
            this.servers = serverSet(settings);
            this.pool = new LDAPConnectionPool(servers, new SimpleBindRequest(settings.bindDn(), settings.bindPassword()),
                    0, settings.maxConnections(), 1, null, false);
        } catch (LDAPException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The directory connection can't be set up: " + e.getMessage(), e);
        }
        pool.setConnectionPoolName("opensspr-writeback");
        pool.setCreateIfNecessary(true);
        pool.setMaxWaitTimeMillis(settings.connectTimeout().toMillis());
        // A failed modify is never retried on a new connection: it may have been applied already.
        pool.setRetryFailedOperationsDueToInvalidConnections(false);
    }

    /** A service-account connection from the pool; give it back with {@link #release}. */
    public LDAPConnection borrow() throws LDAPException {
        return pool.getConnection();
    }

    /** Swaps a connection that proved dead for a fresh one. */
    LDAPConnection replace(LDAPConnection dead) throws LDAPException {
        return pool.replaceDefunctConnection(dead);
    }

    public void release(LDAPConnection connection, boolean usable) {
        if (usable) {
            pool.releaseConnection(connection);
        } else {
            pool.releaseDefunctConnection(connection);
        }
    }

    /** A new unpooled, unauthenticated connection (for binding as a user); the caller closes it. */
    LDAPConnection open() throws LDAPException {
        return servers.getConnection();
    }

    @Override
    public void close() {
        pool.close();
    }

    private static ServerSet serverSet(LdapSettings settings) throws LDAPException, GeneralSecurityException {
        List<ServerSet> sets = new ArrayList<>(eachServer(settings).values());
        return sets.size() == 1 ? sets.getFirst() : new FailoverServerSet(sets.toArray(ServerSet[]::new));
    }

    /** Each configured server on its own, by URL in fail-over order, with the same TLS checks and timeouts. */
    static Map<String, ServerSet> eachServer(LdapSettings settings) throws LDAPException, GeneralSecurityException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(Math.toIntExact(settings.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setSSLSocketVerifier(new CertificateNameCheck());
        options.setFollowReferrals(false);
        SocketFactory tls = null;
        Map<String, ServerSet> servers = new LinkedHashMap<>();
        for (String url : settings.urls()) {
            LDAPURL parsed = new LDAPURL(url);
            SocketFactory factory = null;
            if (parsed.getScheme().equals("ldaps")) {
                tls = tls == null ? new SSLUtil(trustManager(settings)).createSSLSocketFactory() : tls;
                factory = tls;
            }
            servers.put(url, new SingleServerSet(parsed.getHost(), parsed.getPort(), factory, options));
        }
        return servers;
    }

    private static X509TrustManager trustManager(LdapSettings settings) throws GeneralSecurityException {
        return settings.trustedCertificates() == null
                ? JVMDefaultTrustManager.getInstance()
                : new PEMFileTrustManager(settings.trustedCertificates().toFile());
    }
}
