package org.opensspr.server.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * The master key file: 32 random bytes, readable by the server's user only. Created atomically
 * (written to a private temporary file, then moved into place) so a crash or a second server
 * starting at the same moment never leaves a half-written key.
 */
final class SecretKeyFile {
    static final String FILE_NAME = "secret.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecretKeyFile() {
    }

    static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Can't read or create the secret key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[SecretBox.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        boolean posix = isPosix(file.toAbsolutePath().getParent());
        Path temporary = posix
                ? Files.createTempFile(file.toAbsolutePath().getParent(), ".secret", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(file.toAbsolutePath().getParent(), ".secret", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(key));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException anotherServerWon) {
            // Someone created it meanwhile; theirs is the key.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("The secret key " + file + " is not a regular file; refusing to start.");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                throw new IllegalStateException("The secret key " + file + " is accessible to other users (mode "
                        + PosixFilePermissions.toString(permissions) + "); refusing to start. Restrict it with: chmod 600 "
                        + file);
            }
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != SecretBox.KEY_BYTES) {
            throw new IllegalStateException("The secret key " + file + " must hold exactly " + SecretBox.KEY_BYTES
                    + " bytes but holds " + key.length + "; refusing to start.");
        }
        return key;
    }

    private static boolean isPosix(Path directory) {
        return Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null;
    }
}
