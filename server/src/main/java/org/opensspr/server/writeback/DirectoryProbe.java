package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import org.opensspr.api.ConnectionTestDto;
import org.opensspr.api.RightCheckDto;
import org.opensspr.api.RightCheckDto.Right;
import org.opensspr.api.RightCheckDto.State;
import org.opensspr.api.ServerCheckDto;
import org.opensspr.api.TestUserCheckDto;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The On-premises pane's "Test connection": each configured server on its own (connection and TLS, the service
 * account's bind, the base DN), then the service account's rights on a test user. Reads only: a test never writes
 * to the directory, so a right that can only be proven by using it is reported as not checkable.
 */
public final class DirectoryProbe {
    /** AD lists the attributes the bound account may write on an entry in this constructed attribute. */
    static final String ALLOWED_ATTRIBUTES_EFFECTIVE = "allowedAttributesEffective";

    private final LdapSettings settings;

    public DirectoryProbe(LdapSettings settings) {
        this.settings = settings;
    }

    /** Tests every server; {@code testUser} (a UPN, may be null) is looked up on the first server that can be used. */
    public ConnectionTestDto run(String testUser) {
        Map<String, ServerSet> servers;
        try {
            servers = LdapConnections.eachServer(settings);
        } catch (LDAPException | GeneralSecurityException e) {
            throw new IllegalStateException("The directory settings were checked at start and still can't be used", e);
        }
        String user = testUser == null || testUser.isBlank() ? null : testUser.strip();
        List<ServerCheckDto> checks = new ArrayList<>();
        TestUserCheckDto userCheck = null;
        for (Map.Entry<String, ServerSet> server : servers.entrySet()) {
            ServerProbe probe = new ServerProbe(server.getKey(), userCheck == null ? user : null);
            checks.add(probe.run(server.getValue()));
            userCheck = userCheck == null ? probe.userCheck : userCheck;
        }
        boolean serversOk = checks.stream().allMatch(c -> c.problem() == null);
        boolean userOk = user == null || userCheck != null && userCheck.found()
                && userCheck.rights().stream().noneMatch(r -> r.state().equals(State.MISSING.name()));
        return new ConnectionTestDto(checks, userCheck, serversOk && userOk);
    }

    /** One server's checks, in the order a writeback needs them; the first that fails says why and ends the rest. */
    private final class ServerProbe {
        private final String url;
        private final String testUser;
        private boolean reachable;
        private boolean bound;
        private boolean baseFound;
        private String directory;
        private SSLSession tls;
        private String problem;
        private TestUserCheckDto userCheck;

        ServerProbe(String url, String testUser) {
            this.url = url;
            this.testUser = testUser;
        }

        ServerCheckDto run(ServerSet server) {
            long start = System.nanoTime();
            try (LDAPConnection connection = server.getConnection()) {
                reachable = true;
                tls = connection.getSSLSession();
                check(connection);
            } catch (LDAPException e) {
                problem = reachable ? problem(e) : "Can't connect: " + text(e);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            X509Certificate certificate = peerCertificate();
            return new ServerCheckDto(url, reachable, bound, baseFound, directory,
                    tls == null ? null : tls.getProtocol(), tls == null ? null : tls.getCipherSuite(),
                    certificate == null ? null : certificate.getSubjectX500Principal().getName(),
                    certificate == null ? null : certificate.getIssuerX500Principal().getName(),
                    certificate == null ? null : certificate.getNotAfter().toInstant(), millis, problem);
        }

        private void check(LDAPConnection connection) throws LDAPException {
            try {
                connection.bind(settings.bindDn(), settings.bindPassword());
            } catch (LDAPException e) {
                problem = e.getResultCode() == ResultCode.INVALID_CREDENTIALS
                        ? "The directory refused the service account's name or password: " + text(e)
                        : "The service account's bind failed: " + text(e);
                return;
            }
            bound = true;
            directory = describe(connection.getRootDSE());
            baseFound = connection.getEntry(settings.baseDn(), "1.1") != null;
            if (!baseFound) {
                problem = "The base DN " + settings.baseDn() + " doesn't exist or the service account can't read it.";
                return;
            }
            if (testUser != null) {
                userCheck = checkUser(connection, testUser);
            }
        }

        private String problem(LDAPException e) {
            return problem != null ? problem : "The directory answered with an error: " + text(e);
        }

        private X509Certificate peerCertificate() {
            if (tls == null) {
                return null;
            }
            try {
                Certificate[] chain = tls.getPeerCertificates();
                return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? x509 : null;
            } catch (SSLPeerUnverifiedException e) {
                return null;
            }
        }
    }

