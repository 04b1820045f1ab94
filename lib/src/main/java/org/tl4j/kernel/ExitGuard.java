package org.tl4j.kernel;

import org.tl4j.course.Messages;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.security.Permission;
import java.util.concurrent.ForkJoinPool;

/**
 * Keeps a notebook cell from stopping the kernel with System.exit or Runtime.halt: the call fails
 * with an error that says why, and the notebook's state survives. Exits from the kernel itself
 * (shutdown) pass. Java offers this hook (a SecurityManager) up to Java 23, with
 * -Djava.security.manager=allow from Java 18 on (kernel/launch.py sets it); from Java 24 on there is
 * none, and {@link ExitNote} tells the restarted kernel why it ended instead.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {
    private static final Messages TEXT = Messages.of(ExitGuard.class);
    /** The last Java with a Security Manager. */
    static final int LAST_GUARDED_JAVA = 23;

    private ExitGuard() {
    }

    /** Installs the guard where this Java can; returns whether it did. */
    static boolean install() {
        if (Runtime.version().feature() > LAST_GUARDED_JAVA) {
            return false;
        }
        // the common pool picks its thread factory when created: create it before a guard exists
        ForkJoinPool.commonPool();
        try {
            setQuietly(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            System.err.println(TEXT.get("ExitGuard.cannotGuard", e.getMessage()));
            return false;
        }
    }

    /**
     * Java 17-23 print on the terminal, at every start, that setSecurityManager is deprecated and should be
     * reported to the maintainers of this class: we know (kernel/README.md), and a student cannot act on it.
     * The JDK prints it to System's initial error stream, which kernel/launch.py opens
     * (--add-opens java.base/java.lang) so that it can be held back for this one call.
     */
    private static void setQuietly(SecurityManager guard) {
        Field initialErr = null;
        Object saved = null;
        try {
            initialErr = System.class.getDeclaredField("initialErrStream");
            initialErr.setAccessible(true);
            saved = initialErr.get(null);
            initialErr.set(null, new PrintStream(OutputStream.nullOutputStream()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            initialErr = null; // not opened: the JDK's warning shows, nothing else changes
        }
        try {
            System.setSecurityManager(guard);
        } finally {
            if (initialErr != null) {
                try {
                    initialErr.set(null, saved);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public void checkExit(int status) {
        if (ExitNote.calledFromACell(Thread.currentThread().getStackTrace())) {
            throw new SecurityException(TEXT.get("ExitGuard.exitBlocked", status));
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything else is allowed, as without a guard
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // everything else is allowed, as without a guard
    }
}
