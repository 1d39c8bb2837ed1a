package org.opensspr.server.writeback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A loopback address (127.0.0.2 to 127.0.0.254) that this JVM alone uses for a domain controller.
 * Samba's LDAP port can't be chosen, so two test JVMs (surefire's forkCount) separate their DCs by
 * address instead: all of 127/8 reaches the local host. A lock file per address, held until the JVM
 * exits (the OS releases it even on a crash), keeps two JVMs from taking the same one; a bind probe
 * skips an address something else already listens on.
 */
final class LoopbackAddressLease {
    private static final Path LOCK_FOLDER = Path.of(System.getProperty("java.io.tmpdir"));

    private final String address;
    private final FileLock lock;

    private LoopbackAddressLease(String address, FileLock lock) {
        this.address = address;
        this.lock = lock;
    }

    String address() {
        return address;
    }

    /** The first free address whose every port in {@code ports} can be bound now. */
    static LoopbackAddressLease take(int... ports) throws IOException {
        for (int last = 2; last < 255; last++) {
            String address = "127.0.0." + last;
            FileChannel channel = FileChannel.open(LOCK_FOLDER.resolve("opensspr-samba-dc-" + address + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null && portsFree(address, ports)) {
                return new LoopbackAddressLease(address, lock);
            }
            if (lock != null) {
                lock.release();
            }
            channel.close();
        }
        throw new IOException("No loopback address from 127.0.0.2 to 127.0.0.254 is free for a domain controller");
    }

    void release() {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            // the lock goes with the JVM anyway
        }
    }

    private static boolean portsFree(String address, int... ports) {
        for (int port : ports) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
