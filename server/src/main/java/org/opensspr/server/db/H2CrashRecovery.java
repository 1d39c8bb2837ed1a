package org.opensspr.server.db;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Brings back commits H2 would drop when it reopens a database whose process was killed (ADR 11). H2 2.5
 * writes every commit to the file before {@code commit()} returns, but once it reuses the space of old
 * chunks (after its retention, 5 s with {@link H2FileUpkeep}), a normal open follows the chain of chunks
 * from the file header and may stop one short of the newest complete chunk — losing the newest commits,
 * which are intact on disk.
 * Before the server opens its H2 file, this compares what a normal open reaches with what a scan of the
 * whole file finds; only when the scan finds a newer version does it open the file once in recovery mode
 * and close it, which writes a header that names the newest chunk.
 */
public final class H2CrashRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(H2CrashRecovery.class);

    private H2CrashRecovery() {
    }

    /**
     * Recovers the newest complete version of {@code mvFile} (an H2 {@code .mv.db}) if a normal open would
     * miss it; nothing happens to a file closed cleanly, an empty or a missing one.
     *
     * @return whether the file was rewritten
     */
    public static boolean recover(Path mvFile) {
        try {
            if (!Files.isRegularFile(mvFile) || Files.size(mvFile) == 0) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = mvFile.toString();
        long reached = version(new MVStore.Builder().fileName(name).readOnly());
        long newest = version(new MVStore.Builder().fileName(name).readOnly().recoveryMode());
        if (newest <= reached) {
            return false;
        }
        new MVStore.Builder().fileName(name).recoveryMode().open().close();
        LOG.warn("The database {} wasn't closed cleanly: its newest commits (version {}) were recovered; a normal"
                + " open would have reached only version {}.", mvFile.getFileName(), newest, reached);
        return true;
    }

    private static long version(MVStore.Builder builder) {
        MVStore store = builder.open();
        try {
            return store.getCurrentVersion();
        } finally {
            store.close();
        }
    }
}
