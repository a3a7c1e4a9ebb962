package org.javaparallel.gpu;

import java.util.Locale;

/**
 * An OpenCL device as its driver describes it.
 *
 * @param platform          the OpenCL platform (the vendor's driver) that offers the device, e.g. "NVIDIA CUDA" or
 *                          "Portable Computing Language" (PoCL, which runs OpenCL on the CPU)
 * @param name              the device's name as its driver gives it
 * @param type              what kind of device it is
 * @param computeUnits      the device's compute units (a GPU's streaming multiprocessors, a CPU's cores)
 * @param globalMemoryBytes the device's global memory, which arrays are copied to
 */
public record OpenClDevice(String platform, String name, Type type, int computeUnits, long globalMemoryBytes) {
    /** The kinds of OpenCL device, in the order {@link OpenCl#best()} prefers them. */
    public enum Type {
        /** a graphics processor */
        GPU,
        /** an accelerator such as an FPGA board */
        ACCELERATOR,
        /** the CPU (PoCL's device, or a CPU vendor's OpenCL driver) */
        CPU,
        /** a device whose driver gives no type we know */
        OTHER
    }

    /**
     * One line that names the device: its type, name, platform, compute units and memory.
     *
     * @return e.g. "OpenCL GPU NVIDIA H100 (platform NVIDIA CUDA, 132 compute units, 81559 MB)"
     */
    public String describe() {
        return String.format(Locale.ROOT, "OpenCL %s %s (platform %s, %d compute units, %d MB)",
                type, name, platform, computeUnits, globalMemoryBytes / (1024 * 1024));
    }
}
