package org.opensspr.bench.load;

import org.opensspr.api.AdminSignInRequest;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.server.ServerMain;
import org.opensspr.server.auth.Totp;
import org.opensspr.server.crypto.Base32;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in a JVM of its own, as an operator starts it ({@code ServerMain}, the embedded default in a
 * temporary data directory, plain HTTP on a free loopback port, test mode), with the generator's class path and
 * the given JVM options. Its CPU is read from its own process, so the figure holds the server's work alone, and
 * the scheduler sees its threads apart from the generator's. An administrator is created with the
 * {@code create-admin} command and signed in with a TOTP code, then the run prepares the server over its admin
 * API like any running server ({@link RemoteTarget}).
 */
final class ServerProcess implements LoadTarget {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern SECRET = Pattern.compile("secret: ([A-Z2-7]+)");
    private static final Pattern LISTENING = Pattern.compile("OpenSSPR server listening on (\\S+)");
    private static final String ADMIN = "load-admin@contoso.example";
    private static final String PASSWORD_VARIABLE = "OPENSSPR_LOAD_ADMIN_PASSWORD";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path data;
    private final Process process;
    private final Thread stopAtExit;
    private final RemoteTarget prepared;

    private ServerProcess(Path data, Process process, Thread stopAtExit, RemoteTarget prepared) {
        this.data = data;
        this.process = process;
        this.stopAtExit = stopAtExit;
        this.prepared = prepared;
    }

    /** Starts the server with {@code javaOptions} before its main class, and prepares it for {@code userCount}. */
    static ServerProcess start(List<String> javaOptions, int userCount, MethodPlan plan) {
        Path data;
        try {
            data = Files.createTempDirectory("opensspr-load-server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String password = "Load-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        String secret = createAdministrator(data, password);
        Process process = launch(data, javaOptions, List.of("--data", data.toString(), "--http", "--host", "127.0.0.1",
                "--port", "0", "--test-mode"), data.resolve("server.log"), null);
        // In a session of its own the server outlives the generator: a generator stopped with Ctrl-C or kill
        // (not kill -9) stops it and removes its files too.
        Thread stopAtExit = new Thread(() -> stop(process, data), "stop-load-server");
        try {
            Runtime.getRuntime().addShutdownHook(stopAtExit);
            String url = awaitListening(process, data.resolve("server.log"));
            String token;
            try (OpenSsprClient client = OpenSsprClient.builder().baseUrl(url).userAgent("opensspr-load").build()) {
                String code = Totp.codeAt(Base32.decode(secret), Totp.stepAt(Instant.now()));
                token = client.signIn(new AdminSignInRequest(ADMIN, password, code)).token();
            }
            return new ServerProcess(data, process, stopAtExit, RemoteTarget.prepare(url, token, userCount,
                    process.pid(), plan));
        } catch (RuntimeException e) {
            forgetHook(stopAtExit);
            stop(process, data);
            throw e;
        }
    }

    private static String createAdministrator(Path data, String password) {
        Path output = data.resolve("create-admin.log");
        Process command = launch(data, List.of(), List.of("create-admin", "--data", data.toString(), "--upn", ADMIN,
                "--role", "GLOBAL_ADMINISTRATOR", "--password-env", PASSWORD_VARIABLE), output, password);
        try {
            if (!command.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || command.exitValue() != 0) {
                command.destroyForcibly();
                throw new IllegalStateException("create-admin failed: " + Files.readString(output));
            }
            Matcher secret = SECRET.matcher(Files.readString(output));
            if (!secret.find()) {
                throw new IllegalStateException("create-admin printed no authenticator secret");
            }
            return secret.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the administrator", e);
        }
    }

    /** {@code password}: the create-admin command's, in its environment; null for the server. */
    private static Process launch(Path data, List<String> javaOptions, List<String> arguments, Path output,
                                  String password) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // A session of its own, so where the kernel groups CPU time by session (autogroup, Linux's default)
            // the server's threads share a group only with each other, as a service's do in its own cgroup: its
            // hashing threads' lower priority (ADR 28) then ranks them against its requests, not the generator.
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerMain.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        if (password != null) {
            builder.environment().put(PASSWORD_VARIABLE, password);
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL from the server's "listening" line; its log says why when it stops or takes too long. */
    private static String awaitListening(Process process, Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Matcher listening = LISTENING.matcher(Files.readString(log));
                if (listening.find()) {
                    return listening.group(1);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("The server stopped (exit " + process.exitValue() + "): "
                            + Files.readString(log));
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("The server did not listen within " + START_TIMEOUT.toSeconds() + " s: "
                    + Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the server started", e);
        }
    }

    @Override
    public String url() {
        return prepared.url();
    }

    @Override
    public String description() {
        return "a server process of its own (pid " + process.pid() + "), embedded default (H2 file in " + data
                + "), test mode";
    }

    @Override
    public List<LoadUser> users() {
        return prepared.users();
    }

    @Override
    public String enrollKiosk(String name) {
        return prepared.enrollKiosk(name);
    }

    @Override
    public ServerCpu serverCpu() {
        return prepared.serverCpu();
    }

    @Override
    public void close() {
        prepared.close();
        forgetHook(stopAtExit);
        stop(process, data);
    }

    /** Stops the server (at once after 30 s) and removes its data directory; again is harmless. */
    private static void stop(Process process, Path data) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (!Files.exists(data)) {
            return;
        }
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forgetHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it stops the server itself.
        }
    }
}
