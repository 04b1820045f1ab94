package org.tl4j.kernel;

import java.security.Permission;
import java.util.concurrent.ForkJoinPool;

/**
 * Keeps a notebook cell from stopping the kernel with System.exit or Runtime.halt: the call fails
 * with an error that says why, and the notebook's state survives. Exits from the kernel itself
 * (shutdown) pass. Java offers this hook (a SecurityManager) up to Java 23, with
 * -Djava.security.manager=allow from Java 18 on; the kernel install sets that option.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {
    /** JShell compiles every cell into classes of this package. */
    private static final String NOTEBOOK_CODE = "REPL.";

    private ExitGuard() {
    }

    static void install() {
        // the common pool picks its thread factory when created: create it before a guard exists
        ForkJoinPool.commonPool();
        try {
            System.setSecurityManager(new ExitGuard());
        } catch (UnsupportedOperationException | SecurityException e) {
            System.err.println("tl4j: this Java cannot guard the kernel against System.exit in a cell ("
                    + e.getMessage() + "); such a cell will stop the kernel.");
        }
    }

    @Override
    public void checkExit(int status) {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            if (frame.getClassName().startsWith(NOTEBOOK_CODE)) {
                throw new SecurityException("Exiting the JVM (System.exit or Runtime.halt, status " + status + ") is blocked: it would stop the kernel and lose "
                        + "every variable of the notebook. To end a computation early, return from it or throw an exception.");
            }
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
