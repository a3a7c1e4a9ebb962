package org.javaparallel.gpu;

import java.time.Duration;
import java.util.Locale;

/**
 * The result of {@link DoubleElementwise#onDevice}: the values and where and how fast they were computed.
 *
 * @param values        the function applied element by element
 * @param ranOn         the OpenCL device that computed the values ({@link OpenClDevice#describe()}), or the plain-Java
 *                      fallback and why it was taken
 * @param onOpenCl      whether an OpenCL device computed the values
 * @param withCopies    the run including the copies of the arguments to the device and of the result back
 * @param withoutCopies the same kernel on the arguments already on the device: what the device itself costs; equal to
 *                      {@code withCopies} on the fallback, which copies nothing
 */
public record DeviceRun(double[] values, String ranOn, boolean onOpenCl, Duration withCopies, Duration withoutCopies) {
    /** Names the device and both times, leaving out the values (a notebook prints runs of 10^8 elements). */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d values on %s: %.2f ms with copies, %.2f ms without",
                values.length, ranOn, withCopies.toNanos() / 1e6, withoutCopies.toNanos() / 1e6);
    }
}
