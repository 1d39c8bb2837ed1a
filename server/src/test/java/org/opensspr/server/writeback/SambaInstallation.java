package org.opensspr.server.writeback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a Samba AD DC can run here: Debian's samba and samba-ad-dc packages, and root (samba insists). */
final class SambaInstallation {
    private static final Path SAMBA = Path.of("/usr/sbin/samba");
    private static final Path SAMBA_TOOL = Path.of("/usr/bin/samba-tool");

    private SambaInstallation() {
    }

    /** Why a DC can't run here, or "" when it can. */
    static String missing() {
        if (!Files.isExecutable(SAMBA) || !Files.isExecutable(SAMBA_TOOL)) {
            return "Samba AD DC not installed (" + SAMBA + ", " + SAMBA_TOOL + "): apt-get install "
                    + "--no-install-recommends samba samba-ad-dc samba-ad-provision, as .ci/run does";
        }
        if (!isRoot()) {
            return "samba runs only as root; these tests need a root test JVM (as in CI)";
        }
        return "";
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return id.waitFor() == 0 && uid.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
