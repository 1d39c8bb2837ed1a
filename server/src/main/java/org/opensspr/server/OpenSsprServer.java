package org.opensspr.server;

import io.javalin.Javalin;
import org.opensspr.server.branding.BrandingAssets;
import org.opensspr.server.branding.BrandingFeature;
import org.opensspr.server.db.Database;
import org.opensspr.server.health.HealthFeature;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.ApiServerFactory;
import org.opensspr.server.audit.AuditFeature;
import org.opensspr.server.audit.AuditChain;
import org.opensspr.server.audit.AuditChainMonitor;
import org.opensspr.server.audit.AuditChainVerifier;
import org.opensspr.server.audit.AuditExport;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.audit.AuditSeal;
import org.opensspr.policy.PasswordProtectionPolicy;
import org.opensspr.server.auth.AdminAccounts;
import org.opensspr.server.auth.AdminAuthService;
import org.opensspr.server.auth.AdminPasswordRules;
import org.opensspr.server.auth.AuthFeature;
import org.opensspr.server.auth.LockoutGuard;
import org.opensspr.server.signin.CloudPasswordRules;
import org.opensspr.server.signin.SignInFeature;
import org.opensspr.server.signin.UserSignInService;
import org.opensspr.server.auth.SessionAuthenticator;
import org.opensspr.server.auth.SessionSettings;
import org.opensspr.server.auth.Totp;
import org.opensspr.server.crypto.HashingCapacity;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.crypto.SharedKeyCheck;
import org.opensspr.throttling.LockoutSettings;
import org.opensspr.server.demo.DemoSeeder;
import org.opensspr.server.directory.DirectoryFeature;
import org.opensspr.server.directory.DirectoryService;
import org.opensspr.server.directory.GroupService;
import org.opensspr.server.directory.UserImportService;
import org.opensspr.server.captcha.CaptchaService;
import org.opensspr.server.codes.VerificationCodes;
import org.opensspr.server.delivery.DeliveryWorker;
import org.opensspr.server.delivery.Outbox;
import org.opensspr.server.delivery.OutboxFeature;
import org.opensspr.server.delivery.OutboxReader;
import org.opensspr.server.delivery.Couriers;
import java.net.URI;
import org.opensspr.server.delivery.ResetNotifications;
import org.opensspr.server.files.OwnerOnlyFiles;
import org.opensspr.server.helpdesk.HelpdeskFeature;
import org.opensspr.server.helpdesk.HelpdeskPasswords;
import org.opensspr.server.helpdesk.HelpdeskService;
import org.opensspr.server.directorysync.DirectorySync;
import org.opensspr.server.directorysync.DirectorySyncFeature;
import org.opensspr.server.housekeeping.Housekeeping;
import org.opensspr.server.secinfo.RegisteredMethods;
import org.opensspr.server.impact.ImpactFeature;
import org.opensspr.server.insights.InsightsFeature;
import org.opensspr.server.insights.InsightsReport;
import org.opensspr.server.insights.InsightsRollup;
import org.opensspr.server.impact.PolicyImpactService;
import org.opensspr.server.reset.ResetModule;
import org.opensspr.server.secinfo.SecurityAnswers;
import org.opensspr.server.secinfo.SecurityInfoFeature;
import org.opensspr.server.secinfo.SecurityInfoService;
import org.opensspr.server.secinfo.UserTotp;
import org.opensspr.server.siem.SiemForwarder;
import org.opensspr.server.siem.SiemStatus;
import org.opensspr.server.writeback.LdapPasswordWriteback;
import org.opensspr.server.writeback.Writeback;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.SiemForwardingDto;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.writeback.WritebackIntents;
import org.opensspr.server.writeback.IntentStatus;
import org.opensspr.server.writeback.OnPremAccount;
import org.opensspr.server.writeback.WritebackFeature;
import org.opensspr.server.writeback.WritebackIntent;
import org.opensspr.server.writeback.WritebackOperation;
import org.opensspr.server.kiosk.KioskFeature;
import org.opensspr.server.kiosk.KioskNetworkGate;
import org.opensspr.server.kiosk.KioskService;
import org.opensspr.server.metrics.DatabaseMeters;
import org.opensspr.server.metrics.DeliveryMeters;
import org.opensspr.server.metrics.FlowMeters;
import org.opensspr.server.metrics.HashingMeters;
import org.opensspr.server.metrics.JvmMeters;
import org.opensspr.server.metrics.MetricsAccess;
import org.opensspr.server.metrics.MetricsEndpoint;
import org.opensspr.server.metrics.ThrottleMeters;
import org.opensspr.server.metrics.WritebackMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.opensspr.server.policy.PolicyFeature;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.server.testmode.TestModeFeature;
import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.server.time.ServerClock;
import org.opensspr.server.tls.ServerCertificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The assembled server: database, services, routes and the HTTP listener, started and stopped as one. */
public final class OpenSsprServer implements AutoCloseable {
    public static final String VERSION = "0.1.0";

