package org.javaparallel.parallel.process;

/** A call's task made ready for worker JVMs once, on the calling thread. */
record PreparedTask(long callId, byte[] task, CellShipment cells, ClassLoader resultLoader) {
}
