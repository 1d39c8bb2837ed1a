package org.opensspr.bench.load;

import org.opensspr.api.ImportColumns;
import org.opensspr.api.ImportResultDto;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.methods.AuthMethod;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A server already running in test mode, prepared over its admin API with a Global Administrator's token: the
 * plan's policy set, users imported as CSV under names new to this run (so none has a password yet and none
 * carries an earlier run's throttle counts) with their contact data, which counts as registered, kiosks created
 * and enrolled as a kiosk enrolls. The admin API gives no one an app seed or security answers (a person registers
 * those themselves), so only the methods contact data backs run here.
 */
final class RemoteTarget implements LoadTarget {
    static final Set<AuthMethod> SEEDABLE = EnumSet.of(AuthMethod.EMAIL, AuthMethod.MOBILE_PHONE,
            AuthMethod.OFFICE_PHONE);
    private static final int IMPORT_BATCH = 1_000;

    private final OpenSsprClient admin;
    private final OpenSsprClient enroller;
    private final List<LoadUser> users;
    private final ServerCpu cpu;

    private RemoteTarget(OpenSsprClient admin, OpenSsprClient enroller, List<LoadUser> users, ServerCpu cpu) {
        this.admin = admin;
        this.enroller = enroller;
        this.users = users;
        this.cpu = cpu;
    }

    static RemoteTarget prepare(String url, String adminToken, int userCount, long serverPid, MethodPlan plan) {
        OpenSsprClient admin = OpenSsprClient.builder().baseUrl(url).bearerToken(adminToken).userAgent("opensspr-load")
                .build();
        PolicyDocumentDto current = admin.currentPolicy();
        admin.updatePolicy(current.version(), plan.policy(current.policy()));
        String prefix = "load" + UUID.randomUUID().toString().substring(0, 6) + "u";
        List<LoadUser> users = new ArrayList<>();
        for (int n = 1; n <= userCount; n++) {
            users.add(LoadUser.numbered(prefix, n));
        }
        for (int from = 0; from < users.size(); from += IMPORT_BATCH) {
            importUsers(admin, users.subList(from, Math.min(users.size(), from + IMPORT_BATCH)));
        }
        OpenSsprClient enroller = OpenSsprClient.builder().baseUrl(url).userAgent("opensspr-load").build();
        return new RemoteTarget(admin, enroller, List.copyOf(users),
                serverPid > 0 ? ServerCpu.ofPid(serverPid) : ServerCpu.unknown());
    }

    private static void importUsers(OpenSsprClient admin, List<LoadUser> batch) {
        StringBuilder csv = new StringBuilder(String.join(",", ImportColumns.NAMES)).append('\n');
        for (LoadUser user : batch) {
            String name = user.name();
            // upn,givenName,surname,displayName,source,enabled,primaryEmail,alternateEmail,mobilePhone,officePhone,
            // preferredLanguage,groups,roles
            csv.append(String.join(",", user.userPrincipalName(), name, "Load", name + " Load", "CLOUD", "true",
                    user.userPrincipalName(), user.alternateEmail(), typed(user.mobilePhone()), typed(user.officePhone()),
                    "en-US", "", ""))
                    .append('\n');
        }
        ImportResultDto result = admin.importUsers(csv.toString().getBytes(StandardCharsets.UTF_8), sent -> { });
        if (!result.imported()) {
            throw new IllegalStateException("The server refused the users: " + result.errors());
        }
    }

    /** The number as an import takes it, in groups: +1 425 555 0001 (the outbox names it +14255550001). */
    private static String typed(String e164) {
        return e164.replaceFirst("^\\+1(\\d{3})(\\d{3})(\\d{4})$", "+1 $1 $2 $3");
    }

    @Override
    public String url() {
        return admin.baseUrl();
    }

    @Override
    public String description() {
        return "running server at " + admin.baseUrl();
    }

    @Override
    public List<LoadUser> users() {
        return users;
    }

    @Override
    public String enrollKiosk(String name) {
        String code = admin.createKiosk(name).code();
        return enroller.enrollKiosk(new KioskEnrollRequest(code, name)).credential();
    }

    @Override
    public ServerCpu serverCpu() {
        return cpu;
    }

    @Override
    public void close() {
        admin.close();
        enroller.close();
    }
}
