package org.opensspr.server.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files only the server's own account may read: directories 0700, files 0600. Java can't set the
 * process umask, so what the server writes is owner-only from the moment it exists (created with those
 * permissions, or written to a private temporary file and moved into place, so no reader ever sees a
 * half-written or world-readable secret); {@link #tightenAll} narrows what an earlier version or
 * another program left open. On file systems without POSIX permissions the operating system's
 * defaults apply.
 */
public final class OwnerOnlyFiles {
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);

    private OwnerOnlyFiles() {
    }

    /** Creates the directory (missing parents too, owner-only) if needed and makes it owner-only. */
    public static void directory(Path directory) throws IOException {
        // Checked first: creating a directory that exists fails inside the JDK (two exceptions per call).
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, attributes(directory, DIRECTORY));
        }
        if (posix(directory)) {
            Files.setPosixFilePermissions(directory, DIRECTORY);
        }
    }

    /**
     * Creates {@code file} empty and owner-only, with any missing parent directory; an existing file
     * is left as it is. True when it was created.
     */
    public static boolean createFile(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent(), attributes(absolute, DIRECTORY));
        try {
            Files.createFile(absolute, attributes(absolute, FILE));
            return true;
        } catch (FileAlreadyExistsException exists) {
            return false;
        }
    }

    /** Writes {@code content} to a new owner-only file beside {@code target}; move it in place with {@link #publish}. */
    public static Path writeTemporary(Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp",
                attributes(target, FILE));
        try {
            Files.write(temporary, content);
            return temporary;
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    public static void publish(Path temporary, Path target) throws IOException {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Takes group and others' permissions off a file the server wrote earlier if someone widened it. */
    public static void tighten(Path file) throws IOException {
        if (narrow(file)) {
            LOG.warn("{} was open to other users; only the server's account may use it now", file);
        }
    }

    /**
     * Takes group and others' permissions off {@code root} and everything under it; returns how many
     * files and directories that changed. Symbolic links are left alone (changing one would change
     * its target, which may be anything), and so is a file that vanishes meanwhile.
     */
    public static int tightenAll(Path root) throws IOException {
        if (!posix(root) || !Files.isDirectory(root)) {
            return 0;
        }
        int[] narrowed = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                return visitFile(directory, attributes);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!attributes.isSymbolicLink() && narrow(file)) {
                    narrowed[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        if (narrowed[0] > 0) {
            LOG.warn("{} file(s) or directories in {} were open to other users; only the server's account may use"
                    + " them now", narrowed[0], root);
        }
        return narrowed[0];
    }

    private static boolean narrow(Path path) throws IOException {
        if (!posix(path)) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (!permissions.removeAll(GROUP_AND_OTHERS)) {
                return false;
            }
            Files.setPosixFilePermissions(path, permissions);
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
