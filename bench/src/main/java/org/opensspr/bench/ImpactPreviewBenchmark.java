package org.opensspr.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.api.DirectoryWriter;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.server.db.TestDatabases;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The console's impact preview (POST /policy/impact) over HTTP against an in-process server: a
 * directory of {@code users} people in 20 departments, half of them nested in a pilot group, and a
 * change of methods that leaves 3 in 20 unable to reset (seed 004's example at scale). Compare the
 * sizes and the databases as ratios of one run; the machines are shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ImpactPreviewBenchmark {
    private static final int DEPARTMENTS = 20;
    private static final String[] REGISTERED = {"o q", "o q m", "q e", "-"};

    @Param({"1000", "10000"})
    public int users;

    @Param({"H2", "POSTGRES"})
    public String database;

    private InProcessServer server;
    private OpenSsprClient admin;
    private SsprPolicy proposed;

    @Setup(Level.Trial)
    public void startServerWithDirectory() {
        server = InProcessServer.start(TestDatabases.valueOf(database));
        admin = TestAdmins.client(server, Role.AUTHENTICATION_POLICY_ADMINISTRATOR);
        DirectoryWriter directory = new DirectoryWriter();
        List<List<String>> departments = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS; d++) {
            departments.add(new ArrayList<>());
        }
        for (int i = 0; i < users; i++) {
            String name = "user%06d".formatted(i);
            directory.user(name, REGISTERED[i % REGISTERED.length]);
            departments.get(i % DEPARTMENTS).add(name);
        }
        List<String> pilot = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS; d++) {
            directory.group("Department " + d, departments.get(d).toArray(String[]::new));
            if (d < DEPARTMENTS / 2) {
                pilot.add("Department " + d);
            }
        }
        directory.group("Pilot", pilot.toArray(String[]::new));
        server.server().database().inTransactionDo(directory::writeTo);
        SsprPolicy current = SsprPolicy.defaults()
                .withScope(ScopePolicy.selected(List.of(directory.id("Pilot"))))
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.OFFICE_PHONE, AuthMethod.SECURITY_QUESTIONS),
                        2, 2, SecurityQuestionsPolicy.defaults()))
                .withRegistration(new RegistrationPolicy(true, 180));
        admin.updatePolicy(admin.currentPolicy().version(), current);
        proposed = current.withMethods(new MethodsPolicy(
                EnumSet.of(AuthMethod.OFFICE_PHONE, AuthMethod.MOBILE_PHONE, AuthMethod.EMAIL), 2, 2,
                SecurityQuestionsPolicy.defaults()));
        long expected = (long) users * 3 / DEPARTMENTS;
        long counted = admin.policyImpact(proposed).newlyUnableToReset().count();
        if (counted != expected) {
            throw new IllegalStateException("The preview counted " + counted + " users, expected " + expected);
        }
    }

    @Benchmark
    public PolicyImpactDto previewAChangeOfMethods() {
        return admin.policyImpact(proposed);
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        admin.close();
        server.close();
    }
}
