package org.opensspr.server.directorysync;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;

/** Reads users and groups from one kind of directory, all of them or what changed after a cursor. */
interface DirectoryReader {
    /** Told after every entry read, for the run's progress. */
    interface Progress {
        void read(int entries, int users, int groups);
    }

    /** Where the directory stands now (read before the entries, so a change made during the run is read again). */
    SyncCursor position(LDAPConnection connection) throws LDAPException;

    /** Whether a delta can start at {@code cursor}; else why not (the run becomes a full sync). */
    String unusableReason(SyncCursor cursor, SyncCursor now);

    DirectoryBatch readAll(LDAPConnection connection, SyncCursor now, Progress progress) throws LDAPException;

    DirectoryBatch readChanged(LDAPConnection connection, SyncCursor from, SyncCursor now, Progress progress)
            throws LDAPException;
}
