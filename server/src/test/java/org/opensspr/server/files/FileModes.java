package org.opensspr.server.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads permissions off the disk, as {@code stat} shows them, for tests of who may read the server's files. */
public final class FileModes {
    private FileModes() {
    }

    /** Every file and directory under {@code root} (itself included, as "."), relative path to "rw-r--r--" form. */
    public static Map<String, String> of(Path root) {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> modes.put(root.equals(path) ? "." : root.relativize(path).toString(), mode(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modes;
    }

    /** The entries of {@link #of} that are not owner-only: files other than rw-------, directories other than rwx------. */
    public static Map<String, String> notOwnerOnly(Path root) {
        Map<String, String> open = new TreeMap<>();
        of(root).forEach((name, mode) -> {
            boolean directory = Files.isDirectory(root.resolve(name), LinkOption.NOFOLLOW_LINKS);
            if (!mode.equals(directory ? "rwx------" : "rw-------")) {
                open.put(name, mode);
            }
        });
        return open;
    }

    public static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * These tests prove something only where the umask leaves new files readable by others (the usual
     * 022): under 077 everything is owner-only anyway.
     */
    public static void assumePermissiveUmask(Path scratch) {
        try {
            // Files.createTempFile would make it 0600 whatever the umask; createFile leaves it to the umask.
            Path probe = Files.createFile(scratch.resolve("umask-" + UUID.randomUUID() + ".probe"));
            String mode = mode(probe);
            Files.delete(probe);
            assumeTrue(!mode.endsWith("------"), "the umask already makes new files owner-only (" + mode + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
