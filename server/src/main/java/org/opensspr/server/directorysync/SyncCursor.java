package org.opensspr.server.directorysync;

/**
 * Where a directory stood when a run started, so the next delta reads only what changed after it.
 *
 * @param server AD: the domain controller (dsServiceName and invocationId), since update sequence numbers are
 *               per DC; OpenLDAP: "openldap" (modifyTimestamp is replicated with the entry)
 * @param usn    AD: highestCommittedUSN at the start of the run; 0 for OpenLDAP
 * @param stamp  OpenLDAP: the newest modifyTimestamp read (generalized time); empty for AD
 */
record SyncCursor(String server, long usn, String stamp) {
    SyncCursor {
        stamp = stamp == null ? "" : stamp;
    }
}
