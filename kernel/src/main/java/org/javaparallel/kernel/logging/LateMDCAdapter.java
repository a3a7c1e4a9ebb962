package org.javaparallel.kernel.logging;

import java.util.Deque;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.spi.MDCAdapter;

/** A diagnostic-context adapter that finds the real one on first use (see {@link BackgroundLoggingProvider}). */
final class LateMDCAdapter implements MDCAdapter {
    private final Supplier<MDCAdapter> real;

    LateMDCAdapter(Supplier<MDCAdapter> real) {
        this.real = real;
    }

    @Override
    public void put(String key, String value) {
        real.get().put(key, value);
    }

    @Override
    public String get(String key) {
        return real.get().get(key);
    }

    @Override
    public void remove(String key) {
        real.get().remove(key);
    }

    @Override
    public void clear() {
        real.get().clear();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        return real.get().getCopyOfContextMap();
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        real.get().setContextMap(contextMap);
    }

    @Override
    public void pushByKey(String key, String value) {
        real.get().pushByKey(key, value);
    }

    @Override
    public String popByKey(String key) {
        return real.get().popByKey(key);
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        return real.get().getCopyOfDequeByKey(key);
    }

    @Override
    public void clearDequeByKey(String key) {
        real.get().clearDequeByKey(key);
    }
}
