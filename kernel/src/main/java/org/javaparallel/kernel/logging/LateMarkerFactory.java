package org.javaparallel.kernel.logging;

import java.util.function.Supplier;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;

/** A marker factory that finds the real one on first use (see {@link BackgroundLoggingProvider}). */
final class LateMarkerFactory implements IMarkerFactory {
    private final Supplier<IMarkerFactory> real;

    LateMarkerFactory(Supplier<IMarkerFactory> real) {
        this.real = real;
    }

    @Override
    public Marker getMarker(String name) {
        return real.get().getMarker(name);
    }

    @Override
    public boolean exists(String name) {
        return real.get().exists(name);
    }

    @Override
    public boolean detachMarker(String name) {
        return real.get().detachMarker(name);
    }

    @Override
    public Marker getDetachedMarker(String name) {
        return real.get().getDetachedMarker(name);
    }
}
