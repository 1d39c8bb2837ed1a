package org.opensspr.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;

/**
 * {@code config-template}: the commented {@code server.conf} the systemd unit hands to {@code run} as an @-file, or
 * (with {@code --secrets}) the {@code server.env} template for its secrets. Both come from picocli's own model of
 * {@code run}, so they list exactly the options the server takes.
 */
@Command(name = "config-template", mixinStandardHelpOptions = true,
        description = "Write a commented configuration file for 'run' (an @-file), or with --secrets the environment"
                + " file template for its secrets.")
public final class ConfigTemplateCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR",
            description = "The data directory the configuration file sets (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("/var/lib/opensspr");

    @Option(names = "--secrets", description = "Write the template of the environment file with the secrets instead.")
    boolean secrets;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to this new file instead of standard output; an existing file is never overwritten.")
    Path out;

    @Override
    public Integer call() throws IOException {
        CommandSpec run = runSpec();
        String text = secrets ? SecretsTemplate.render(run) : ConfigTemplate.render(run, data);
        if (out == null) {
            System.out.print(text);
            return 0;
        }
        try {
            // server.conf is read by the server's own user; server.env only by systemd (root).
            writeNew(out, text, secrets ? "rw-------" : "rw-r--r--");
        } catch (FileAlreadyExistsException e) {
            System.err.println("config-template: " + out + " already exists; it was left unchanged"
                    + " (move it away, or compare it with the template on standard output).");
            return 2;
        }
        System.err.println("Wrote " + out);
        return 0;
    }

    /**
     * {@code run}'s model without variable interpolation: the template shows {@code ${env:…}} defaults as
     * written instead of whatever this machine's environment holds, so no value of this machine leaks into it.
     */
    static CommandSpec runSpec() {
        CommandSpec spec = CommandSpec.forAnnotatedObject(new RunCommand());
        spec.interpolateVariables(false);
        return spec;
    }

    /**
     * Writes a temporary file next to {@code file} and moves it into place: a reader sees the whole file or none,
     * and the move (without replacing) refuses a file that is already there.
     */
    static void writeNew(Path file, String text, String permissions) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text);
            if (Files.getFileAttributeView(temporary, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(permissions));
            }
            Files.move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
