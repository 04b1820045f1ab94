package org.tl4j.viz;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/** A bar chart of one numeric column of a table against its label column. */
public final class Bars {
    private Bars() {
    }

    public static CategoryChart of(Table table, String labelColumn, String valueColumn) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            labels.add(table.column(labelColumn).getString(r));
            double v = ((Number) table.column(valueColumn).get(r)).doubleValue();
            values.add(Double.isNaN(v) ? 0.0 : v);
        }
        CategoryChart chart = new CategoryChartBuilder().width(640).height(360).title(table.name())
                .xAxisTitle(labelColumn).yAxisTitle(valueColumn).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.addSeries(valueColumn, labels, values);
        return chart;
    }
}
