package org.javaparallel.parallel.process;

import java.io.NotSerializableException;
import java.util.concurrent.atomic.AtomicLong;
import org.javaparallel.parallel.SerializableFunction;
import org.javaparallel.parallel.engine.TaskAdapters;
import org.javaparallel.parallel.spi.CellCodeRegistry;
import org.javaparallel.parallel.spi.UserNames;

/** A call's task made ready for worker JVMs once, on the calling thread. */
record PreparedTask(long callId, byte[] task, CellShipment cells, ClassLoader resultLoader) {
    private static final AtomicLong CALL_IDS = new AtomicLong();

    /** @throws IllegalArgumentException naming what is not serializable, in the task or in the variables it reads */
    static PreparedTask prepare(SerializableFunction<Object, Object> fn, CellPacker packer) {
        byte[] task;
        try {
            task = Payloads.serialize(fn);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("the task cannot be sent to worker JVMs: it holds a value that is not"
                    + " Serializable (" + UserNames.inText(e.getMessage()) + "). Capture only serializable values (copy"
                    + " what the task needs into local variables), or use the threads backend.", e);
        }
        ClassLoader resultLoader = CellCodeRegistry.loader();
        return new PreparedTask(CALL_IDS.incrementAndGet(), task,
                packer.pack(CellCodeRegistry.current(), TaskAdapters.userCode(fn)), resultLoader);
    }
}
