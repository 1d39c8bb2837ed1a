package org.opensspr.server.cli;

import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The text of {@code server.conf}: every option of {@code run}, commented, under its group's heading. */
final class ConfigTemplate {
    /** Test-only (fixed captcha answers, clock endpoints): a service's configuration must not even suggest it. */
    static final Set<String> NEVER_LISTED = Set.of("--test-mode");
    static final String DATA_OPTION = "--data";
    private static final String DEMO_OPTION = "--demo";
    private static final int WIDTH = 100;
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[^\\s#\"'\\\\]+");

    private ConfigTemplate() {
    }

    static String render(CommandSpec run, Path data) {
        StringBuilder text = new StringBuilder();
        comment(text, """
                OpenSSPR server configuration: the options of 'opensspr-server run', which the systemd unit reads as \
                'opensspr-server @/etc/opensspr/server.conf'.""");
        comment(text, """
                One option per line, with its value after it; lines starting with # are comments (so is the rest of \
                a line after a #). Quote a value that holds spaces or a #: --smtp-from-name "IT Service Desk".""");
        comment(text, """
                No secrets here: passwords and tokens go into /etc/opensspr/server.env (mode 0600, root), and the \
                *-env options below only name the variables that hold them. See 'opensspr-server config-template \
                --secrets'.""");
        comment(text, "Restart the service after a change.");
        text.append('\n');
        for (OptionSpec option : run.options()) {
            if (option.group() == null) {
                option(text, option, data);
            }
        }
        for (ArgGroupSpec group : run.argGroups()) {
            group(text, group, data);
        }
        return text.toString();
    }

    /** Whether the option names an environment variable rather than holding a value (the secrets do). */
    static boolean namesVariable(OptionSpec option) {
        return option.longestName().endsWith("-env");
    }

    static boolean listed(OptionSpec option) {
        return !option.usageHelp() && !option.versionHelp() && !NEVER_LISTED.contains(option.longestName());
    }

    private static void group(StringBuilder text, ArgGroupSpec group, Path data) {
        text.append("# ").append("=".repeat(WIDTH - 2)).append('\n');
        comment(text, group.heading() == null ? "More options:" : group.heading().replace("%n", "").strip());
        List<String> required = new ArrayList<>();
        group.options().stream().filter(OptionSpec::required).forEach(option -> required.add(option.longestName()));
        if (!required.isEmpty() && !group.exclusive()) {
            // picocli rejects a group given in part: say so before the first attempt does.
            comment(text, "Whenever you give an option of this group, give " + String.join(" and ", required) + " too.");
        }
        text.append('\n');
        for (OptionSpec option : group.options()) {
            option(text, option, data);
        }
        for (ArgGroupSpec subgroup : group.subgroups()) {
            group(text, subgroup, data);
        }
    }

    private static void option(StringBuilder text, OptionSpec option, Path data) {
        if (!listed(option)) {
            return;
        }
        for (String line : description(option)) {
            comment(text, line);
        }
        if (option.longestName().equals(DEMO_OPTION)) {
            comment(text, "For demonstrations only: it fills the directory with made-up people and groups.");
        }
        if (option.longestName().equals(DATA_OPTION)) {
            text.append(DATA_OPTION).append(' ').append(quote(data.toString())).append("\n\n");
            return;
        }
        text.append("# ").append(option.longestName());
        if (option.arity().max() > 0) {
            // The *-env options show the variable server.env sets, so uncommenting one changes nothing.
            boolean variable = namesVariable(option) && option.defaultValue() != null;
            text.append(' ').append(variable ? option.defaultValue() : option.paramLabel());
        }
        text.append("\n\n");
    }

    /**
     * The description as {@code --help} shows it. With interpolation off picocli leaves {@code ${DEFAULT-VALUE}} as
     * it is, so it is put in here, from the same default {@code --help} shows.
     */
    static List<String> description(OptionSpec option) {
        return Arrays.stream(option.description())
                .map(line -> line.replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValueString())))
                .toList();
    }

    /** A token picocli's @-file reader gives back unchanged: quoted (with \ and " escaped) when it must be. */
    static String quote(String value) {
        if (PLAIN_TOKEN.matcher(value).matches()) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Appends {@code paragraph} as # lines of at most about {@value #WIDTH} characters. */
    static void comment(StringBuilder text, String paragraph) {
        StringBuilder line = new StringBuilder("#");
        for (String word : paragraph.strip().split("\\s+")) {
            if (line.length() > 1 && line.length() + 1 + word.length() > WIDTH) {
                // A line starting "# --name" would read as a commented option: the word before comes along.
                int cut = word.startsWith("-") && line.lastIndexOf(" ") > 1 ? line.lastIndexOf(" ") : line.length();
                String carried = line.substring(cut);
                text.append(line, 0, cut).append('\n');
                line.setLength(1);
                line.append(carried);
            }
            line.append(' ').append(word);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
