package org.opensspr.server.writeback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service accounts the writeback binds as, made in the provisioned domain before it starts:
 * {@code svc-reset}, an ordinary user delegated exactly what a password-reset product needs on the user
 * objects under CN=Users (and nothing else), and {@code svc-plain}, an ordinary user without that delegation.
 */
final class SambaServiceAccounts {
    static final String DELEGATED = "svc-reset";
    static final String UNDELEGATED = "svc-plain";
    /** The control access right "Reset Password" (User-Force-Change-Password). */
    static final String RESET_PASSWORD = "00299570-246d-11d0-a768-00aa006e0529";
    /** The attributes lockoutTime and pwdLastSet, for write property. */
    static final String LOCKOUT_TIME = "28630ebf-41d5-11d1-a9c1-0000f80367c1";
    static final String PWD_LAST_SET = "bf967a0a-0de6-11d0-a285-00aa003049e2";
    /** The class user: the rights are inherited by user objects only (CIIO: not by CN=Users itself). */
    static final String USER_CLASS = "bf967aba-0de6-11d0-a285-00aa003049e2";
    private static final Pattern SID = Pattern.compile("objectSid: (S-1-5-21-[0-9-]+)");

    private final SambaProvisioning provisioning;
    private final Path folder;
    private final String usersDn;

    SambaServiceAccounts(SambaProvisioning provisioning, Path folder, String usersDn) {
        this.provisioning = provisioning;
        this.folder = folder;
        this.usersDn = usersDn;
    }

    void create(String password) throws IOException {
        for (String name : new String[] {DELEGATED, UNDELEGATED}) {
            provisioning.run("create " + name, "samba-tool", "user", "create", name, password, "-s", conf());
        }
        String sid = sid(DELEGATED);
        provisioning.run("delegate resets", "samba-tool", "dsacl", "set", "-H", folder.resolve("private/sam.ldb").toString(),
                "-s", conf(), "--objectdn=" + usersDn, "--sddl=" + delegation(sid));
        // Fine-grained password policies are readable by domain admins only; the kiosk shows a user's PSO, so
        // the service account reads them too (and nothing else in the container).
        provisioning.run("read password policies", "samba-tool", "dsacl", "set", "-H",
                folder.resolve("private/sam.ldb").toString(), "-s", conf(),
                "--objectdn=" + usersDn.replaceFirst("^CN=Users,", "CN=Password Settings Container,CN=System,"),
                "--sddl=" + policyReading(sid));
    }

    /** Read the fine-grained password policies (PSOs) in the Password Settings Container. */
    static String policyReading(String sid) {
        return "(A;CI;RPLCLORC;;;" + sid + ")";
    }

    /** The delegation as SDDL: the same three rights ADUC's "Delegate Control" would grant. */
    static String delegation(String sid) {
        return ace("CR", RESET_PASSWORD, sid) + ace("WP", LOCKOUT_TIME, sid) + ace("WP", PWD_LAST_SET, sid);
    }

    private static String ace(String right, String objectType, String sid) {
        return "(OA;CIIO;" + right + ";" + objectType + ";" + USER_CLASS + ";" + sid + ")";
    }

    private String sid(String name) throws IOException {
        Path shown = provisioning.run("show " + name, "samba-tool", "user", "show", name, "-s", conf(),
                "--attributes=objectSid");
        Matcher matcher = SID.matcher(Files.readString(shown));
        if (!matcher.find()) {
            throw new IOException("samba-tool user show printed no objectSid for " + name);
        }
        return matcher.group(1);
    }

    private String conf() {
        return folder.resolve("etc/smb.conf").toString();
    }
}
