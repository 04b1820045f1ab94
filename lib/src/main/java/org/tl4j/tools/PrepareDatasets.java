package org.tl4j.tools;

import org.tl4j.data.DatasetException;
import org.tl4j.data.DatasetPreparation;

import java.io.IOException;
import java.nio.file.Paths;

/** `make datasets`: {@code PrepareDatasets <node_modules dir> <checksums file> <cache dir>}. */
public final class PrepareDatasets {
    private PrepareDatasets() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: PrepareDatasets <node_modules dir> <checksums file> <cache dir>");
            System.exit(2);
        }
        try {
            DatasetPreparation.prepare(Paths.get(args[0]), Paths.get(args[1]), Paths.get(args[2]));
        } catch (DatasetException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
