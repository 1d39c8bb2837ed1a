package org.opensspr.api;

/** Where a directory sync run is: reading the directory, comparing, writing, then DONE or FAILED. */
public enum DirectorySyncPhase {
    READING, COMPARING, WRITING, DONE, FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
