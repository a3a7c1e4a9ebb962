package org.javaparallel.parallel.process;

import java.util.Map;
import org.javaparallel.parallel.spi.TopLevelVariable;

/**
 * What a worker JVM needs of the kernel's cells to run one call: all cell classes, and the current values of the
 * top-level variables the task reads, serialized at {@code stateVersion}.
 */
record CellShipment(Map<String, byte[]> classes, long stateVersion, Map<TopLevelVariable, byte[]> values) {
    static final CellShipment NONE = new CellShipment(Map.of(), -1, Map.of());
}
