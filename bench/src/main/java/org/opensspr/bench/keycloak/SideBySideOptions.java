package org.opensspr.bench.keycloak;

import okhttp3.HttpUrl;
import org.opensspr.bench.load.LoadOptions;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One side-by-side run: the load both sides get ({@code load}: kiosks = browsers, duration, warm-up, users), the
 * Keycloak bench/keycloak.sh started and the Argon2 parameters it gave Keycloak's provider. The admin's password
 * comes from the environment (KC_BOOTSTRAP_ADMIN_PASSWORD), not the command line.
 */
record SideBySideOptions(LoadOptions load, HttpUrl keycloak, long keycloakPid, String keycloakVersion,
                         String adminUser, String adminPassword, KeycloakArgon2 argon2, Path json) {
    static final String USAGE = """
            bench/keycloak.sh [--kiosks N] [--duration SECONDS] [--warmup SECONDS] [--users N] [--json FILE]
              The same load against Keycloak's reset-credentials flow and then against OpenSSPR, one after the
              other in one run, at the same Argon2id parameters (m=19456 KiB, t=2, p=1).
              --kiosks N        simulated browsers on Keycloak, then kiosks on OpenSSPR, at once (default 16)
              --duration S      how long flows are started on each side, after the warm-up (default 30)
              --warmup S        flows started in the first S seconds are not counted (default 5)
              --users N         people to reset on each side (default 200), each in one flow at a time
              --json FILE       also write both sides' figures as JSON
            """;

    static SideBySideOptions parse(String... args) {
        int kiosks = 16;
        int users = 200;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(5);
        HttpUrl keycloak = null;
        long pid = 0;
        String version = "?";
        String adminUser = "admin";
        Path json = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("-h") || name.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--kiosks" -> kiosks = Integer.parseInt(value);
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--users" -> users = Integer.parseInt(value);
                case "--json" -> json = Path.of(value);
                // Given by bench/keycloak.sh, which starts the Keycloak.
                case "--keycloak" -> keycloak = HttpUrl.get(value);
                case "--keycloak-pid" -> pid = Long.parseLong(value);
                case "--keycloak-version" -> version = value;
                case "--keycloak-admin" -> adminUser = value;
                default -> throw new IllegalArgumentException("Unknown option " + name + "\n" + USAGE);
            }
        }
        if (keycloak == null || pid <= 0) {
            throw new IllegalArgumentException("Run through bench/keycloak.sh: it starts Keycloak and gives"
                    + " --keycloak URL --keycloak-pid PID\n" + USAGE);
        }
        String password = System.getenv("KC_BOOTSTRAP_ADMIN_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("KC_BOOTSTRAP_ADMIN_PASSWORD is not set");
        }
        LoadOptions load = new LoadOptions(kiosks, duration, 0, warmup, users, null, null, 0, null);
        return new SideBySideOptions(load, keycloak, pid, version, adminUser, password, KeycloakArgon2.OURS, json);
    }
}
