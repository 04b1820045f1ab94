package org.tl4j.kernel;

import org.tl4j.course.Messages;

import jdk.jshell.JShell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * On a Java without a Security Manager (24+) a cell's System.exit ends the kernel. A shutdown hook
 * notes it beside the kernel's connection file (Jupyter restarts a kernel with the same file), and the
 * restarted kernel prints the note under the first cell it runs.
 */
final class ExitNote {
    private static final Messages TEXT = Messages.of(ExitNote.class);
    /** The connection file, which kernel/launch.py passes to the JVM. */
    static final String CONNECTION_FILE_PROPERTY = "tl4j.connection.file";
    /** JShell compiles every cell into classes of this package. */
    private static final String NOTEBOOK_CODE = "REPL.";

    private ExitNote() {
    }

    /** True when a stack holds notebook code. */
    static boolean calledFromACell(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith(NOTEBOOK_CODE));
    }

    /** True when a stack is a System.exit called by notebook code. */
    static boolean exitFromACell(StackTraceElement[] stack) {
        boolean exiting = Arrays.stream(stack)
                .anyMatch(f -> "java.lang.Shutdown".equals(f.getClassName()) && "exit".equals(f.getMethodName()));
        return exiting && calledFromACell(stack);
    }

    static Path noteFile() {
        String connection = System.getProperty(CONNECTION_FILE_PROPERTY);
        return connection == null || connection.isBlank() ? null : Paths.get(connection + ".tl4j-exit");
    }

    /** From now on, a cell's System.exit leaves a note for the next kernel on the same connection. */
    static void watch() {
        Path note = noteFile();
        if (note != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> noteExitFromACell(note), "tl4j-exit-note"));
        }
    }

    private static void noteExitFromACell(Path note) {
        for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            if (exitFromACell(t.getValue())) {
                try {
                    Files.writeString(note, "System.exit");
                } catch (IOException e) {
                    // the kernel is ending: nowhere left to say it
                }
                return;
            }
        }
    }

    /** The text a restarted kernel shows when its predecessor was ended by a cell. */
    static String message() {
        return TEXT.get("ExitNote.restarted", Runtime.version().feature());
    }

    /** If the previous kernel on this connection was ended by a cell, says so under the next cell run. */
    static void reportPrevious(JShell shell) {
        Path note = noteFile();
        if (note == null || !Files.exists(note)) {
            return;
        }
        try {
            Files.delete(note);
        } catch (IOException e) {
            return;
        }
        AtomicBoolean shown = new AtomicBoolean();
        shell.onSnippetEvent(event -> {
            if (shown.compareAndSet(false, true)) {
                System.err.println(message());
            }
        });
    }
}
