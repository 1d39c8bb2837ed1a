package org.opensspr.server.api;

import org.opensspr.server.crypto.HashingCapacity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Holds every slot of a server's hashing capacity until closed, as that many requests waiting for a hasher would. */
public final class HashingSlots implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService holders = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> held = new ArrayList<>();

    private HashingSlots() {
    }

    public static HashingSlots takeAll(HashingCapacity capacity) throws InterruptedException {
        HashingSlots taken = new HashingSlots();
        CountDownLatch in = new CountDownLatch(capacity.limit());
        for (int i = 0; i < capacity.limit(); i++) {
            taken.held.add(taken.holders.submit(() -> capacity.admit(() -> {
                in.countDown();
                taken.release.await();
                return null;
            })));
        }
        in.await();
        return taken;
    }

    @Override
    public void close() throws Exception {
        release.countDown();
        for (Future<?> slot : held) {
            slot.get();
        }
        holders.close();
    }
}
