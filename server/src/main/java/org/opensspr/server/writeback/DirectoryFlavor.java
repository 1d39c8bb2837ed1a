package org.opensspr.server.writeback;

/** Which directory's way of setting passwords and clearing lockouts to use. */
public enum DirectoryFlavor {
    /** Active Directory or Samba AD: {@code unicodePwd} (quoted UTF-16LE) and {@code lockoutTime}. */
    ACTIVE_DIRECTORY,
    /** OpenLDAP with the ppolicy overlay: {@code userPassword} and {@code pwdAccountLockedTime}. */
    OPENLDAP
}
