package org.opensspr.bench.load;

import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.server.api.DirectoryWriter;
import org.opensspr.server.api.InProcessServer;
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
 * The real server in this JVM, on the embedded default (the H2 file database and the outbox-only mail) in a
 * temporary folder, in test mode over plain HTTP on loopback, as the server's own API tests start it. Users are
 * written straight into the directory (the tests' DirectoryWriter): each with an alternate email and no password.
 */
final class InProcessTarget implements LoadTarget {
    private final Path data;
    private final InProcessServer server;
    private final List<LoadUser> users;

    private InProcessTarget(Path data, InProcessServer server, List<LoadUser> users) {
        this.data = data;
        this.server = server;
        this.users = users;
    }

    static InProcessTarget start(int userCount) {
        Path data;
        try {
            data = Files.createTempDirectory("opensspr-load");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InProcessServer server = InProcessServer.onEmbeddedDefault(data);
        PolicyService policies = server.server().policies();
        policies.update(policies.current().version(), EmailOnlyPolicy.from(policies.currentPolicy()), "load generator");
        DirectoryWriter directory = new DirectoryWriter();
        List<LoadUser> users = new ArrayList<>();
        for (int n = 1; n <= userCount; n++) {
            LoadUser user = LoadUser.numbered("load", n);
            // DirectoryWriter names the addresses itself: <name>@contoso.example and, with "e", <name>@private.example.
            directory.user(user.userPrincipalName().substring(0, user.userPrincipalName().indexOf('@')), "e");
            users.add(user);
        }
        server.server().database().inTransactionDo(directory::writeTo);
        return new InProcessTarget(data, server, List.copyOf(users));
    }

    @Override
    public String url() {
        return server.url();
    }

    @Override
    public String description() {
        return "in-process, embedded default (H2 file in " + data + "), test mode";
    }

    @Override
    public List<LoadUser> users() {
        return users;
    }

    @Override
    public String enrollKiosk(String name) {
        String code = server.server().kiosks().createEnrollment(name, "load generator").code();
        return server.server().kiosks().enroll(new KioskEnrollRequest(code, name), "127.0.0.1").credential();
    }

    @Override
    public ServerCpu serverCpu() {
        return ServerCpu.thisProcess();
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is the system's to clean
        }
    }
}
