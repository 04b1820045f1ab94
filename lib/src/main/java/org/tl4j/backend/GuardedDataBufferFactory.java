package org.tl4j.backend;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.cpu.nativecpu.buffer.DefaultDataBufferFactory;
import org.tl4j.course.Messages;

/**
 * ND4J's CPU buffer factory with a size check first. ND4J 1.0.0-M2.1 allocates array memory in
 * native code that neither honours JavaCPP's limits nor checks for failure: an array too large
 * for the machine crashes the whole JVM (and with it the notebook's kernel). Here an allocation
 * past the off-heap limit ({@code org.bytedeco.javacpp.maxbytes}) or one that would take the
 * process past {@code org.bytedeco.javacpp.maxphysicalbytes} becomes an OutOfMemoryError that
 * names the limit; the kernel survives it. Installed by {@link Backend#configure()}.
 */
public class GuardedDataBufferFactory extends DefaultDataBufferFactory {
    private static final Messages TEXT = Messages.of(GuardedDataBufferFactory.class);
    /** Allocations from this size on also check the process's total memory (reading it costs a system call). */
    static final long CHECK_PROCESS_FROM = 16L << 20;

    static void check(DataType type, long length) {
        long bytes = length * Math.max(1, type.width());
        long max = Pointer.maxBytes();
        if (max > 0 && bytes > max) {
            throw new OutOfMemoryError(TEXT.get("GuardedDataBufferFactory.pastMaxBytes",
                    Memory.format(bytes), length, type.name().toLowerCase(), Memory.format(max)));
        }
        long maxPhysical = Pointer.maxPhysicalBytes();
        if (bytes >= CHECK_PROCESS_FROM && maxPhysical > 0) {
            long used = Pointer.physicalBytes();
            if (used + bytes > maxPhysical) {
                throw new OutOfMemoryError(TEXT.get("GuardedDataBufferFactory.pastMaxPhysicalBytes",
                        Memory.format(bytes), Memory.format(used + bytes), Memory.format(maxPhysical)));
            }
        }
    }

    @Override
    public DataBuffer create(DataType dataType, long length, boolean initialize) {
        check(dataType, length);
        return super.create(dataType, length, initialize);
    }

    @Override
    public DataBuffer create(DataType dataType, long length, boolean initialize, MemoryWorkspace workspace) {
        check(dataType, length);
        return super.create(dataType, length, initialize, workspace);
    }

    @Override
    public DataBuffer createFloat(long length, boolean initialize) {
        check(DataType.FLOAT, length);
        return super.createFloat(length, initialize);
    }

    @Override
    public DataBuffer createFloat(long length, boolean initialize, MemoryWorkspace workspace) {
        check(DataType.FLOAT, length);
        return super.createFloat(length, initialize, workspace);
    }

    @Override
    public DataBuffer createDouble(long length, boolean initialize) {
        check(DataType.DOUBLE, length);
        return super.createDouble(length, initialize);
    }

    @Override
    public DataBuffer createDouble(long length, boolean initialize, MemoryWorkspace workspace) {
        check(DataType.DOUBLE, length);
        return super.createDouble(length, initialize, workspace);
    }

    @Override
    public DataBuffer createInt(long length, boolean initialize) {
        check(DataType.INT, length);
        return super.createInt(length, initialize);
    }

    @Override
    public DataBuffer createLong(long length, boolean initialize) {
        check(DataType.LONG, length);
        return super.createLong(length, initialize);
    }
}
