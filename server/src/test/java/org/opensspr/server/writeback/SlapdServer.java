package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.Assertions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenLDAP slapd with the ppolicy overlay for the writeback tests ({@link SlapdConfiguration} has the
 * policy and access rules): set up once per test JVM in a temporary folder with its own cn=config (never
 * /etc/ldap's or the packaged service), started on first use, stopped by a shutdown hook. It listens only on
 * 127.0.0.1, on two ports the kernel picked free for this JVM (plain LDAP, which also offers StartTLS, and
 * LDAPS with a certificate from a test CA naming 127.0.0.1). Where slapd is not installed the tests fail,
 * saying what to install: unlike Samba, slapd needs no root, so there is no reason to run without it.
 */
public final class SlapdServer {
    public static final String BASE_DN = SlapdConfiguration.BASE_DN;
    public static final String SERVICE_DN = SlapdConfiguration.SERVICE_DN;
    private static final String ROOT_PASSWORD = "Root-Passw0rd-1"; // a throwaway directory's, never logged
    private static final String SERVICE_PASSWORD = "Svc-Reset-Passw0rd-1";
    private static final String ADDRESS = "127.0.0.1";
    private static final int START_ATTEMPTS = 5;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    /** If this JVM is killed before its shutdown hook runs, the orphaned slapd still ends. */
    private static final Duration MAXIMUM_RUNTIME = Duration.ofHours(2);
    private static final Logger LOG = LoggerFactory.getLogger(SlapdServer.class);

    private final Path folder;
    private final DomainControllerPki pki;
    private Process slapd;
    private int ldapPort;
    private int ldapsPort;

    private SlapdServer(Path folder, DomainControllerPki pki) {
        this.folder = folder;
        this.pki = pki;
    }

    /** This JVM's slapd, set up and started on the first call; fails the test if slapd is not installed. */
    public static SlapdServer shared() {
        String missing = SlapdInstallation.missing();
        if (!missing.isEmpty()) {
            Assertions.fail(missing);
        }
        return Shared.INSTANCE;
    }

    public String ldapsUrl() {
        return "ldaps://" + ADDRESS + ":" + ldapsPort;
    }

    /** Plain LDAP on loopback, the one place the product allows it. */
    public String ldapUrl() {
        return "ldap://" + ADDRESS + ":" + ldapPort;
    }

    public Path caCertificate() {
        return pki.caCertificate();
    }

    /** The writeback's settings as an operator would enter them: LDAPS, the delegated account, the CA file as the only trust. */
    public LdapSettings productionSettings() {
        return settingsFor(SERVICE_DN);
    }

    /** The same, bound as another service account of the directory (all share one password). */
    public LdapSettings settingsFor(String serviceDn) {
        return LdapSettings.openLdap(List.of(ldapsUrl()), serviceDn, SERVICE_PASSWORD, BASE_DN)
                .withTrustedCertificates(caCertificate());
    }

    /** A new person under ou=people with this password (hashed here, as slapd would); returns its DN. */
    public String createUser(String uid, String password) throws LDAPException {
        String dn = "uid=" + uid + "," + SlapdConfiguration.PEOPLE_DN;
        try (LDAPConnection root = connectAsRoot()) {
            root.add(dn, List.of(new Attribute("objectClass", "inetOrgPerson"), new Attribute("uid", uid),
                    new Attribute("cn", uid), new Attribute("sn", uid),
                    new Attribute("userPassword", SlapdConfiguration.ssha(password))));
        }
        return dn;
    }

    /** The result of a simple bind as {@code dn}: SUCCESS, or slapd's error. */
    public ResultCode bind(String dn, String password) {
        try (LDAPConnection connection = connect()) {
            connection.bind(dn, password);
            return ResultCode.SUCCESS;
        } catch (LDAPException e) {
            return e.getResultCode();
        }
    }

    /** Binds as {@code dn} and reads its own entry: what a user signing in to an application does next. */
    public LDAPException readOwnEntry(String dn, String password) {
        try (LDAPConnection connection = connect()) {
            connection.bind(dn, password);
            connection.search(dn, SearchScope.BASE, "(objectClass=*)", "cn");
            return new LDAPException(ResultCode.SUCCESS);
        } catch (LDAPException e) {
            return e;
        }
    }

    /** All values of an attribute (operational ones too), read as the rootdn; empty when absent. */
    public List<String> attribute(String dn, String name) throws LDAPException {
        try (LDAPConnection root = connectAsRoot()) {
            SearchResultEntry entry = root.getEntry(dn, name);
            String[] values = entry == null ? null : entry.getAttributeValues(name);
            return values == null ? List.of() : List.of(values);
        }
    }

    private LDAPConnection connectAsRoot() throws LDAPException {
        LDAPConnection connection = connect();
        try {
            connection.bind(SlapdConfiguration.ROOT_DN, ROOT_PASSWORD);
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    private LDAPConnection connect() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(5_000);
        options.setResponseTimeoutMillis(15_000);
        return new LDAPConnection(options, ADDRESS, ldapPort);
    }

    private static final class Shared {
        static final SlapdServer INSTANCE = setUpAndStart();

        private static SlapdServer setUpAndStart() {
            try {
                long began = System.nanoTime();
                Path folder = Files.createTempDirectory("opensspr-slapd-");
                SlapdServer server = new SlapdServer(folder, DomainControllerPki.issue(folder, ADDRESS));
                Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndDelete, "slapd-stop"));
                long loading = System.nanoTime();
                server.load();
                long starting = System.nanoTime();
                server.start();
                server.recordCost("certificates in " + millis(loading - began) + " ms, slapadd in "
                        + millis(starting - loading) + " ms, started in " + millis(System.nanoTime() - starting) + " ms");
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** cn=config and the directory's first entries, written with slapadd while slapd is not running. */
    private void load() throws IOException {
        Files.createDirectories(folder.resolve("slapd.d"));
        Files.createDirectories(folder.resolve("data"));
        SlapdConfiguration configuration = new SlapdConfiguration(folder, pki);
        slapadd("0", Files.writeString(folder.resolve("config.ldif"), configuration.config(ROOT_PASSWORD)));
        slapadd("1", Files.writeString(folder.resolve("directory.ldif"), configuration.directory(SERVICE_PASSWORD)));
    }

    private void slapadd(String database, Path ldif) throws IOException {
        Path log = folder.resolve("slapadd-" + database + ".log");
        Process process = new ProcessBuilder(SlapdInstallation.SLAPADD.toString(), "-n", database,
                "-F", folder.resolve("slapd.d").toString(), "-l", ldif.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!waitFor(process, Duration.ofSeconds(60)) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("slapadd -n " + database + " failed: " + tail(log));
        }
    }

    /**
     * Starts slapd in the foreground (so it is our child) on this JVM's ports, picking new ones when
     * another process took them since (other test JVMs pick ports the same way).
     */
    void start() throws IOException {
        Path log = folder.resolve("slapd.log");
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            if (ldapPort == 0 || attempt > 1) {
                ldapPort = freePort();
                ldapsPort = freePort();
            }
            Files.writeString(log, "--- start on " + ldapPort + "/" + ldapsPort + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            slapd = new ProcessBuilder("timeout", "--kill-after=5", String.valueOf(MAXIMUM_RUNTIME.toSeconds()),
                    SlapdInstallation.SLAPD.toString(), "-d", "0", "-F", folder.resolve("slapd.d").toString(),
                    "-h", ldapUrl() + "/ " + ldapsUrl() + "/")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            if (awaitReady()) {
                return;
            }
            if (!Files.readString(log).contains("Address already in use")) {
                throw new IOException("slapd exited with " + slapd.exitValue() + ": " + tail(log));
            }
        }
        throw new IOException("slapd found no free ports in " + START_ATTEMPTS + " attempts: " + tail(log));
    }

    /** True once slapd answers; false if it exited first. */
    private boolean awaitReady() throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!slapd.isAlive()) {
                return false;
            }
            try (LDAPConnection ignored = connect()) {
                return true;
            } catch (LDAPException notYet) {
                sleep(10);
            }
        }
        stop();
        throw new IOException("slapd was not ready after " + READY_TIMEOUT + ": " + tail(folder.resolve("slapd.log")));
    }

    /** SIGTERM to slapd (through {@code timeout}, which passes it on), SIGKILL to anything left after 10 s. */
    void stop() {
        if (slapd == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(Stream.of(slapd.toHandle()), slapd.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                process.destroyForcibly();
            }
        }
        slapd = null;
    }

    private void stopAndDelete() {
        long stopping = System.nanoTime();
        stop();
        recordCost("stopped in " + millis(System.nanoTime() - stopping) + " ms");
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    /** What slapd cost this JVM, in the log and in target/slapd-costs.txt. */
    private void recordCost(String what) {
        String line = "slapd on " + ADDRESS + ":" + ldapPort + "/" + ldapsPort + ": " + what;
        LOG.info(line);
        try {
            Path costs = Path.of("target", "slapd-costs.txt");
            if (Files.isDirectory(costs.getParent())) {
                Files.writeString(costs, Instant.now() + " " + line + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // only a measurement
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
            return probe.getLocalPort();
        }
    }

    private static boolean waitFor(Process process, Duration timeout) throws IOException {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + process.info().command().orElse("a process"), e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String uniqueUid(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
