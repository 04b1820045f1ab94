package org.tl4j.data;

import org.tl4j.course.Messages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes the IDX format of MNIST (unsigned bytes, big-endian header). */
public final class Idx {
    private static final Messages TEXT = Messages.of(Idx.class);
    private static final int UBYTE = 0x08;

    private Idx() {
    }

    /** An IDX file's dimensions and payload. */
    public record Content(int[] dims, byte[] data) {
    }

    public static Content read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException(TEXT.get("DatasetCache.cannotRead", file, e.getMessage()), e);
        }
        return parse(all, file.toString());
    }

    static Content parse(byte[] all, String what) {
        if (all.length < 4 || all[0] != 0 || all[1] != 0 || (all[2] & 0xff) != UBYTE) {
            throw new DatasetException(TEXT.get("Idx.notIdx", what));
        }
        int rank = all[3] & 0xff;
        ByteBuffer b = ByteBuffer.wrap(all);
        if (rank < 1 || all.length < 4 + 4 * rank) {
            throw new DatasetException(TEXT.get("Idx.damagedHeader", what));
        }
        int[] dims = new int[rank];
        long size = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = b.getInt(4 + 4 * i);
            size *= dims[i];
        }
        int offset = 4 + 4 * rank;
        if (all.length - offset != size) {
            throw new DatasetException(TEXT.get("Idx.truncatedOrPadded", what, size, all.length - offset));
        }
        byte[] data = new byte[(int) size];
        System.arraycopy(all, offset, data, 0, data.length);
        return new Content(dims, data);
    }

    static byte[] encode(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) UBYTE).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }
}