    private TestUserCheckDto checkUser(LDAPConnection connection, String upn) throws LDAPException {
        String value = settings.lookupValue(new OnPremAccount("connection-test", upn));
        boolean activeDirectory = settings.flavor() == DirectoryFlavor.ACTIVE_DIRECTORY;
        SearchRequest request = new SearchRequest(settings.baseDn(), SearchScope.SUB,
                Filter.createEqualityFilter(settings.userAttribute(), value),
                activeDirectory ? ALLOWED_ATTRIBUTES_EFFECTIVE : "1.1");
        request.setSizeLimit(2);
        SearchResult result;
        try {
            result = connection.search(request);
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw e;
            }
            return new TestUserCheckDto(upn, false, null, List.of());
        }
        List<SearchResultEntry> entries = result.getSearchEntries();
        if (entries.size() != 1) {
            return new TestUserCheckDto(upn, false, null, List.of());
        }
        SearchResultEntry entry = entries.getFirst();
        return new TestUserCheckDto(upn, true, entry.getDN(), activeDirectory ? adRights(entry) : openLdapRights());
    }

    /**
     * AD's rights from what it says the account may write. Reset Password is an extended right, not an attribute
     * write, so it shows only when the account may also write {@code unicodePwd} outright.
     */
    private static List<RightCheckDto> adRights(SearchResultEntry entry) {
        Set<String> writable = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Attribute allowed = entry.getAttribute(ALLOWED_ATTRIBUTES_EFFECTIVE);
        if (allowed != null) {
            writable.addAll(List.of(allowed.getValues()));
        }
        return List.of(
                new RightCheckDto(Right.RESET_PASSWORD, writable.contains(LdapPasswordWriteback.UNICODE_PWD)
                        ? State.GRANTED : State.NOT_CHECKABLE),
                new RightCheckDto(Right.WRITE_LOCKOUT_TIME, granted(writable, LdapPasswordWriteback.LOCKOUT_TIME)),
                new RightCheckDto(Right.WRITE_PWD_LAST_SET, granted(writable, LdapPasswordWriteback.PWD_LAST_SET)));
    }

    /** OpenLDAP's access rules can't be read by the account they apply to. */
    private static List<RightCheckDto> openLdapRights() {
        return List.of(new RightCheckDto(Right.WRITE_PASSWORD, State.NOT_CHECKABLE),
                new RightCheckDto(Right.WRITE_LOCK_TIME, State.NOT_CHECKABLE),
                new RightCheckDto(Right.WRITE_PWD_RESET, State.NOT_CHECKABLE));
    }

    private static State granted(Set<String> writable, String attribute) {
        return writable.contains(attribute) ? State.GRANTED : State.MISSING;
    }

    /** The vendor's name and version when the server gives them, else what AD's root DSE says about itself. */
    static String describe(RootDSE root) {
        if (root == null) {
            return null;
        }
        String vendor = root.getVendorName();
        String version = root.getVendorVersion();
        if (vendor != null) {
            return version == null ? vendor : vendor + " " + version;
        }
        String level = root.getAttributeValue("domainControllerFunctionality");
        if (level != null) {
            return "Active Directory domain controller (functional level " + level + ")";
        }
        if (root.getAttributeValue("dnsHostName") != null) {
            return "Active Directory";
        }
        return root.supportsExtendedOperation("1.3.6.1.4.1.4203.1.11.1") ? "LDAP server (password modify supported)"
                : "LDAP server";
    }

    /** The directory's own words, with the service account's password scrubbed out should a server echo it. */
    private String text(LDAPException e) {
        String diagnostic = e.getDiagnosticMessage();
        String words = diagnostic != null && !diagnostic.isBlank() ? diagnostic : e.getMessage();
        String scrubbed = Redaction.scrub(e.getResultCode().getName() + " (" + e.getResultCode().intValue() + "): "
                + words, settings.bindPassword());
        return scrubbed.isEmpty() ? e.getResultCode().getName() : scrubbed;
    }
}
