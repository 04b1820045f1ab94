package org.tl4j.kernel;

import org.tl4j.course.Messages;

import jdk.jshell.JShell;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops the code of an interrupted cell that ignores the interrupt. JJava answers an interrupt at once
 * (the cell shows "Execution interrupted") but only asks the cell's thread to stop: code that never
 * checks, such as {@code while (true) { }}, goes on behind the next cells, keeping a core busy and
 * changing the notebook's variables. This watchdog stops such a thread once it has ignored the
 * interrupt for {@link #GRACE_SECONDS}, with Thread.stop, which Java 17 to 19 still have; on a newer
 * Java it can only say so. Either way the next cell run says what happened, on its standard output:
 * nbgrader gives no points to a graded cell that prints on the error stream.
 */
final class RunawayCellStopper implements Runnable {
    private static final Messages TEXT = Messages.of(RunawayCellStopper.class);
    static final int GRACE_SECONDS = 3;
    /** Java 20 made Thread.stop throw. */
    static final boolean CAN_STOP = Runtime.version().feature() < 20;
    private static final long POLL_MILLIS = 500;
    private static final String EXECUTION_CONTROL = "org.dflib.jjava.kernel.execution.JJavaExecutionControl";

    private final String cellThreads;
    private final Map<Thread, Long> ignoringSince = new HashMap<>();
    private final AtomicReference<String> note = new AtomicReference<>();

    private RunawayCellStopper(String cellThreads) {
        this.cellThreads = cellThreads;
    }

    /** Starts the watchdog; what it did is printed under the next cell the shell runs. */
    static void start(JShell shell) {
        RunawayCellStopper stopper = new RunawayCellStopper(cellThreadPrefix());
        shell.onSnippetEvent(event -> {
            String said = stopper.note.getAndSet(null);
            if (said != null) {
                System.out.println(said);
            }
        });
        Thread t = new Thread(stopper, "tl4j-runaway-cell-stopper");
        t.setDaemon(true);
        t.start();
    }

    /** The name JJava gives the threads that run cells, or "" (every thread) if this JJava hides it. */
    private static String cellThreadPrefix() {
        try {
            var field = Class.forName(EXECUTION_CONTROL).getDeclaredField("THREAD_NAME_PREFIX");
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public void run() {
        while (true) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            check(System.nanoTime());
        }
    }

    private void check(long now) {
        ignoringSince.keySet().removeIf(t -> !t.isAlive() || !t.isInterrupted());
        for (Thread t : liveThreads()) {
            if (t.isInterrupted() && t.getName().startsWith(cellThreads)
                    && ExitNote.calledFromACell(t.getStackTrace())) {
                long since = ignoringSince.computeIfAbsent(t, k -> now);
                if (now - since >= TimeUnit.SECONDS.toNanos(GRACE_SECONDS)) {
                    stop(t);
                    ignoringSince.put(t, now);  // caught and looping again: stopped again after the grace
                }
            }
        }
    }

    @SuppressWarnings("removal")
    private void stop(Thread t) {
        if (CAN_STOP) {
            t.stop();
            note.set(TEXT.get("RunawayCellStopper.stopped", GRACE_SECONDS));
        } else {
            note.set(TEXT.get("RunawayCellStopper.cannotStop", Runtime.version().feature()));
        }
    }

    private static Thread[] liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        return Arrays.copyOf(threads, n);
    }
}
