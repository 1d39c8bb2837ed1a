package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensspr.api.AdminSignInRequest;
import org.opensspr.api.Json;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.server.auth.AdminEnrollment;
import org.opensspr.server.auth.NewAdministrator;
import org.opensspr.server.auth.Oathtool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

/** Creates administrators on an in-process server and signs them in over HTTP with a TOTP code from oathtool. */
public final class TestAdmins {
    public static final String PASSWORD = "Wombat-Harbour-Lantern-93";

    private TestAdmins() {
    }

    public static AdminEnrollment create(InProcessServer server, Role... roles) {
        String upn = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.example";
        return server.server().adminAccounts().create(
                new NewAdministrator(upn, "Test Admin", "Test", "Admin", PASSWORD, Set.of(roles)));
    }

    /** An {@link OpenSsprClient} signed in as a new administrator holding {@code roles}. */
    public static OpenSsprClient client(InProcessServer server, Role... roles) {
        AdminEnrollment admin = create(server, roles);
        OpenSsprClient client = OpenSsprClient.builder().baseUrl(server.url()).build();
        client.signIn(new AdminSignInRequest(admin.userPrincipalName(), PASSWORD,
                Oathtool.totp(admin.base32Secret(), server.server().clock().instant())));
        return client;
    }

    /** A bearer token for a new administrator holding {@code roles}. */
    public static String signIn(InProcessServer server, Role... roles) {
        return signIn(server, create(server, roles));
    }

    public static String signIn(InProcessServer server, AdminEnrollment admin) {
        String code = Oathtool.totp(admin.base32Secret(), server.server().clock().instant());
        HttpResponse<String> response = server.json("POST", "/api/v1/admin/session", null,
                "{\"username\":\"" + admin.userPrincipalName() + "\",\"password\":\"" + PASSWORD
                        + "\",\"totpCode\":\"" + code + "\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Sign-in failed: " + response.statusCode() + " " + response.body());
        }
        try {
            JsonNode session = Json.newMapper().readTree(response.body());
            return session.get("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
