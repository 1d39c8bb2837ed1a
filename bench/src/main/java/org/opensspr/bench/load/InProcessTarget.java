package org.opensspr.bench.load;

import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.policy.PolicyService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real server in this JVM, in test mode over plain HTTP on loopback, as the server's own API tests start it:
 * one instance on the embedded default (the H2 file database and the outbox-only mail) in a temporary folder, or
 * one or more instances on a fresh database of an embedded PostgreSQL, sharing it as servers behind a load
 * balancer would. Users are written straight into the directory ({@link InProcessSeeding}): each with what the
 * plan's methods need and no password.
 */
final class InProcessTarget implements LoadTarget {
    private final Path data;
    private final List<InProcessServer> instances;
    private final List<LoadUser> users;
    private final String description;

    private InProcessTarget(Path data, List<InProcessServer> instances, List<LoadUser> users, String description) {
        this.data = data;
        this.instances = List.copyOf(instances);
        this.users = users;
        this.description = description;
    }

    static InProcessTarget start(int userCount, int instanceCount, LoadOptions.Database database, MethodPlan plan) {
        if (database == LoadOptions.Database.H2) {
            if (instanceCount != 1) {
                throw new IllegalArgumentException("Only PostgreSQL can be shared by several instances");
            }
            Path data;
            try {
                data = Files.createTempDirectory("opensspr-load");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return prepared(data, List.of(InProcessServer.onEmbeddedDefault(data)), userCount, plan,
                    "in-process, embedded default (H2 file in " + data + "), test mode");
        }
        List<InProcessServer> instances = new ArrayList<>();
        instances.add(InProcessServer.start(TestDatabases.POSTGRES));
        while (instances.size() < instanceCount) {
            instances.add(InProcessServer.alongside(instances.getFirst()));
        }
        return prepared(instances.getFirst().data(), instances, userCount, plan, "in-process, " + instanceCount
                + (instanceCount == 1 ? " instance" : " instances") + " on one embedded PostgreSQL (fresh database),"
                + " test mode");
    }

    private static InProcessTarget prepared(Path data, List<InProcessServer> instances, int userCount,
                                            MethodPlan plan, String description) {
        InProcessServer server = instances.getFirst();
        PolicyService policies = server.server().policies();
        policies.update(policies.current().version(), plan.policy(policies.currentPolicy()), "load generator");
        return new InProcessTarget(data, instances, InProcessSeeding.seed(server.server(), plan, userCount),
                description);
    }

    @Override
    public String url() {
        return instances.getFirst().url();
    }

    @Override
    public List<String> urls() {
        return instances.stream().map(InProcessServer::url).toList();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<LoadUser> users() {
        return users;
    }

    @Override
    public String enrollKiosk(String name) {
        InProcessServer server = instances.getFirst();
        String code = server.server().kiosks().createEnrollment(name, "load generator").code();
        return server.server().kiosks().enroll(new KioskEnrollRequest(code, name), "127.0.0.1").credential();
    }

    @Override
    public ServerCpu serverCpu() {
        ServerCpu jvm = ServerCpu.thisProcess();
        if (!description.contains("PostgreSQL")) {
            return jvm;
        }
        return new ServerCpu() {
            @Override
            public java.util.OptionalLong nanos() {
                return jvm.nanos();
            }

            @Override
            public String covers() {
                return jvm.covers() + ", every instance in it; not PostgreSQL's own processes";
            }
        };
    }

    @Override
    public void close() {
        instances.reversed().forEach(InProcessServer::close);
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is the system's to clean
        }
    }
}
