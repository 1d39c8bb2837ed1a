package org.opensspr.bench.keycloak;

import org.opensspr.api.Json;
import org.opensspr.bench.load.LoadRun;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Issue #18's side by side: the same load against Keycloak's reset-credentials flow and then against OpenSSPR's
 * email-code reset, one after the other in one run on one machine, at the same Argon2id parameters
 * (bench/keycloak.sh; options in {@link SideBySideOptions#USAGE}). Keycloak is stopped before our side runs, so
 * each side has the machine to itself.
 */
public final class SideBySide {
    private SideBySide() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        SideBySideOptions options;
        try {
            options = SideBySideOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        KeycloakProcess keycloak = new KeycloakProcess(options.keycloakPid());
        KeycloakRun.Result theirs;
        try {
            theirs = KeycloakRun.run(options, keycloak);
        } finally {
            keycloak.stop();
        }
        SideReport ours = SideReport.ofOurs(LoadRun.run(options.load()));
        print(System.out, options, theirs, ours);
        if (options.json() != null) {
            Json.newMapper().writerWithDefaultPrettyPrinter().writeValue(options.json().toFile(),
                    List.of(theirs.report(), ours));
        }
        if (!theirs.stored().equals(Optional.of(options.argon2()))) {
            System.err.println("Keycloak stored passwords at " + theirs.stored().map(KeycloakArgon2::toString)
                    .orElse("(none stored)") + ", not at the parameters it was given (" + options.argon2()
                    + "): the two sides' hashes can't be compared");
            System.exit(1);
        }
        System.exit(0); // the in-process server's and clients' leftover threads don't hold the JVM
    }

    private static void print(PrintStream out, SideBySideOptions options, KeycloakRun.Result theirs,
                              SideReport ours) {
        out.printf("Side by side: %d browsers/kiosks each, %d users, warm-up %d s, %d s counted%n",
                options.load().kiosks(), options.load().users(), options.load().warmup().toSeconds(),
                options.load().duration().toSeconds());
        theirs.report().print(out);
        ours.print(out);
        SideReport kc = theirs.report();
        out.printf("== Ours ÷ Keycloak's: flows/s %.2f/%.2f = %.2f×; each ÷ its hash-bound limit: %.2f vs %.2f%n",
                ours.flowsPerSecond(), kc.flowsPerSecond(),
                kc.flowsPerSecond() == 0 ? Double.NaN : ours.flowsPerSecond() / kc.flowsPerSecond(),
                ours.ratioToLimit(), kc.ratioToLimit());
    }
}
