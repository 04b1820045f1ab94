package org.tl4j.backend;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the numerical engine runs on: which ND4J native build is loaded, whether DL4J's oneDNN
 * layer helpers are active, and the memory limits of this JVM.
 */
public final class Backend {
    /** DL4J creates layer helpers (oneDNN, cuDNN) only when this property is "false". */
    public static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private Backend() {
    }

    /** ND4J reads its buffer factory from this property (system properties override its defaults). */
    public static final String BUFFER_FACTORY_PROPERTY = "databufferfactory";

    /**
     * Sets the engine up for the course, unless the user chose otherwise: DL4J may use its oneDNN
     * helpers, and ND4J allocations are checked against the memory limits. Call before ND4J starts.
     */
    public static void configure() {
        if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
            System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
        }
        if (System.getProperty(BUFFER_FACTORY_PROPERTY) == null && "CPU".equals(System.getProperty("tl4j.backend", "CPU"))) {
            System.setProperty(BUFFER_FACTORY_PROPERTY, GuardedDataBufferFactory.class.getName());
        }
    }

    /** True when ND4J allocations go through {@link GuardedDataBufferFactory}. */
    public static boolean allocationsGuarded() {
        return Nd4j.getDataBufferFactory() instanceof GuardedDataBufferFactory;
    }

    /** True when DL4J will create oneDNN helpers for convolution, pooling and batch normalisation. */
    public static boolean helpersActive() {
        return "CPU".equals(name()) && !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE_PROPERTY, "true"))
                && BaseMKLDNNHelper.mklDnnEnabled();
    }

    /** The name of the ND4J backend: "CPU" or "CUDA". */
    public static String name() {
        return Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "unknown");
    }

    /** The platform build of the loaded ND4J natives, e.g. "linux-x86_64-onednn-avx2". */
    public static String nativeBuild() {
        Nd4j.getExecutioner(); // make sure the natives are loaded
        for (Map.Entry<String, String> lib : Loader.getLoadedLibraries().entrySet()) {
            String path = lib.getValue();
            if (path != null && path.contains("jnind4j")) {
                String[] parts = path.replace('\\', '/').split("/");
                return parts.length >= 2 ? parts[parts.length - 2] : path;
            }
        }
        return "unknown";
    }

    /** A table that says what the engine runs on; the welcome notebook shows it. */
    public static Table describe() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        StringColumn what = StringColumn.create("what");
        StringColumn value = StringColumn.create("value");
        add(what, value, "ND4J backend", "CUDA".equals(name()) ? "CUDA (GPU)" : name());
        add(what, value, "device", device(env));
        add(what, value, "device memory", deviceMemory(env));
        add(what, value, "native build", nativeBuild());
        if ("CUDA".equals(name())) {
            add(what, value, "GPU support", gpuSupport(env));
        } else {
            add(what, value, "oneDNN layer helpers", helpersActive() ? "active" : "off");
            add(what, value, "OpenMP threads between ops", threadWait(System.getenv("OMP_WAIT_POLICY")));
        }
        add(what, value, "threads", String.valueOf(env.getOrDefault("omp.threads", "?")));
        add(what, value, "allocation guard", allocationsGuarded() ? "on" : "off");
        add(what, value, "heap limit (-Xmx)", Memory.format(Runtime.getRuntime().maxMemory()));
        add(what, value, "off-heap limit (maxbytes)", Memory.format(Pointer.maxBytes()));
        add(what, value, "process limit (maxphysicalbytes)", Memory.format(Pointer.maxPhysicalBytes()));
        add(what, value, "Java", System.getProperty("java.version"));
        add(what, value, "System.exit in a cell", exitInACell());
        return Table.create("Backend", what, value);
    }

    /** What a cell's System.exit does: the course's kernel blocks it where Java still can (up to 23). */
    @SuppressWarnings("removal")
    static String exitInACell() {
        if (System.getSecurityManager() != null) {
            return "blocked (the kernel goes on)";
        }
        return Runtime.version().feature() >= 24
                ? "ends the kernel: Java 24+ cannot block it (the restarted kernel says why)"
                : "ends the JVM (outside the course's kernel)";
    }

    /** The processor, or the GPUs with their compute capability. */
    static String device(Properties env) {
        List<String> gpus = new ArrayList<>();
        for (Map<?, ?> gpu : gpus(env)) {
            gpus.add(gpu.get("cuda.deviceName") + " (compute capability " + gpu.get("cuda.deviceMajor") + "."
                    + gpu.get("cuda.deviceMinor") + ")");
        }
        if (!gpus.isEmpty()) {
            return String.join(", ", gpus);
        }
        try {
            return new oshi.SystemInfo().getHardware().getProcessor().getName().trim() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (RuntimeException | LinkageError e) {
            return Runtime.getRuntime().availableProcessors() + " cores";
        }
    }

    static String deviceMemory(Properties env) {
        List<String> parts = new ArrayList<>();
        for (Map<?, ?> gpu : gpus(env)) {
            parts.add(Memory.format(number(gpu.get("cuda.totalMemory"))) + " total, "
                    + Memory.format(number(gpu.get("cuda.freeMemory"))) + " free");
        }
        if (parts.isEmpty()) {
            try {
                oshi.hardware.GlobalMemory ram = new oshi.SystemInfo().getHardware().getMemory();
                parts.add(Memory.format(ram.getTotal()) + " RAM, " + Memory.format(ram.getAvailable()) + " available");
            } catch (RuntimeException | LinkageError e) {
                parts.add("RAM size unknown");
            }
        }
        return String.join("; ", parts);
    }

    /** What OpenMP threads do between two operations: sleep (PASSIVE, the course's setting) or spin. */
    static String threadWait(String policy) {
        return policy == null ? "spin (OMP_WAIT_POLICY unset)"
                : ("PASSIVE".equalsIgnoreCase(policy) ? "sleep" : "spin") + " (OMP_WAIT_POLICY=" + policy + ")";
    }

    /** Whether ND4J 1.0.0-M2.1's CUDA build has code for every GPU found (kernel/README.md). */
    static String gpuSupport(Properties env) {
        List<String> out = new ArrayList<>();
        for (Map<?, ?> gpu : gpus(env)) {
            out.add(CudaSupport.verdict((int) number(gpu.get("cuda.deviceMajor")), (int) number(gpu.get("cuda.deviceMinor"))));
        }
        return out.isEmpty() ? "no GPU found" : String.join("; ", out);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> gpus(Properties env) {
        Object o = env.get("cuda.devicesInformation");
        return o instanceof List ? (List<Map<?, ?>>) o : List.of();
    }

    private static long number(Object o) {
        return o instanceof Number ? ((Number) o).longValue() : o == null ? 0 : Long.parseLong(o.toString().trim());
    }

    /** One line for logs and banners. */
    public static String summary() {
        return name() + " backend, natives " + nativeBuild() + ", oneDNN helpers "
                + (helpersActive() ? "active" : "off");
    }

    private static void add(StringColumn what, StringColumn value, String w, String v) {
        what.append(w);
        value.append(v);
    }
}
