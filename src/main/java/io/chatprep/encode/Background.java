package io.chatprep.encode;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Work a run starts aside and waits for later (a tokenizer's loading, a run's preparation), on daemon threads of
 * its own so that it never keeps a JVM alive or waits for a pool, and whose failures reach the waiter as the work's
 * own exception.
 */
public final class Background {
    private Background() {
    }

    /** Runs each task on a new daemon thread named {@code name}. */
    public static Executor threads(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }

    /** {@code work} started on a new daemon thread named {@code name}. */
    public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, threads(name));
    }

    /**
     * The value, waiting for it; the work's own exception rather than the future's wrapper, and for a future given
     * up an {@link IllegalStateException} saying {@code givenUp}.
     */
    public static <T> T joined(CompletableFuture<T> future, String givenUp) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (CancellationException e) {
            throw new IllegalStateException(givenUp, e);
        }
    }
}
