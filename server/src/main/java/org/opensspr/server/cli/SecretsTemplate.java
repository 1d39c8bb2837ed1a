package org.opensspr.server.cli;

import org.opensspr.server.crypto.SecretBox;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of {@code server.env}: one commented {@code #VAR=} per variable the server reads a secret from. */
final class SecretsTemplate {
    /** An option default such as {@code ${env:OPENSSPR_DB_USER}} (seen because interpolation is off). */
    private static final Pattern ENVIRONMENT_DEFAULT = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern DEFAULT_NOTE = Pattern.compile("\\s*\\(default: [^)]*\\)");

    private SecretsTemplate() {
    }

    static String render(CommandSpec run) {
        StringBuilder text = new StringBuilder();
        ConfigTemplate.comment(text, """
                OpenSSPR server secrets: /etc/opensspr/server.env, the EnvironmentFile of the systemd unit.""");
        ConfigTemplate.comment(text, """
                Keep it mode 0600 and owned by root: systemd reads it before it starts the server as its own user, \
                and only the server gets the values.""");
        ConfigTemplate.comment(text, """
                One KEY=value per line, no quotes needed; lines starting with # are comments. Uncomment the lines \
                you need and fill in their values; restart the service after a change.""");
        text.append('\n');
        ConfigTemplate.comment(text, "The secret key that seals stored secrets: base64 of " + SecretBox.KEY_BYTES
                + " random bytes (openssl rand -base64 " + SecretBox.KEY_BYTES + "). Without it the server uses"
                + " secret.key in the data directory, created on first start. Keep a copy: without the key, sealed"
                + " secrets can't be opened.");
        text.append('#').append(SecretBox.ENVIRONMENT_VARIABLE).append("=\n\n");
        for (OptionSpec option : run.options()) {
            if (ConfigTemplate.listed(option)) {
                variable(text, option);
            }
        }
        return text.toString();
    }

    private static void variable(StringBuilder text, OptionSpec option) {
        String name = option.longestName();
        String fallback = option.defaultValue();
        Matcher environment = fallback == null ? null : ENVIRONMENT_DEFAULT.matcher(fallback);
        if (environment != null && environment.matches()) {
            ConfigTemplate.comment(text, "The default of " + name + " " + option.paramLabel()
                    + " (or set " + name + " in server.conf instead).");
            text.append('#').append(environment.group(1)).append("=\n\n");
        } else if (ConfigTemplate.namesVariable(option) && fallback == null) {
            ConfigTemplate.comment(text, "For " + name + " " + option.paramLabel() + ": it has no default, so it names"
                    + " a variable of your choice; add that variable here. " + description(option));
            text.append('\n');
        } else if (ConfigTemplate.namesVariable(option)) {
            ConfigTemplate.comment(text, "For " + name + ": " + description(option));
            text.append('#').append(fallback).append("=\n\n");
        }
    }

    /** The option's description without its "(default: VAR)", which the line below it already shows. */
    private static String description(OptionSpec option) {
        return DEFAULT_NOTE.matcher(String.join(" ", ConfigTemplate.description(option))).replaceAll("");
    }
}
