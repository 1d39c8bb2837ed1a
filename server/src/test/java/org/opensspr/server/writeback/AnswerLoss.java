package org.opensspr.server.writeback;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Loses the directory's answer to a modify (or an extended operation, OpenLDAP's reset) it has already applied: the reply is held back until the
 * client gave up waiting, or the connection is dropped instead of replying. This is the window in
 * which the server cannot know whether the directory changed.
 */
final class AnswerLoss extends InMemoryOperationInterceptor {
    enum Mode { NONE, HOLD_REPLY, DROP_CONNECTION }

    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Mode mode = Mode.NONE;
    private volatile InMemoryDirectoryServer server;

    void attach(InMemoryDirectoryServer directory) {
        this.server = directory;
    }

    void loseNextAnswers(Mode lossMode) {
        this.mode = lossMode;
    }

    /** Lets held replies go (after the client has timed out). */
    void release() {
        release.countDown();
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
        loseAnswer();
    }

    @Override
    public void processExtendedResult(InMemoryInterceptedExtendedResult result) {
        loseAnswer();
    }

    private void loseAnswer() {
        switch (mode) {
            case NONE -> {
            }
            case HOLD_REPLY -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case DROP_CONNECTION -> server.closeAllConnections(false);
        }
    }
}
