package org.opensspr.bench.load;

import org.opensspr.methods.AuthMethod;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one load run does. {@code flowsPerKiosk} > 0 runs that many flows at each kiosk instead of for a
 * {@code duration}; {@code server} null starts an in-process server; {@code adminToken} is needed with a
 * {@code server} (to seed users, set the policy and enroll kiosks); {@code serverPid} 0 when unknown;
 * {@code methods}: one run per method, each on a fresh server (see {@link MethodPlan}).
 */
public record LoadOptions(int kiosks, Duration duration, int flowsPerKiosk, Duration warmup, int users,
                          String server, String adminToken, long serverPid, Path json, List<Integer> instances,
                          Database database, List<AuthMethod> methods, List<String> serverJavaOptions) {
    /** {@code --server process}: the generator starts the server in a JVM of its own. */
    static final String SERVER_PROCESS = "process";

    /** What the in-process instances run on. */
    public enum Database { H2, POSTGRES }

    static final String USAGE = """
            bench/load.sh [--kiosks N] [--duration SECONDS | --flows N] [--warmup SECONDS] [--users N]
                          [--instances N[,N…] --database h2|postgres]
                          [--server URL --admin-token TOKEN [--server-pid PID]]
                          [--server process [--server-java-options "OPTIONS"]] [--json FILE]
                          [--methods METHOD[,METHOD…]]
              --kiosks N        simulated kiosks running resets at once (default 16)
              --duration S      how long flows are started, after the warm-up (default 30)
              --flows N         instead of a duration: N complete flows at each kiosk (no warm-up)
              --warmup S        flows started in the first S seconds are not counted (default 5; 0 with --flows)
              --users N         people to reset, each in one flow at a time (default 200); each may be sent
                                at most 10 emails in 10 minutes, so give at least one user per 10 flows
              --server URL      a running server in test mode (else one starts in-process, H2 file, test mode)
              --admin-token T   a Global Administrator's session token for that server
              --server-pid PID  that server's process, for its CPU per reset (from /proc/PID/stat) and how its
                                threads share it (hashes, requests, JIT, collector, delivery: /proc/PID/task)
              --server process  start the server in a JVM and session of its own (embedded default, test mode),
                                so its CPU is measured apart from the generator's; seeded over its admin API
              --server-java-options "OPTIONS"  that JVM's options, split at spaces (e.g. "-Xmx1g")
              --json FILE       also write the report as JSON (a list of reports with several --instances)
              --instances N,…   in-process server instances sharing one database, each flow's steps going to
                                them in turn; a list (1,2,3) runs once per count, each on a fresh database,
                                and compares them (default 1; more than 1 needs --database postgres)
              --database D      h2: the embedded default (H2 file, default); postgres: an embedded PostgreSQL
              --methods M,…     how people prove who they are, one run per method on a fresh server (default EMAIL):
                                EMAIL, MOBILE_PHONE (texted), OFFICE_PHONE (called), MOBILE_APP_CODE,
                                SECURITY_QUESTIONS, MOBILE_APP_NOTIFICATION (never alone: then an emailed code,
                                two methods required); codes are read from the test outbox, the app's computed
                                from its seed (each code once per person: give resets/s × 30 s --users), the
                                notification answered as the phone does. A running --server: EMAIL and the phones
                                only (an app's seed or security answers can't be given over the admin API)
            """;

    /** As before instances: one in-process instance on the embedded default, or the given {@code server}. */
    public LoadOptions(int kiosks, Duration duration, int flowsPerKiosk, Duration warmup, int users, String server,
                       String adminToken, long serverPid, Path json) {
        this(kiosks, duration, flowsPerKiosk, warmup, users, server, adminToken, serverPid, json, List.of(1),
                Database.H2);
    }

    /** As before methods: email codes. */
    public LoadOptions(int kiosks, Duration duration, int flowsPerKiosk, Duration warmup, int users, String server,
                       String adminToken, long serverPid, Path json, List<Integer> instances, Database database) {
        this(kiosks, duration, flowsPerKiosk, warmup, users, server, adminToken, serverPid, json, instances, database,
                List.of(AuthMethod.EMAIL), List.of());
    }

    public LoadOptions {
        if (kiosks < 1 || users < 1 || (flowsPerKiosk < 1 && (duration == null || duration.isNegative()
                || duration.isZero()))) {
            throw new IllegalArgumentException("kiosks, users and the duration or flows must be positive\n" + USAGE);
        }
        if (users < kiosks) {
            throw new IllegalArgumentException("--users must be at least --kiosks: a user is in one flow at a time");
        }
        serverJavaOptions = List.copyOf(serverJavaOptions);
        if (!serverJavaOptions.isEmpty() && !startsServerProcess(server)) {
            throw new IllegalArgumentException("--server-java-options goes with --server process\n" + USAGE);
        }
        if (startsServerProcess(server) && database != Database.H2) {
            throw new IllegalArgumentException("--server process runs the embedded default (H2)\n" + USAGE);
        }
        if (server != null && !startsServerProcess(server) && (adminToken == null || adminToken.isBlank())) {
            throw new IllegalArgumentException("--server needs --admin-token\n" + USAGE);
        }
        instances = List.copyOf(instances);
        if (instances.isEmpty() || instances.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--instances takes positive counts\n" + USAGE);
        }
        if (instances.stream().anyMatch(n -> n > 1) && (server != null || database != Database.POSTGRES)) {
            throw new IllegalArgumentException("several --instances run in-process on --database postgres\n" + USAGE);
        }
        methods = List.copyOf(methods);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("--methods takes at least one method\n" + USAGE);
        }
        if (server != null && !RemoteTarget.SEEDABLE.containsAll(methods)) {
            throw new IllegalArgumentException("A running --server is seeded over its admin API, which gives people "
                    + "contact data but no app seed or security answers: --methods " + RemoteTarget.SEEDABLE
                    + " only there");
        }
    }

    /** A fixed number of flows per kiosk against an in-process server, counted from the first. */
    public static LoadOptions flows(int kiosks, int flowsPerKiosk, int users) {
        return new LoadOptions(kiosks, null, flowsPerKiosk, Duration.ZERO, users, null, null, 0, null);
    }

    /** A fixed number of flows per kiosk with {@code method}, against an in-process server. */
    public static LoadOptions flows(int kiosks, int flowsPerKiosk, int users, AuthMethod method) {
        return flows(kiosks, flowsPerKiosk, users).with(1, method);
    }

    /** The same run with only {@code count} instances and only {@code method}. */
    LoadOptions with(int count, AuthMethod method) {
        return new LoadOptions(kiosks, duration, flowsPerKiosk, warmup, users, server, adminToken, serverPid, json,
                List.of(count), database, List.of(method), serverJavaOptions);
    }

    private static boolean startsServerProcess(String server) {
        return SERVER_PROCESS.equals(server);
    }

    /** Whether the generator starts the server in a JVM of its own. */
    boolean startsServerProcess() {
        return startsServerProcess(server);
    }

    boolean countsFlows() {
        return flowsPerKiosk > 0;
    }

    public static LoadOptions parse(String... args) {
        int kiosks = 16;
        int users = 200;
        int flows = 0;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = null;
        String server = null;
        String adminToken = null;
        long pid = 0;
        Path json = null;
        List<Integer> instances = List.of(1);
        Database database = Database.H2;
        List<AuthMethod> methods = List.of(AuthMethod.EMAIL);
        List<String> serverJavaOptions = List.of();
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
                case "--flows" -> flows = Integer.parseInt(value);
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--users" -> users = Integer.parseInt(value);
                case "--server" -> server = value;
                case "--admin-token" -> adminToken = value;
                case "--server-pid" -> pid = Long.parseLong(value);
                case "--json" -> json = Path.of(value);
                case "--instances" -> instances = Arrays.stream(value.split(",")).map(String::strip)
                        .map(Integer::parseInt).toList();
                case "--database" -> database = Database.valueOf(value.toUpperCase(Locale.ROOT));
                case "--server-java-options" -> serverJavaOptions = Arrays.stream(value.strip().split("\\s+"))
                        .filter(option -> !option.isEmpty()).toList();
                case "--methods" -> methods = Arrays.stream(value.split(",")).map(String::strip)
                        .map(m -> AuthMethod.valueOf(m.toUpperCase(Locale.ROOT))).toList();
                default -> throw new IllegalArgumentException("Unknown option " + name + "\n" + USAGE);
            }
        }
        if (warmup == null) {
            warmup = flows > 0 ? Duration.ZERO : Duration.ofSeconds(5);
        }
        return new LoadOptions(kiosks, flows > 0 ? null : duration, flows, warmup, users, server, adminToken, pid, json,
                instances, database, methods, serverJavaOptions);
    }
}