    private final ServerConfig config;
    private final Database database;
    private final ServerClock clock;
    private final AuditLog auditLog;
    private final AuditChainMonitor auditChain;
    private final PolicyService policies;
    private final BrandingAssets brandingAssets;
    private final KioskService kiosks;
    private final DirectoryService directory;
    private final GroupService groups;
    private final UserImportService importer;
    private final AdminAccounts adminAccounts;
    private final AdminAuthService adminAuth;
    private final UserSignInService userSignIn;
    private final SecurityInfoService securityInfo;
    private final CaptchaService captchas;
    private final PasswordHasher hasher;
    private final HashingCapacity hashing;
    private final VerificationCodes codes;
    private final UserTotp userTotp;
    private final SecurityAnswers securityAnswers;
    private final Outbox outbox;
    private final DeliveryWorker delivery;
    private final ResetModule reset;
    private final HelpdeskService helpdesk;
    private final LdapPasswordWriteback directoryConnection;
    private final WritebackIntents writebackIntents;
    private final Writeback writeback;
    private final SiemForwarder siem;
    /** The directory sync, with a connected directory only. */
    private final DirectorySync directorySync;
    /** The one registry every part records into; /metrics reads it (no global registry: tests run servers side by side). */
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private JvmMeters jvmMeters;
    private Housekeeping reconciliation;
    private ServerCertificate certificate;
    private Housekeeping housekeeping;
    private Javalin app;

