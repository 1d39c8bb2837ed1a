package org.opensspr.bench.keycloak;

import org.opensspr.bench.load.ServerCpu;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Keycloak that bench/keycloak.sh started: its bin/kc.sh process, which runs the JVM as a child and passes a
 * TERM on to it. Its CPU is the JVM's; stopping it frees the machine before our side runs.
 */
record KeycloakProcess(long launcherPid) {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    ServerCpu cpu() {
        return jvm().map(jvm -> ServerCpu.ofPid(jvm.pid())).orElseGet(ServerCpu::unknown);
    }

    private Optional<ProcessHandle> jvm() {
        return ProcessHandle.of(launcherPid).flatMap(launcher -> launcher.children()
                .filter(child -> child.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst());
    }

    /** TERM to kc.sh (it forwards it to the JVM), then wait for both to end. */
    void stop() throws InterruptedException {
        Optional<ProcessHandle> launcher = ProcessHandle.of(launcherPid);
        if (launcher.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> jvm = jvm();
        launcher.get().destroy();
        try {
            launcher.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (jvm.isPresent()) {
                jvm.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Keycloak (kc.sh " + launcherPid + ") didn't stop in " + STOP_TIMEOUT, e);
        }
    }
}
