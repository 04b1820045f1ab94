package org.tl4j.viz;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Tablesaw tables as HTML, long ones cut to their head and tail with a row count. */
public final class TableHtml {
    /** Tables longer than this show only the first {@link #HEAD} and last {@link #TAIL} rows. */
    public static final int MAX_ROWS = 20;
    public static final int HEAD = 10;
    public static final int TAIL = 5;

    private TableHtml() {
    }

    /** The same table with every decimal column printed to this many decimals (the data is not changed). */
    public static Table rounded(Table table, int decimals) {
        Table copy = table.copy();
        for (tech.tablesaw.columns.Column<?> c : copy.columns()) {
            if (c instanceof tech.tablesaw.api.DoubleColumn) {
                ((tech.tablesaw.api.DoubleColumn) c).setPrintFormatter(
                        tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(decimals));
            }
        }
        return copy;
    }

    public static Rendition rendition(Table table) {
        return Rendition.text(text(table)).withHtml(html(table));
    }

    public static String text(Table table) {
        if (table.rowCount() <= MAX_ROWS) {
            return table.printAll();
        }
        Table shown = table.first(HEAD).append(table.last(TAIL));
        return shown.printAll() + "\n... " + sizeLine(table);
    }

    public static String html(Table table) {
        int rows = table.rowCount();
        boolean cut = rows > MAX_ROWS;
        StringBuilder s = new StringBuilder("<div class=\"tl4j-table\"><table>");
        if (table.name() != null && !table.name().isBlank()) {
            s.append("<caption style=\"text-align:left;font-weight:bold\">").append(escape(table.name())).append("</caption>");
        }
        s.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            s.append("<th>").append(escape(c.name())).append("</th>");
        }
        s.append("</tr></thead><tbody>");
        for (int r = 0; r < rows; r++) {
            if (cut && r == HEAD) {
                s.append("<tr><td colspan=\"").append(table.columnCount()).append("\" style=\"text-align:center\">&#8942;</td></tr>");
                r = rows - TAIL;
            }
            s.append("<tr>");
            for (Column<?> c : table.columns()) {
                boolean numeric = c.type().name().matches("INTEGER|LONG|SHORT|DOUBLE|FLOAT");
                s.append(numeric ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
                        .append(escape(c.getString(r))).append("</td>");
            }
            s.append("</tr>");
        }
        s.append("</tbody></table>");
        if (cut) {
            s.append("<p><em>").append(escape(sizeLine(table))).append("</em></p>");
        }
        return s.append("</div>").toString();
    }

    private static String sizeLine(Table table) {
        return table.rowCount() + " rows \u00d7 " + table.columnCount() + " columns (showing "
                + HEAD + " + " + TAIL + ")";
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
