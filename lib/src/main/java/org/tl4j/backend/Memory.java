package org.tl4j.backend;

import org.bytedeco.javacpp.Pointer;
import org.tl4j.course.Messages;

/** Memory limits of the kernel and the advice a student needs when one is hit. */
public final class Memory {
    private static final Messages TEXT = Messages.of(Memory.class);
    private Memory() {
    }

    /** Bytes as a short human figure: "512 MB", "4.0 GB". */
    public static String format(long bytes) {
        if (bytes <= 0) {
            return "no limit";
        }
        if (bytes >= (1L << 30)) {
            return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format("%d MB", bytes >> 20);
    }

    /**
     * Explains an out-of-memory error: which limit was hit and how to raise it.
     *
     * @param message the error's message as the JVM or JavaCPP gave it
     */
    public static String adviceFor(String message) {
        String msg = message == null ? "" : message;
        boolean offHeap = msg.contains("maxBytes") || msg.contains("maxPhysicalBytes")
                || msg.contains("Physical memory") || msg.contains("Cannot allocate");
        if (msg.contains("native thread")) {
            return TEXT.get("Memory.noThread");
        }
        String limit = offHeap
                ? TEXT.get("Memory.offHeap", format(Pointer.maxBytes()), format(Pointer.maxPhysicalBytes()))
                : TEXT.get("Memory.heapFull", format(Runtime.getRuntime().maxMemory()));
        return limit + TEXT.get("Memory.restart");
    }
}
