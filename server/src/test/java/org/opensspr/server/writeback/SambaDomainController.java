package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Samba Active Directory domain controller (realm TEST.LOCAL) for the writeback tests: provisioned
 * once per test JVM in a temporary folder, started on first use, stopped by a shutdown hook. It runs only
 * Samba's LDAP service, listens only on one loopback address of its own ({@link LoopbackAddressLease}),
 * and serves LDAPS with a certificate from a test CA ({@link DomainControllerPki}). The product binds as a
 * delegated service account ({@link SambaServiceAccounts}); the administrator only sets up users. Policy: AD's defaults
 * (complexity, length 7, history 24) except a minimum age of 0 and a lockout after 3 bad passwords.
 * Samba must run as root; tests are skipped, saying why, where it isn't installed or we aren't root.
 */
public final class SambaDomainController {
    public static final String REALM = "TEST.LOCAL";
    public static final String BASE_DN = "DC=test,DC=local";
    public static final String USERS_DN = "CN=Users," + BASE_DN;
    public static final String ADMIN_DN = "CN=Administrator," + USERS_DN;
    private static final String ADMIN_PASSWORD = "Admin#Passw0rd1"; // a throwaway domain's, never logged
    /** The delegated account the product binds as; the administrator only sets up the tests' users. */
    public static final String SERVICE_DN = "CN=" + SambaServiceAccounts.DELEGATED + "," + USERS_DN;
    /** An ordinary user the reset rights were never delegated to. */
    public static final String UNDELEGATED_DN = "CN=" + SambaServiceAccounts.UNDELEGATED + "," + USERS_DN;
    private static final String SERVICE_PASSWORD = "Svc#Reset#Passw0rd1";
    private static final int LDAPS_PORT = 636;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration MAXIMUM_RUNTIME = Duration.ofHours(2);
    private static final Logger LOG = LoggerFactory.getLogger(SambaDomainController.class);

    private final Path folder;
    private final LoopbackAddressLease address;
    private final DomainControllerPki pki;
    private Process samba;

    private SambaDomainController(Path folder, LoopbackAddressLease address, DomainControllerPki pki) {
        this.folder = folder;
        this.address = address;
        this.pki = pki;
    }

    /** This JVM's domain controller, provisioned and started on the first call; skips the test if Samba can't run. */
    public static SambaDomainController shared() {
        Assumptions.assumeTrue(SambaInstallation.missing().isEmpty(), SambaInstallation.missing());
        return Shared.INSTANCE;
    }

    public String ldapsUrl() {
        return "ldaps://" + address.address() + ":" + LDAPS_PORT;
    }

    public String address() {
        return address.address();
    }

    public Path caCertificate() {
        return pki.caCertificate();
    }

    public String adminPassword() {
        return ADMIN_PASSWORD;
    }

    /**
     * The writeback's settings as an operator would enter them: LDAPS, the delegated service account (not
     * a domain admin), the CA file as the only trust.
     */
    public LdapSettings productionSettings() {
        return settingsFor(SERVICE_DN);
    }

    /**
     * Bound as the domain's Administrator: for set-up through the product's own connections, and for the directory
     * sync tests, whose delta reads deleted objects (a tombstone search an ordinary account gets nothing from).
     */
    public LdapSettings administratorSettings() {
        return LdapSettings.activeDirectory(List.of(ldapsUrl()), ADMIN_DN, ADMIN_PASSWORD, BASE_DN)
                .withTrustedCertificates(caCertificate());
    }

    /** The same, bound as another of the domain's service accounts (they share one password). */
    public LdapSettings settingsFor(String serviceDn) {
        return LdapSettings.activeDirectory(List.of(ldapsUrl()), serviceDn, SERVICE_PASSWORD, BASE_DN)
                .withTrustedCertificates(caCertificate());
    }

    /** A new enabled user under CN=Users with this password, UPN {@code name@test.local}; returns its DN. */
    public String createUser(String name, String password, Attribute... extra) throws LDAPException {
        return createUser(name, name + "@test.local", password, extra);
    }

