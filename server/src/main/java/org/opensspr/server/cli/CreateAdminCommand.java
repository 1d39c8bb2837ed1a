package org.opensspr.server.cli;

import org.opensspr.directory.Role;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.auth.AdminEnrollment;
import org.opensspr.server.auth.NewAdministrator;
import org.opensspr.server.auth.PasswordRejectedException;
import org.opensspr.server.http.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.Console;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code create-admin}: add an administrator with a password and an authenticator app. The password
 * comes from an environment variable (for scripts) or is asked for twice without echo.
 */
@Command(name = "create-admin", mixinStandardHelpOptions = true,
        description = "Create an administrator account; prints the authenticator (TOTP) secret once.")
public final class CreateAdminCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options = new ServerOptions();

    @Option(names = "--upn", required = true, paramLabel = "NAME@DOMAIN", description = "The administrator's user name.")
    String upn;

    @Option(names = "--display-name", paramLabel = "TEXT", description = "Shown in the console and the audit log.")
    String displayName;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "A role, repeatable: ${COMPLETION-CANDIDATES}.")
    List<Role> roles;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Read the password from this environment variable instead of asking.")
    String passwordVariable;

    @Override
    public Integer call() {
        char[] password = password();
        if (password == null) {
            return 2;
        }
        try (OpenSsprServer server = OpenSsprServer.open(options.offlineConfig())) {
            AdminEnrollment enrollment = server.adminAccounts().create(new NewAdministrator(upn,
                    displayName == null ? upn : displayName, "", "", new String(password), EnumSet.copyOf(roles)));
            System.out.println("Administrator " + enrollment.userPrincipalName() + " created.");
            System.out.println("Add this account to an authenticator app (shown once):");
            System.out.println("  secret: " + enrollment.base32Secret());
            System.out.println("  URI:    " + enrollment.otpauthUri());
            return 0;
        } catch (PasswordRejectedException e) {
            System.err.println("opensspr server: the password is not accepted: " + e.getMessage());
            return 2;
        } catch (ApiException e) {
            System.err.println("opensspr server: " + e.getMessage());
            return 2;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] password() {
        if (passwordVariable != null) {
            String value = System.getenv(passwordVariable);
            if (value == null || value.isEmpty()) {
                System.err.println("opensspr server: the environment variable " + passwordVariable + " is not set.");
                return null;
            }
            return value.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            System.err.println("opensspr server: no terminal to ask for the password; use --password-env VAR.");
            return null;
        }
        char[] first = console.readPassword("Password for %s: ", upn);
        char[] second = console.readPassword("Repeat the password: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            System.err.println("opensspr server: the passwords don't match.");
            return null;
        }
        Arrays.fill(second, '\0');
        return first;
    }
}
