package org.javaparallel.kernel.logging;

import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A logger of the kernel base's own classes while the real binding has not started: trace, debug and info are off
 * (the kernel's log4j configuration logs warnings and errors only), and the first warning or error starts the real
 * binding and goes to it. Once the real binding is ready, every question goes to its logger of the same name.
 */
final class DeferredLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    private final transient BackgroundLoggingProvider provider;
    /** The real binding's logger of this name, once it is ready: level checks are frequent, and it never changes. */
    private transient volatile Logger ready;

    DeferredLogger(String name, BackgroundLoggingProvider provider) {
        this.name = name;
        this.provider = provider;
    }

    /** Before the real binding is ready, warnings and errors only; then whatever its logger of this name says. */
    private boolean enabled(Level level) {
        Logger delegate = ready;
        if (delegate == null) {
            delegate = provider.readyLogger(name);
            ready = delegate;
        }
        return delegate == null ? level.toInt() >= Level.WARN.toInt() : delegate.isEnabledForLevel(level);
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                               Throwable throwable) {
        provider.startRealBinding();
        LoggingEventBuilder event = provider.startedLogger(name).makeLoggingEventBuilder(level)
                .setMessage(messagePattern)
                .setCause(throwable);
        if (marker != null) {
            event.addMarker(marker);
        }
        if (arguments != null) {
            for (Object argument : arguments) {
                event.addArgument(argument);
            }
        }
        event.log();
    }
}
