package org.tl4j.data;

/** A data set file is missing or damaged; the message names the command that fixes it. */
public class DatasetException extends RuntimeException {
    public static final String FIX = "Run `make datasets` in the course folder to fetch, check and rebuild it.";

    public DatasetException(String message) {
        super(message + "\n" + FIX);
    }

    public DatasetException(String message, Throwable cause) {
        super(message + "\n" + FIX, cause);
    }
}
