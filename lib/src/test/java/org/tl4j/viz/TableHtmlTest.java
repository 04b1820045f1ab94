package org.tl4j.viz;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableHtmlTest {
    private static Table numbers(int rows) {
        return Table.create("numbers", IntColumn.create("n", IntStream.range(0, rows).toArray()));
    }

    @Test
    void shortTableShowsEveryRow() {
        String html = TableHtml.html(numbers(5));
        assertEquals(5, count(html, "<tr><td"), html);
        assertTrue(html.contains("<caption"), html);
        assertFalse(html.contains("rows \u00d7"), html);
    }

    @Test
    void longTableShowsHeadTailAndRowCount() {
        String html = TableHtml.html(numbers(1000));
        assertEquals(TableHtml.HEAD + TableHtml.TAIL, count(html, "<td style=\"text-align:right\">"), html);
        assertTrue(html.contains(">0<") && html.contains(">9<") && html.contains(">999<"), html);
        assertFalse(html.contains(">500<"), html);
        assertTrue(html.contains("1000 rows \u00d7 1 columns"), html);
        assertTrue(TableHtml.text(numbers(1000)).contains("1000 rows"));
    }

    @Test
    void roundedPrintsDecimalsWithoutChangingData() {
        Table t = Table.create("d", tech.tablesaw.api.DoubleColumn.create("x", 1.23456789, 2.0));
        Table r = TableHtml.rounded(t, 2);
        assertTrue(TableHtml.html(r).contains(">1.23<"), TableHtml.html(r));
        assertEquals(1.23456789, r.doubleColumn("x").get(0));
        assertTrue(TableHtml.html(t).contains("1.23456789"));
    }

    @Test
    void cellsAreEscaped() {
        Table t = Table.create("t", StringColumn.create("s", "<script>alert(1)</script>"));
        String html = TableHtml.html(t);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
