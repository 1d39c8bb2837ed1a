package org.opensspr.server.directorysync;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.api.DirectorySyncMode;
import org.opensspr.api.DirectorySyncPhase;
import org.opensspr.api.DirectorySyncRunDto;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.Page;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.DbTime;
import org.opensspr.server.housekeeping.Background;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.writeback.DirectoryFlavor;
import org.opensspr.server.writeback.LdapConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Directory sync (docs/design.md §24): reads the on-premises directory's users and groups and makes OpenSSPR's
 * tables match, fully or from the last cursor. One run at a time across servers sharing the database (the lease
 * on the directory's state row); on one server runs go through one background thread, started on demand
 * ({@link #start}) or by the schedule ({@link #schedule}). The directory connection is given back before the
 * database is written, and a real run writes in one transaction: all of it or, on failure, nothing.
 */
public final class DirectorySync implements AutoCloseable {
    public static final String SCHEDULE_ACTOR = "directory sync";
    /** A run holds the lease this long past its last sign of life; a crashed server's run is taken over after it. */
    static final Duration LEASE = Duration.ofMinutes(10);
    /** The change list keeps this many of a run's changes; the run's counts are the totals. */
    public static final int MAX_RECORDED_CHANGES = 10_000;
    public static final int MAX_RUNS_LISTED = 100;
    private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);

    private final Database db;
    private final Clock clock;
    private final AuditLog audit;
    private final DirectorySyncSettings settings;
    private final LdapConnections connections;
    private final DirectoryReader reader;
    private final String directory;
    private final String instance = UUID.randomUUID().toString();
    private final SyncStore store = new SyncStore();
    private final SyncPlanner planner = new SyncPlanner(store);
    private final SyncWriter writer = new SyncWriter(store);
    private final ScheduledThreadPoolExecutor runner = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "opensspr-directory-sync");
        thread.setDaemon(true);
        return thread;
    });

    public DirectorySync(Database db, Clock clock, AuditLog audit, DirectorySyncSettings settings) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
        this.settings = settings;
        this.directory = settings.directoryKey();
        this.connections = new LdapConnections(settings.ldap().withMaxConnections(1));
        try {
            this.reader = settings.ldap().flavor() == DirectoryFlavor.OPENLDAP
                    ? new OpenLdapReader(settings.ldap().baseDn(), settings.upnSuffix())
                    : new ActiveDirectoryReader(settings.ldap().baseDn());
        } catch (LDAPException e) {
            throw new IllegalArgumentException("The base DN is not a DN: " + e.getMessage(), e);
        }
        runner.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Runs a delta sync every {@code settings.every()} (none when not set), the first one a minute after start. */
    public DirectorySync schedule() {
        Duration every = settings.every();
        if (every != null) {
            runner.scheduleWithFixedDelay(() -> {
                try {
                    runNow(SCHEDULE_ACTOR, DirectorySyncMode.DELTA, false);
                } catch (RuntimeException e) {
                    LOG.warn("Scheduled directory sync failed: {}", e.toString());
                }
            }, 60, every.toSeconds(), TimeUnit.SECONDS);
        }
        return this;
    }

    /** Starts a run in the background and answers its id; CONFLICT while another run (on any server) goes on. */
    public String start(String actor, DirectorySyncMode mode, boolean dryRun) {
        Lease lease = claim().orElseThrow(() -> new ApiException(ErrorCode.CONFLICT,
                "A directory sync is running already; follow it in the list of runs.", List.of(), null));
        String id = begin(lease, actor, mode, dryRun);
        runner.execute(() -> execute(id, lease, mode, dryRun));
        return id;
    }

    /** Runs in the caller's thread to the end; empty when another run holds the lease. */
    public Optional<DirectorySyncRunDto> runNow(String actor, DirectorySyncMode mode, boolean dryRun) {
        Optional<Lease> lease = claim();
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        String id = begin(lease.get(), actor, mode, dryRun);
        execute(id, lease.get(), mode, dryRun);
        return run(id);
    }

    public Optional<DirectorySyncRunDto> run(String id) {
        return store.run(db.dsl(), id);
    }

    /** The latest runs of this directory, newest first. */
    public List<DirectorySyncRunDto> recentRuns(int limit) {
        return store.recentRuns(db.dsl(), directory, Math.min(limit, MAX_RUNS_LISTED));
    }

    /** A page of a run's recorded changes; {@code total} counts those recorded (at most {@value #MAX_RECORDED_CHANGES}). */
    public Page<DirectorySyncChangeDto> changes(String runId, int page, int size) {
        return db.inTransaction(tx -> {
            store.run(tx, runId).orElseThrow(() -> ApiException.notFound("Directory sync run " + runId));
            int total = store.countChanges(tx, runId);
            return new Page<>(store.changes(tx, runId, page * size, size), total, page, size);
        });
    }

    private record Lease(String owner) {
    }

    private Optional<Lease> claim() {
        String owner = instance.substring(0, 8) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        return store.claim(db.dsl(), directory, owner, now, now.plus(LEASE)) ? Optional.of(new Lease(owner))
                : Optional.empty();
    }

    private String begin(Lease lease, String actor, DirectorySyncMode mode, boolean dryRun) {
        String id = UUID.randomUUID().toString();
        try {
            store.startRun(db.dsl(), id, directory, mode, dryRun, actor, DbTime.now(clock));
        } catch (RuntimeException e) {
            store.release(db.dsl(), directory, lease.owner());
            throw e;
        }
        return id;
    }

    private void execute(String id, Lease lease, DirectorySyncMode requested, boolean dryRun) {
        String actor = store.run(db.dsl(), id).map(DirectorySyncRunDto::requestedBy).orElse(SCHEDULE_ACTOR);
        DirectorySyncMode mode = requested;
        try {
            Read read = read(id, lease, requested);
            mode = read.mode;
            DirectoryBatch batch = read.batch;
            store.progress(db.dsl(), id, DirectorySyncPhase.COMPARING, batch.entriesRead(), batch.users().size(),
                    batch.groups().size());
            Instant now = DbTime.now(clock);
            SyncPlan plan;
            if (dryRun) {
                plan = db.inTransaction(tx -> planner.plan(tx, batch, now));
            } else {
                DirectorySyncMode ran = mode;
                // compared and written in one transaction, so the plan is what gets written (one connection
                // per thread: the run's progress is written before it, not inside)
                store.progress(db.dsl(), id, DirectorySyncPhase.WRITING, batch.entriesRead(), batch.users().size(),
                        batch.groups().size());
                plan = db.inTransaction(tx -> {
                    SyncPlan planned = planner.plan(tx, batch, now);
                    writer.write(tx, planned, now);
                    if (!store.saveCursor(tx, directory, lease.owner(), batch.cursor(),
                            ran == DirectorySyncMode.FULL ? now : null)) {
                        throw new IllegalStateException("Another server took over the directory sync (this run's"
                                + " lease ran out); nothing was written.");
                    }
                    audit.append(tx, AuditEntry.success(AuditActivity.DIRECTORY_SYNC, actor, directory).withDetails(
                            ran + " sync: " + planned.counts().summary() + "; " + batch.entriesRead() + " entries read"));
                    return planned;
                });
            }
            store.insertChanges(db.dsl(), id, plan.changes.subList(0, Math.min(plan.changes.size(),
                    MAX_RECORDED_CHANGES)));
            store.counts(db.dsl(), id, plan.counts());
            store.finish(db.dsl(), id, DirectorySyncPhase.DONE, null, DbTime.now(clock));
        } catch (RuntimeException | LDAPException e) {
            String why = e instanceof LDAPException ldap ? "The directory answered: " + ldap.getResultCode() + " "
                    + (ldap.getDiagnosticMessage() == null ? ldap.getMessage() : ldap.getDiagnosticMessage())
                    : e.getMessage();
            String error = why == null ? e.getClass().getSimpleName() : why;
            LOG.warn("Directory sync {} failed: {}", id, error);
            store.finish(db.dsl(), id, DirectorySyncPhase.FAILED, error, DbTime.now(clock));
            if (!dryRun) {
                DirectorySyncMode ran = mode;
                db.inTransactionDo(tx -> audit.append(tx, AuditEntry.failure(AuditActivity.DIRECTORY_SYNC, actor,
                        directory, error).withDetails(ran + " sync")));
            }
        } finally {
            store.release(db.dsl(), directory, lease.owner());
        }
    }

    private record Read(DirectorySyncMode mode, DirectoryBatch batch) {
    }

    /** Reads what the run needs over one connection (one DC, so the cursor and the entries agree), then gives it back. */
    private Read read(String id, Lease lease, DirectorySyncMode requested) throws LDAPException {
        LDAPConnection connection = connections.borrow();
        boolean usable = false;
        try {
            SyncCursor now = reader.position(connection);
            SyncCursor last = store.cursor(db.dsl(), directory).orElse(null);
            DirectorySyncMode mode = requested;
            if (mode == DirectorySyncMode.DELTA) {
                String why = reader.unusableReason(last, now);
                if (why != null) {
                    mode = DirectorySyncMode.FULL;
                    store.mode(db.dsl(), id, mode, "Ran as a full sync: " + why + ".");
                }
            }
            DirectoryReader.Progress progress = progress(id, lease);
            DirectoryBatch batch = mode == DirectorySyncMode.FULL ? reader.readAll(connection, now, progress)
                    : reader.readChanged(connection, last, now, progress);
            usable = true;
            return new Read(mode, batch);
        } catch (LDAPException e) {
            usable = e.getResultCode().isConnectionUsable();
            throw e;
        } finally {
            connections.release(connection, usable);
        }
    }

    /** Writes the counts every page and keeps the lease alive while a long read goes on. */
    private DirectoryReader.Progress progress(String id, Lease lease) {
        return (entries, users, groups) -> {
            if (entries % PagedSearch.PAGE_SIZE == 0) {
                store.progress(db.dsl(), id, DirectorySyncPhase.READING, entries, users, groups);
                Instant now = clock.instant();
                store.claim(db.dsl(), directory, lease.owner(), now, now.plus(LEASE));
            }
        };
    }

    @Override
    public void close() {
        Background.stop(runner, "Directory sync", Duration.ofSeconds(30));
        connections.close();
    }
}