    /** A new enabled user under CN=Users with this UPN and password; returns its DN. */
    public String createUser(String name, String userPrincipalName, String password, Attribute... extra)
            throws LDAPException {
        String dn = "CN=" + name + "," + USERS_DN;
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", name),
                new Attribute("userPrincipalName", userPrincipalName),
                new Attribute("unicodePwd", LdapPasswordWriteback.unicodePwd(password)),
                new Attribute("userAccountControl", "512"))); // a normal, enabled account
        attributes.addAll(List.of(extra));
        try (LDAPConnection admin = connectAsAdmin()) {
            admin.add(dn, attributes);
        }
        return dn;
    }

    /**
     * A fine-grained password policy applied to {@code appliesTo}, as {@code samba-tool domain passwordsettings
     * pso create} and {@code pso apply} write it: an msDS-PasswordSettings object in the Password Settings
     * Container whose msDS-PSOAppliesTo names the users. Ages are AD's negative 100-ns intervals.
     */
    public String createPasswordSettings(String name, int minLength, boolean complexity, int history,
                                         java.time.Duration minAge, String... appliesTo) throws LDAPException {
        String dn = "CN=" + name + ",CN=Password Settings Container,CN=System," + BASE_DN;
        try (LDAPConnection admin = connectAsAdmin()) {
            admin.add(dn, List.of(
                    new Attribute("objectClass", "top", "msDS-PasswordSettings"),
                    new Attribute("msDS-PasswordSettingsPrecedence", "1"),
                    new Attribute("msDS-PasswordReversibleEncryptionEnabled", "FALSE"),
                    new Attribute("msDS-PasswordHistoryLength", Integer.toString(history)),
                    new Attribute("msDS-PasswordComplexityEnabled", complexity ? "TRUE" : "FALSE"),
                    new Attribute("msDS-MinimumPasswordLength", Integer.toString(minLength)),
                    new Attribute("msDS-MinimumPasswordAge", adInterval(minAge)),
                    new Attribute("msDS-MaximumPasswordAge", adInterval(java.time.Duration.ofDays(42))),
                    new Attribute("msDS-LockoutThreshold", "0"),
                    new Attribute("msDS-LockoutObservationWindow", adInterval(java.time.Duration.ofMinutes(30))),
                    new Attribute("msDS-LockoutDuration", adInterval(java.time.Duration.ofMinutes(30))),
                    new Attribute("msDS-PSOAppliesTo", appliesTo)));
        }
        return dn;
    }

    private static String adInterval(java.time.Duration duration) {
        return Long.toString(-duration.toSeconds() * 10_000_000L);
    }

    /** The result of a simple bind as {@code dn}: SUCCESS, or AD's error with its diagnostic (data 52e, 775). */
    public LDAPException bind(String dn, String password) {
        try (LDAPConnection connection = connect()) {
            connection.bind(dn, password);
            return new LDAPException(ResultCode.SUCCESS);
        } catch (LDAPException e) {
            return e;
        }
    }

    public String attribute(String dn, String name) throws LDAPException {
        try (LDAPConnection admin = connectAsAdmin()) {
            SearchResultEntry entry = admin.getEntry(dn, name);
            return entry == null ? null : entry.getAttributeValue(name);
        }
    }

    void replace(String dn, String attribute, String value) throws LDAPException {
        try (LDAPConnection admin = connectAsAdmin()) {
            admin.modify(dn, new Modification(ModificationType.REPLACE, attribute, value));
        }
    }

    LDAPConnection connectAsAdmin() throws LDAPException {
        LDAPConnection connection = connect();
        try {
            connection.bind(ADMIN_DN, ADMIN_PASSWORD);
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    /** LDAPS trusting only the test CA and checking the address is named in the certificate. */
    private LDAPConnection connect() throws LDAPException {
        try {
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
            options.setConnectTimeoutMillis(5_000);
            options.setResponseTimeoutMillis(15_000);
            SSLUtil tls = new SSLUtil(new PEMFileTrustManager(pki.caCertificate().toFile()));
            return new LDAPConnection(tls.createSSLSocketFactory(), options, address.address(), LDAPS_PORT);
        } catch (java.security.GeneralSecurityException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "test CA unusable", e);
        }
    }

    private static final class Shared {
        static final SambaDomainController INSTANCE = provisionAndStart();

        private static SambaDomainController provisionAndStart() {
            try {
                Path folder = Files.createTempDirectory("opensspr-samba-dc-");
                LoopbackAddressLease address = LoopbackAddressLease.take(LDAPS_PORT, 389, 88);
                DomainControllerPki pki = DomainControllerPki.issue(folder, address.address());
                SambaDomainController dc = new SambaDomainController(folder, address, pki);
                Runtime.getRuntime().addShutdownHook(new Thread(dc::stopAndDelete, "samba-dc-stop"));
                long started = System.nanoTime();
                SambaProvisioning provisioning = new SambaProvisioning(folder, address.address(), REALM, ADMIN_PASSWORD, pki);
                provisioning.run();
                new SambaServiceAccounts(provisioning, folder, USERS_DN).create(SERVICE_PASSWORD);
                long provisioned = System.nanoTime();
                dc.start();
                dc.recordCost("provisioned in " + (provisioned - started) / 1_000_000 + " ms, started in "
                        + (System.nanoTime() - provisioned) / 1_000_000 + " ms");
                return dc;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Starts samba in the foreground (so it is our child and dies with our signal) and waits for LDAPS. */
    void start() throws IOException {
        Path log = folder.resolve("log/samba.out");
        // --maximum-runtime: if this JVM is killed before its shutdown hook runs, the orphaned DC still
        // ends (its lock file is freed at once; the next JVM's bind probe skips the address until then)
        samba = new ProcessBuilder("samba", "--foreground", "--no-process-group", "--debug-stdout",
                "-M", "single", "--maximum-runtime=" + MAXIMUM_RUNTIME.toSeconds(),
                "-s", folder.resolve("etc/smb.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!samba.isAlive()) {
                throw new IOException("samba exited with " + samba.exitValue() + ": " + tail(log));
            }
            try (LDAPConnection ignored = connect()) {
                return;
            } catch (LDAPException notYet) {
                sleep(100);
            }
        }
        throw new IOException("samba's LDAPS was not ready after " + READY_TIMEOUT + ": " + tail(log));
    }

    /** SIGTERM to samba and its children, SIGKILL to any left after 15 s. */
    void stop() {
        if (samba == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(Stream.of(samba.toHandle()), samba.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                process.destroyForcibly();
            }
        }
        samba = null;
    }

    private void stopAndDelete() {
        long stopping = System.nanoTime();
        stop();
        recordCost("stopped in " + (System.nanoTime() - stopping) / 1_000_000 + " ms");
        address.release();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    /** What the DC cost this JVM, in the log and in target/samba-dc-costs.txt (CI must stay under 30 minutes). */
    private void recordCost(String what) {
        String line = "Samba AD DC on " + address.address() + ": " + what;
        LOG.info(line);
        try {
            Path costs = Path.of("target", "samba-dc-costs.txt");
            if (Files.isDirectory(costs.getParent())) {
                Files.writeString(costs, java.time.Instant.now() + " " + line + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // only a measurement
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
