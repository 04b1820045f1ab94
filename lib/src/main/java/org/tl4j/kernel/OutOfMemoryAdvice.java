package org.tl4j.kernel;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import org.tl4j.backend.Memory;

/**
 * When a cell fails with OutOfMemoryError, prints which limit was hit and how to raise it, just
 * above the error. It listens to the kernel's JShell.
 */
final class OutOfMemoryAdvice {
    private OutOfMemoryAdvice() {
    }

    static void attach(JShell shell) {
        shell.onSnippetEvent(event -> {
            if (event.exception() instanceof EvalException) {
                EvalException e = (EvalException) event.exception();
                if (isOutOfMemory(e)) {
                    System.err.println(Memory.adviceFor(messageChain(e)));
                }
            }
        });
    }

    static boolean isOutOfMemory(EvalException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String cls = t instanceof EvalException ? ((EvalException) t).getExceptionClassName() : t.getClass().getName();
            if ("java.lang.OutOfMemoryError".equals(cls)) {
                return true;
            }
        }
        return false;
    }

    private static String messageChain(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            s.append(t.getMessage()).append('\n');
        }
        return s.toString();
    }
}
