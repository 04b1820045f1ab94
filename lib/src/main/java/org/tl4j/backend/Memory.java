package org.tl4j.backend;

import org.bytedeco.javacpp.Pointer;

/** Memory limits of the kernel and the advice a student needs when one is hit. */
public final class Memory {
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
            return "tl4j: no new thread could start: the limit on processes and threads was reached\n"
                    + "  (this machine's, or the grader's). It is not a memory problem: stop the threads or\n"
                    + "  processes this notebook started, or restart the kernel.";
        }
        StringBuilder s = new StringBuilder();
        if (offHeap) {
            s.append("tl4j: ND4J ran out of off-heap memory (arrays live outside the Java heap).\n")
                    .append("  off-heap limit (org.bytedeco.javacpp.maxbytes): ").append(format(Pointer.maxBytes())).append('\n')
                    .append("  process limit (org.bytedeco.javacpp.maxphysicalbytes): ").append(format(Pointer.maxPhysicalBytes())).append('\n')
                    .append("  Use smaller arrays or batches, or raise the limit: make lab OFFHEAP=12g\n");
        } else {
            s.append("tl4j: the Java heap is full.\n")
                    .append("  heap limit (-Xmx): ").append(format(Runtime.getRuntime().maxMemory())).append('\n')
                    .append("  Use smaller arrays or samples, or raise the limit: make lab HEAP=8g\n");
        }
        s.append("  (or edit the JVM options in the \"Java (tl4j)\" kernel.json; see kernel/README.md),\n")
                .append("  then restart the kernel. The kernel is still usable: run the next cell.");
        return s.toString();
    }
}
