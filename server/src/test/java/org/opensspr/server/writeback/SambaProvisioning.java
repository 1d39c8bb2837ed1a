package org.opensspr.server.writeback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Provisions a fresh domain into a folder with {@code samba-tool}: nothing under /etc is read or written
 * ({@code -s /dev/null}, {@code --targetdir}), every socket, pid and log file stays in the folder, and
 * only the LDAP service runs (no DNS, NetBIOS, Kerberos, SMB or winbindd: the writeback needs only LDAPS,
 * and without winbindd there is no fixed /run/samba socket to share between two DCs).
 */
final class SambaProvisioning {
    private static final long STEP_TIMEOUT_SECONDS = 180;

    private final Path folder;
    private final String address;
    private final String realm;
    private final String adminPassword;
    private final DomainControllerPki pki;

    SambaProvisioning(Path folder, String address, String realm, String adminPassword, DomainControllerPki pki) {
        this.folder = folder;
        this.address = address;
        this.realm = realm;
        this.adminPassword = adminPassword;
        this.pki = pki;
    }

    void run() throws IOException {
        Files.createDirectories(folder.resolve("log"));
        run("provision", "samba-tool", "domain", "provision", "-s", "/dev/null", "--targetdir=" + folder,
                "--realm=" + realm, "--domain=" + realm.substring(0, realm.indexOf('.')), "--server-role=dc",
                "--dns-backend=NONE", "--host-name=dc1", "--adminpass=" + adminPassword,
                option("interfaces", address + "/8"), option("bind interfaces only", "yes"),
                option("disable netbios", "yes"), option("server services", "ldap"),
                option("dns update command", "/bin/true"), option("panic action", ""),
                option("log file", folder.resolve("log/samba.log")), option("pid directory", folder.resolve("run")),
                option("ncalrpc dir", folder.resolve("run/ncalrpc")),
                option("ntp signd socket directory", folder.resolve("run/ntp_signd")),
                option("usershare path", folder.resolve("usershares")),
                option("smb passwd file", folder.resolve("private/smbpasswd")));
        addGlobalSettings(List.of(
                // provision drops this from the smb.conf it writes; without it the password a reset replaced
                // keeps working for simple binds for an hour
                "old password allowed period = 0",
                "tls enabled = yes",
                "tls keyfile = " + pki.dcKey(),
                "tls certfile = " + pki.dcCertificate(),
                "tls cafile = " + pki.caCertificate()));
        // AD's default minimum age (1 day) would block a user's second change; 3 bad binds lock an account
        run("password policy", "samba-tool", "domain", "passwordsettings", "set",
                "-s", folder.resolve("etc/smb.conf").toString(), "--min-pwd-age=0",
                "--account-lockout-threshold=3", "--account-lockout-duration=30", "--reset-account-lockout-after=30");
    }

    private static String option(String name, Object value) {
        return "--option=" + name + "=" + value;
    }

    private void addGlobalSettings(List<String> settings) throws IOException {
        Path conf = folder.resolve("etc/smb.conf");
        String text = Files.readString(conf);
        String global = "[global]\n";
        if (!text.contains(global)) {
            throw new IOException("No [global] section in the provisioned " + conf);
        }
        Files.writeString(conf, text.replace(global, global + "\t" + String.join("\n\t", settings) + "\n"));
    }

    /** Runs one samba-tool step; its output (which names no password: it goes on the command line) to a log, returned. */
    Path run(String step, String... command) throws IOException {
        Path log = folder.resolve("log/" + step.replace(' ', '-') + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("samba-tool " + step + " took more than " + STEP_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted during samba-tool " + step, e);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new IOException("samba-tool " + step + " failed (" + process.exitValue() + "): "
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
        return log;
    }
}
