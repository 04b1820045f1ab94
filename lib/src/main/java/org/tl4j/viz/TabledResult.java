package org.tl4j.viz;

import tech.tablesaw.api.Table;

import java.util.Map;

/**
 * An experiment's result that shows as its table, with its numbers as data beside it (for tests and tools),
 * and prints as the table's text.
 */
public abstract class TabledResult implements Visual {

    /** The result as a table, for people. */
    public abstract Table table();

    /** The result's numbers, for programs: maps, lists, strings and numbers. */
    public abstract Map<String, Object> data();

    @Override
    public Rendition render() {
        return TableHtml.rendition(table()).withData(data());
    }

    @Override
    public String toString() {
        return TableHtml.text(table());
    }
}
