package org.tl4j.backend;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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
        return !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE_PROPERTY, "true"))
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
        add(what, value, "ND4J backend", name());
        add(what, value, "native build", nativeBuild());
        add(what, value, "oneDNN layer helpers", helpersActive() ? "active" : "off");
        add(what, value, "threads", String.valueOf(env.getOrDefault("omp.threads", "?")));
        add(what, value, "allocation guard", allocationsGuarded() ? "on" : "off");
        add(what, value, "heap limit (-Xmx)", Memory.format(Runtime.getRuntime().maxMemory()));
        add(what, value, "off-heap limit (maxbytes)", Memory.format(Pointer.maxBytes()));
        add(what, value, "process limit (maxphysicalbytes)", Memory.format(Pointer.maxPhysicalBytes()));
        add(what, value, "Java", System.getProperty("java.version"));
        return Table.create("Backend", what, value);
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
