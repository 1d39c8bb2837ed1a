package org.opensspr.server.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only the server's own account may read: directories 0700, files 0600 from the moment they
 * exist (written to a private temporary file, then moved into place, so no reader ever sees a
 * half-written or world-readable secret). On file systems without POSIX permissions the operating
 * system's defaults apply.
 */
final class OwnerOnlyFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);

    private OwnerOnlyFiles() {
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory (and parents) if needed and makes it owner-only. */
    static void directory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (posix()) {
            Files.setPosixFilePermissions(directory, DIRECTORY);
        }
    }

    /** Writes {@code content} to a new owner-only file beside {@code target}; move it in place with {@link #publish}. */
    static Path writeTemporary(Path target, byte[] content) throws IOException {
        Path temporary = posix()
                ? Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            Files.write(temporary, content);
            return temporary;
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    static void publish(Path temporary, Path target) throws IOException {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Narrows a file the server wrote earlier back to 0600 if someone widened it. */
    static void tighten(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(FILE)) {
            LOG.warn("{} was readable by others; its permissions are now 0600", file);
            Files.setPosixFilePermissions(file, FILE);
        }
    }
}
