package org.javaparallel.gpu;

import com.aparapi.Config;
import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.opencl.OpenCLLoader;
import com.aparapi.internal.opencl.OpenCLPlatform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OpenCL devices of this machine, as the installed OpenCL drivers (ICDs) report them through Aparapi. A GPU is
 * usable when its vendor's OpenCL driver is installed; PoCL ({@code pocl-opencl-icd}) offers the CPU as an OpenCL
 * device on any machine.
 */
public final class OpenCl {
    /** What to install when no OpenCL device is found; README and install.sh say the same. */
    public static final String INSTALL_ADVICE = "the OpenCL ICD loader (Debian: ocl-icd-libopencl1) and a driver:"
            + " on a GPU node the vendor's OpenCL ICD (NVIDIA: the driver's libnvidia-opencl, Debian nvidia-opencl-icd;"
            + " AMD: ROCm's OpenCL runtime; Intel: intel-opencl-icd), on any CPU pocl-opencl-icd;"
            + " `clinfo -l` lists what the loader finds";

    /**
     * Aparapi logs at WARNING what this package reports itself (a kernel it cannot translate, a fallback) along
     * with notes that mean nothing to a notebook's reader (class-file attributes it skips, an "untested" OpenCL
     * version). Held here because a logger's level lasts only as long as the logger is referenced.
     */
    private static final Logger APARAPI_LOG = quietAparapiLog();

    private OpenCl() {
    }

    /**
     * Every OpenCL device that the installed drivers offer.
     *
     * @return the devices, empty where no OpenCL runtime is installed
     */
    public static List<OpenClDevice> devices() {
        return found().stream().map(FoundDevice::device).toList();
    }

    /**
     * The device to run on: a GPU before an accelerator before the CPU, and of those the one with the most compute
     * units.
     *
     * @return the device, or empty where no OpenCL runtime is installed
     */
    public static Optional<OpenClDevice> best() {
        return bestFound().map(FoundDevice::device);
    }

    /**
     * What {@code %resources} prints: one line per device, or why there is none and what to install.
     *
     * @return lines of text, each ending with a newline
     */
    public static String report() {
        List<OpenClDevice> devices = devices();
        if (devices.isEmpty()) {
            return "OpenCL: " + absence() + "; GPU code runs as plain Java. Install " + INSTALL_ADVICE + "\n";
        }
        StringBuilder text = new StringBuilder("OpenCL devices (the first one runs GPU code):\n");
        devices.stream().sorted(PREFERENCE).forEach(device -> text.append("  ").append(device.describe()).append('\n'));
        return text.toString();
    }

    /** Why there is no device: no ICD loader at all, or a loader that finds no driver. */
    static String absence() {
        return OpenCLLoader.isOpenCLAvailable()
                ? "no OpenCL runtime installed (the ICD loader finds no platform)"
                : "no OpenCL runtime installed (no OpenCL ICD loader, libOpenCL.so.1)";
    }

    static Optional<FoundDevice> bestFound() {
        return found().stream().min(Comparator.comparing(FoundDevice::device, PREFERENCE));
    }

    private static final Comparator<OpenClDevice> PREFERENCE = Comparator.comparing(OpenClDevice::type)
            .thenComparing(Comparator.comparingInt(OpenClDevice::computeUnits).reversed());

    private static List<FoundDevice> found() {
        if (!OpenCLLoader.isOpenCLAvailable()) {
            return List.of();
        }
        List<FoundDevice> found = new ArrayList<>();
        for (OpenCLPlatform platform : new OpenCLPlatform().getOpenCLPlatforms()) {
            for (OpenCLDevice device : platform.getOpenCLDevices()) {
                found.add(new FoundDevice(new OpenClDevice(platform.getName(), device.getName(), typeOf(device),
                        device.getMaxComputeUnits(), device.getGlobalMemSize()), device));
            }
        }
        return found;
    }

    private static OpenClDevice.Type typeOf(Device device) {
        return switch (device.getType()) {
            case GPU -> OpenClDevice.Type.GPU;
            case ACC -> OpenClDevice.Type.ACCELERATOR;
            case CPU -> OpenClDevice.Type.CPU;
            default -> OpenClDevice.Type.OTHER;
        };
    }

    /** The user's own {@code -Dcom.aparapi.logLevel} wins; Aparapi's Config applies it when first used. */
    private static Logger quietAparapiLog() {
        Logger log = Logger.getLogger(Config.getLoggerName());
        if (System.getProperty("com.aparapi.logLevel") == null) {
            log.setLevel(Level.SEVERE);
        }
        return log;
    }

    /** A device together with Aparapi's handle of it, which runs kernels. */
    record FoundDevice(OpenClDevice device, OpenCLDevice aparapi) {
    }
}
