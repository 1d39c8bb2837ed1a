package org.opensspr.server.writeback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Whether OpenLDAP's slapd, with the modules and schema files {@link SlapdServer} loads, is installed. */
final class SlapdInstallation {
    static final Path SLAPD = Path.of("/usr/sbin/slapd");
    static final Path SLAPADD = Path.of("/usr/sbin/slapadd");
    static final Path MODULES = Path.of("/usr/lib/ldap");
    /** Debian's packaged schema files, read only: slapd's own configuration stays in the fixture's folder. */
    static final Path SCHEMA = Path.of("/etc/ldap/schema");
    static final List<String> SCHEMA_FILES = List.of("core.ldif", "cosine.ldif", "inetorgperson.ldif");

    private SlapdInstallation() {
    }

    /** Why slapd can't run here, or "" when it can. */
    static String missing() {
        boolean programs = Files.isExecutable(SLAPD) && Files.isExecutable(SLAPADD);
        boolean modules = Files.exists(MODULES.resolve("back_mdb.so")) && Files.exists(MODULES.resolve("ppolicy.so"));
        boolean schema = SCHEMA_FILES.stream().allMatch(file -> Files.isReadable(SCHEMA.resolve(file)));
        if (programs && modules && schema) {
            return "";
        }
        return "OpenLDAP slapd is not installed (" + SLAPD + ", " + SLAPADD + ", back_mdb and ppolicy in " + MODULES
                + ", schema in " + SCHEMA + "): apt-get install --no-install-recommends slapd ldap-utils, as .ci/run does";
    }
}
