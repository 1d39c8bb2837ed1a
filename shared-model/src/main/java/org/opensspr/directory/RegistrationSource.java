package org.opensspr.directory;

/** Who registered a method: the user, an admin pre-filling contact data, or directory sync. */
public enum RegistrationSource {
    USER, ADMIN_PREFILL, DIRECTORY_SYNC
}
