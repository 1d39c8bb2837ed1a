package org.opensspr.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Sends one request per item, each on its own thread, all released at the same instant; answers in item order. */
final class AllAtOnce {
    private AllAtOnce() {
    }

    static <T, R> List<R> run(List<T> items, Function<T, R> request) throws InterruptedException, ExecutionException {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(items.size())) {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(threads.submit(() -> {
                    go.await();
                    return request.apply(item);
                }));
            }
            go.countDown();
            List<R> answers = new ArrayList<>();
            for (Future<R> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }
}
