package org.tl4j.kernel;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.tl4j.backend.Memory;

/**
 * When a cell fails with OutOfMemoryError, prints which limit was hit and how to raise it, just
 * above the error. It listens to the kernel's JShell, which JJava exposes as getJShell().
 */
final class OutOfMemoryAdvice {
    private OutOfMemoryAdvice() {
    }

    static void attach(BaseKernel kernel) {
        JShell shell;
        try {
            shell = (JShell) kernel.getClass().getMethod("getJShell").invoke(kernel);
        } catch (ReflectiveOperationException | ClassCastException e) {
            System.err.println("tl4j: this kernel does not expose JShell; out-of-memory errors will come without advice.");
            return;
        }
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
