package org.tl4j.kernel;

import jdk.jshell.JShell;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tl4j.backend.Backend;
import org.tl4j.course.Messages;
import org.tl4j.viz.ChartImages;
import org.tl4j.train.History;
import org.tl4j.train.Trainer;
import org.tl4j.viz.Live;
import org.tl4j.viz.LiveTraining;
import org.tl4j.viz.Rendition;
import org.tl4j.viz.Show;
import org.tl4j.viz.Visual;
import tech.tablesaw.api.Table;

import java.util.Map;

/**
 * Plugs the course into the JJava kernel (found through the Extension service file when the
 * library is on JJAVA_CLASSPATH): renderers for charts, tables, arrays, networks and the course's
 * own visuals; live output in place; advice on out-of-memory errors; a guard against System.exit in a
 * cell (or, on Java 24+, a note after the restart it causes); no declaration that hides a package
 * (a variable named org would stand in for org.tl4j.grading in a graded cell); interrupted code that
 * ignores the interrupt is stopped; the course's imports.
 *
 * <p>Uses only the kernel API that is binary-compatible from jjava 1.0-a6 to the pinned 1.0a8:
 * Extension.install, Renderer registrations, MIMEType, DisplayData put* methods, BaseKernel.eval
 * and display, and DisplayStream.updateDisplay (tests/test_kernel_api.py checks this).
 */
public final class Tl4jExtension implements Extension {
    private static final Messages TEXT = Messages.of(Tl4jExtension.class);
    private static volatile boolean installed;

    /** True once the extension runs inside a kernel. */
    public static boolean installed() {
        return installed;
    }

    @Override
    public void install(BaseKernel kernel) {
        Backend.configure();
        registerRenderers(kernel.getRenderer());
        Live.useScreen(new NotebookScreen(kernel));
        Trainer.showWith(new LiveTraining());
        if (!ExitGuard.install()) {
            ExitNote.watch();
        }
        kernel.eval(CourseImports.statements());
        JShell shell = jshell(kernel);
        if (shell != null) {
            OutOfMemoryAdvice.attach(shell);
            PackageNameGuard.attach(shell);
            ExitNote.reportPrevious(shell);
            RunawayCellStopper.start(shell);
        }
        installed = true;
    }

    /** The kernel's JShell, which JJava exposes as getJShell(); null (with a note) where it does not. */
    private static JShell jshell(BaseKernel kernel) {
        try {
            return (JShell) kernel.getClass().getMethod("getJShell").invoke(kernel);
        } catch (ReflectiveOperationException | ClassCastException e) {
            System.err.println(TEXT.get("Tl4jExtension.noJShell"));
            return null;
        }
    }

    static void registerRenderers(Renderer renderer) {
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_SVG)
                .register(Tl4jExtension::renderChart);
        register(renderer, Visual.class);
        register(renderer, Table.class);
        register(renderer, INDArray.class);
        register(renderer, MultiLayerNetwork.class);
        register(renderer, ComputationGraph.class);
        register(renderer, History.class);
    }

    private static <T> void register(Renderer renderer, Class<T> type) {
        renderer.createRegistration(type)
                .preferring(MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG)
                .register((o, ctx) -> put(Show.rendition(o), ctx));
    }

    private static void renderChart(Chart<?, ?> chart, RenderContext ctx) {
        if (ctx.wantsDataRenderedAs(MIMEType.IMAGE_SVG) && !ctx.wantsDataRenderedAs(MIMEType.IMAGE_PNG)) {
            ctx.renderIfRequested(MIMEType.IMAGE_SVG, () -> ChartImages.svg(chart));
            ctx.getOutputContainer().putText(Show.rendition(chart).text());
            return;
        }
        put(ChartImages.rendition(chart), ctx);
    }

    /** Copies a rendition into the kernel's display data. */
    static void put(Rendition r, RenderContext ctx) {
        if (r.png() != null) {
            ctx.renderIfRequested(MIMEType.IMAGE_PNG, r::pngBase64);
            ctx.getOutputContainer().putMetaData(MIMEType.IMAGE_PNG, Map.of("width", r.pngWidth(), "height", r.pngHeight()));
        }
        if (r.html() != null) {
            ctx.renderIfRequested(MIMEType.TEXT_HTML, r::html);
        }
        if (r.svg() != null) {
            ctx.renderIfRequested(MIMEType.IMAGE_SVG, r::svg);
        }
        if (r.data() != null) {
            ctx.getOutputContainer().putData(Rendition.DATA_MIME, r.data());
        }
        ctx.getOutputContainer().putText(r.text());
    }
}