    private OpenSsprServer(ServerConfig config, Database database, ServerClock clock) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        SecretBox secrets = SecretBox.fromEnvironmentOrKeyFile(System.getenv(), config.dataDirectory());
        SharedKeyCheck.require(database, secrets, clock.instant());
        AuditSeal auditSeal = AuditSeal.of(secrets);
        this.auditLog = new AuditLog(database, clock, auditSeal);
        this.auditChain = new AuditChainMonitor(new AuditChain(database, clock, auditSeal, new InsightsRollup()),
                new AuditChainVerifier(database, clock, auditSeal));
        this.brandingAssets = new BrandingAssets(database, clock);
        this.policies = new PolicyService(database, auditLog, clock, brandingAssets);
        this.kiosks = new KioskService(database, clock, this::fingerprintText, auditLog);
        this.directory = new DirectoryService(database, clock, auditLog);
        this.groups = new GroupService(database, clock, auditLog);
        this.importer = new UserImportService(database, clock, auditLog);
        this.hasher = PasswordHasher.owasp();
        this.hashing = HashingCapacity.of(hasher);
        HashingMeters.bindTo(meters, hashing, hasher);
        DatabaseMeters.bindTo(meters, database.work());
        database.fileUpkeepFigures().ifPresent(file -> DatabaseMeters.bindTo(meters, file));
        AdminPasswordRules rules = AdminPasswordRules.cloudDefaults();
        this.adminAccounts = new AdminAccounts(database, clock, hasher, secrets, rules, new Totp());
        this.adminAuth = new AdminAuthService(database, clock, hasher, secrets, rules, this::lockoutSettings,
                SessionSettings.DEFAULT);
        LockoutGuard kioskLockout = LockoutGuard.create(database, clock, secrets, this::lockoutSettings);
        CloudPasswordRules cloudRules = new CloudPasswordRules();
        this.captchas = new CaptchaService(database, clock, config.testMode());
        this.codes = new VerificationCodes(clock, secrets);
        this.userTotp = new UserTotp(clock, secrets, new Totp());
        this.securityAnswers = new SecurityAnswers(clock, hasher);
        this.outbox = new Outbox(clock, secrets);
        Couriers couriers = DeliverySetup.couriers(config, clock);
        this.delivery = new DeliveryWorker(database, outbox, couriers, clock)
                .onFailure(DeliverySetup.auditing(auditLog, database)).measuredBy(new DeliveryMeters(meters));
        this.directoryConnection = config.ldap() == null ? null : new LdapPasswordWriteback(config.ldap());
        this.writebackIntents = new WritebackIntents(database, clock);
        // Registered with or without a directory, as every series is: a dashboard finds zeros, not gaps.
        WritebackMeters writebackMeters = new WritebackMeters(meters);
        this.writeback = directoryConnection == null ? null
                : new Writeback(directoryConnection, writebackIntents, writebackMeters);
        if (writeback != null) {
            reconcileWriteback();
        }
        this.directorySync = config.effectiveDirectorySync() == null ? null
                : new DirectorySync(database, clock, auditLog, config.effectiveDirectorySync());
        ThrottleMeters throttleMeters = new ThrottleMeters(meters);
        this.reset = ResetModule.create(
                new ResetModule.Services(database, clock, policies, directory, auditLog, captchas, hasher, kioskLockout,
                        cloudRules, new FlowMeters(meters), throttleMeters),
                new ResetModule.Gates(codes, userTotp, securityAnswers, outbox, new ResetNotifications(ZoneOffset.UTC),
                        delivery::deliverSoon, writeback, couriers.deliverable(), this::publicUrl,
                        secrets.keyedHash(ResetModule.PUSH_TOKEN_PURPOSE)));
        this.securityInfo = new SecurityInfoService(new SecurityInfoService.Services(database, clock, policies,
                reset.effectivePolicy(), directory, userTotp, securityAnswers, auditLog, outbox,
                new ResetNotifications(ZoneOffset.UTC), delivery::deliverSoon, secrets,
                config.gateways().ntfy() == null ? null : config.gateways().ntfy().url().toString(), throttleMeters));
        this.userSignIn = new UserSignInService(database, clock, hasher, kioskLockout, policies, directory,
                cloudRules, auditLog, securityInfo);
        this.siem = config.siem() == null ? null
                : new SiemForwarder(database, config.siem(), VERSION, SiemForwarder.Tuning.DEFAULT);
        this.helpdesk = new HelpdeskService(new HelpdeskService.Services(database, clock, directory, hasher, kioskLockout,
                auditLog, reset.afterReset(), adminAuth, securityInfo,
                new RegisteredMethods(directory, userTotp, securityAnswers),
                new HelpdeskPasswords(database, policies, cloudRules, hasher, writeback, auditLog)));
    }

    /** How often every server looks for writeback intents left pending by a server that stopped mid-call. */
    static final Duration RECONCILE_EVERY = Duration.ofSeconds(30);

    /**
     * Resolves intents left pending by a stopped server from what the directory shows (ADR 6), and audits
     * each, so administrators see which resets may or may not have reached the directory.
     */
    private int reconcileWriteback() {
        List<WritebackIntent> resolved = writeback.reconcile(userId -> directory.loadUser(userId)
                .map(user -> new OnPremAccount(user.id(), user.userPrincipalName())));
        for (WritebackIntent intent : resolved) {
            String upn = directory.loadUser(intent.userId()).map(u -> u.userPrincipalName()).orElse(intent.userId());
            AuditActivity activity = intent.operation() == WritebackOperation.UNLOCK
                    ? AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE : AuditActivity.RESET_PASSWORD_SELF_SERVICE;
            String details = "Writeback reconciled after a server stopped mid-call [intent " + intent.id() + "]: "
                    + intent.detail();
            auditLog.append(database.dsl(), intent.status() == IntentStatus.DONE
                    ? AuditEntry.success(activity, "(server)", upn).withDetails(details)
                    : AuditEntry.failure(activity, "(server)", upn, "writeback " + intent.status().name().toLowerCase(
                    java.util.Locale.ROOT)).withDetails(details));
        }
        return resolved.size();
    }

    /** Smart-lockout settings come from the policy's password-protection section. */
    private LockoutSettings lockoutSettings() {
        PasswordProtectionPolicy protection = policies.currentPolicy().passwordProtection();
        return new LockoutSettings(protection.lockoutThreshold(), Duration.ofSeconds(protection.lockoutDurationSeconds()));
    }

    /** Opens (and migrates) the database; nothing listens until {@link #start()}. */
    public static OpenSsprServer open(ServerConfig config) {
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(), problems));
        }
        // The data directory holds the database, keys, certificate and mail: only the server's user may enter it.
        try {
            OwnerOnlyFiles.directory(config.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("Can't create the data directory " + config.dataDirectory(), e);
        }
        String url = config.jdbcUrl() != null ? config.jdbcUrl() : Database.h2FileUrl(config.dataDirectory());
        Database database = Database.open(url, config.jdbcUser(), config.jdbcPassword());
        ServerClock clock = config.testMode() ? ServerClock.movable(java.time.Clock.systemUTC()) : ServerClock.system();
        try {
            OpenSsprServer server = new OpenSsprServer(config, database, clock);
            // After the secret key was read (a widened key stops the start instead), narrow whatever earlier
            // versions or the umask left open to others: the database, old outbox files, logs.
            server.tightenDataDirectory();
            return server;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Takes group and others' permissions off everything in the data directory; returns how many changed. */
    private int tightenDataDirectory() {
        try {
            return OwnerOnlyFiles.tightenAll(config.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("Can't restrict the data directory " + config.dataDirectory()
                    + " to the server's account", e);
        }
    }

    public OpenSsprServer start() {
        KioskNetworkGate networkGate = networkGate();
        List<ApiRoute<?>> routes = routes(networkGate);
        ApiServerFactory factory = new ApiServerFactory(new SessionAuthenticator(adminAuth, kiosks::authenticate),
                networkGate, clock).hashingCapacity(hashing).requestScope(policies::oneVersionPerRequest);
        ApiServerFactory.Listener listener;
        if (config.plainHttp()) {
            listener = new ApiServerFactory.Listener(config.host(), config.port(), null, null);
        } else {
            certificate = config.tlsKeyStore() != null
                    ? ServerCertificate.provided(config.tlsKeyStore(), passwordOf(config.tlsKeyStorePassword()))
                    : ServerCertificate.inDataDirectory(config.dataDirectory(), List.of(), clock);
            listener = new ApiServerFactory.Listener(config.host(), config.port(), certificate.keyStore(),
                    certificate.password());
        }
        jvmMeters = JvmMeters.bindTo(meters);
        app = factory.create(routes, listener, VERSION, List.of(new MetricsEndpoint(meters,
                new MetricsAccess(config.metrics())).endpoint())).start();
        ThrottleStore throttles = new ThrottleStore();
        housekeeping = new Housekeeping(List.of(
                // With a SIEM, what it hasn't received yet stays past retention (ADR 19).
                new Housekeeping.Task("audit retention", () -> auditChain.cut(config.auditRetention(),
                        siem == null ? Long.MAX_VALUE : siem.forwardedThrough())),
                new Housekeeping.Task("expired admin sessions", adminAuth::purgeExpiredSessions),
                new Housekeeping.Task("old sign-in attempts", adminAuth::purgeOldSignInAttempts),
                // Expired codes and captchas stay a day, so a late answer is told "expired", not "wrong".
                new Housekeeping.Task("expired captchas", () -> captchas.purgeExpiredBefore(
                        clock.instant().minus(Duration.ofDays(1)))),
                new Housekeeping.Task("expired codes", () -> database.inTransaction(
                        tx -> codes.purgeExpiredBefore(tx, clock.instant().minus(Duration.ofDays(1))))),
                // Unproven registrations (a new app's sealed seed, a code's HMAC) go with their session.
                new Housekeeping.Task("ended Temporary Access Passes", helpdesk::endSpentPasses),
                new Housekeeping.Task("ended security-info sessions", () -> securityInfo.purgeSessions(Duration.ofDays(1))),
                // Throttle events once no throttle can count them, then the kiosks' lock rows left without any.
                new Housekeeping.Task("old throttle events", () -> throttles.purgeEventsBefore(database,
                        clock.instant().minus(ThrottleStore.KEPT))),
                new Housekeeping.Task("idle throttle subjects", () -> throttles.purgeIdleSubjectsBefore(database,
                        clock.instant().minus(ThrottleStore.KEPT))),
                new Housekeeping.Task("outbox retention", () -> outbox.purgeFinishedOlderThan(database.dsl(),
                        Duration.ofDays(30))),
                // Whatever appeared in the data directory since (say a new H2 trace file) is made owner-only too.
                new Housekeeping.Task("data directory permissions", this::tightenDataDirectory)))
                .start(Duration.ofHours(1));
        delivery.start(Duration.ofSeconds(5));
        auditChain.start();
        if (siem != null) {
            siem.start();
        }
        if (writeback != null) {
            // Not only at the next start: a server whose neighbour died resolves its intents soon after.
            reconciliation = new Housekeeping(List.of(new Housekeeping.Task("writeback reconciliation",
                    () -> reconcileWriteback()))).start(RECONCILE_EVERY);
        }
        if (directorySync != null) {
            directorySync.schedule();
        }
        return this;
    }

    /** The OpenAPI document of the routes this server serves, whether it listens or not. */
    public java.util.Map<String, Object> openApiDocument() {
        return ApiServerFactory.document(routes(networkGate()), VERSION);
    }

    private KioskNetworkGate networkGate() {
        return new KioskNetworkGate(policies::currentPolicy,
                access -> access instanceof Access.KioskDevice || access instanceof Access.SelfService);
    }

    private List<ApiRoute<?>> routes(KioskNetworkGate networkGate) {
        List<ApiRoute<?>> routes = new ArrayList<>(new HealthFeature(database, VERSION).routes());
        routes.addAll(new AuthFeature(adminAuth).routes());
        routes.addAll(new PolicyFeature(policies).routes());
        routes.addAll(new BrandingFeature(brandingAssets, policies::currentPolicy).routes());
        routes.addAll(new DirectoryFeature(directory, groups, importer).routes());
        routes.addAll(new HelpdeskFeature(helpdesk).routes());
        routes.addAll(new SignInFeature(userSignIn).routes());
        routes.addAll(new SecurityInfoFeature(securityInfo).routes());
        routes.addAll(reset.routes());
        routes.addAll(new ImpactFeature(new PolicyImpactService(database, policies, reset.effectivePolicy())).routes());
        routes.addAll(DeliverySetup.twilioCallbacks(config, delivery).routes());
        routes.addAll(new AuditFeature(auditLog, auditChain, new AuditExport(database), clock,
                () -> siemStatus().map(SiemStatus::toDto).orElse(SiemForwardingDto.NOT_CONFIGURED)).routes());
        routes.addAll(new InsightsFeature(new InsightsReport(database, policies, reset.effectivePolicy(), clock))
                .routes());
        routes.addAll(new KioskFeature(kiosks, networkGate).routes());
        routes.addAll(new OutboxFeature(new OutboxReader(database, outbox, auditLog), config.embeddedDelivery()).routes());
        routes.addAll(new WritebackFeature(writebackIntents, config.ldap()).routes());
        routes.addAll(new DirectorySyncFeature(java.util.Optional.ofNullable(directorySync)).routes());
        if (config.testMode()) {
            routes.addAll(new TestModeFeature(database, clock, outbox).routes());
        }
        return routes;
    }

    private static char[] passwordOf(String text) {
        return text == null ? new char[0] : text.toCharArray();
    }

    /** The served certificate's SHA-256 fingerprint (colon form), or null on plain HTTP. */
    public String fingerprintText() {
        return certificate == null ? null : certificate.fingerprint().toString();
    }

    /** "METHOD /path" of every endpoint Javalin actually serves, for the OpenAPI contract test. */
    public java.util.Set<String> registeredEndpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> java.util.Set.of("GET", "POST", "PUT", "PATCH", "DELETE")
                        .contains(parsed.endpoint.method.name()))
                .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Where phones reach this server: the configured public URL, else its own. */
    public URI publicUrl() {
        return config.gateways().publicUrl() != null ? config.gateways().publicUrl() : URI.create(url() + "/");
    }

    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return config.scheme() + "://" + host + ":" + app.port();
    }

    public Database database() {
        return database;
    }

    /** How many requests may be hashing at once; the rest are answered BUSY (ADR 28). */
    public HashingCapacity hashingCapacity() {
        return hashing;
    }

    public UserTotp userTotp() {
        return userTotp;
    }

    public SecurityAnswers securityAnswers() {
        return securityAnswers;
    }

    public DeliveryWorker delivery() {
        return delivery;
    }

    public HelpdeskService helpdesk() {
        return helpdesk;
    }

    public DirectoryService directory() {
        return directory;
    }

    public UserImportService importer() {
        return importer;
    }

    /** Seeds the demo organization into an empty directory; returns the sign-in details to print. */
    public List<String> seedDemo() {
        return new DemoSeeder(database, adminAccounts, policies, clock, hasher, userTotp, securityAnswers)
                .seedIfEmpty(config.dataDirectory());
    }

    public AdminAccounts adminAccounts() {
        return adminAccounts;
    }

    public KioskService kiosks() {
        return kiosks;
    }

    public PolicyService policies() {
        return policies;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    /**
     * Where forwarding the audit log to the SIEM stands (for the console's view to come; not in /health, which
     * answers without sign-in); empty when no SIEM is configured.
     */
    public java.util.Optional<SiemStatus> siemStatus() {
        return siem == null ? java.util.Optional.empty() : java.util.Optional.of(siem.status());
    }

    public ServerClock clock() {
        return clock;
    }

    public AuditChainMonitor auditChain() {
        return auditChain;
    }

    @Override
    public void close() {
        auditChain.close();
        if (housekeeping != null) {
            housekeeping.close();
        }
        if (reconciliation != null) {
            reconciliation.close();
        }
        delivery.close();
        if (siem != null) {
            siem.close();
        }
        if (jvmMeters != null) {
            jvmMeters.close();
        }
        if (directoryConnection != null) {
            directoryConnection.close();
        }
        if (directorySync != null) {
            directorySync.close();
        }
        if (app != null) {
            app.stop();
        }
        meters.close();
        database.close();
    }
}
