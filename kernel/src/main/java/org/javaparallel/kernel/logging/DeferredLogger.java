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

    DeferredLogger(String name, BackgroundLoggingProvider provider) {
        this.name = name;
        this.provider = provider;
    }

    private boolean enabledOnceReady(Level level) {
        Logger ready = provider.readyLogger(name);
        return ready != null && ready.isEnabledForLevel(level);
    }

    private boolean enabledBeforeReady(Level level) {
        Logger ready = provider.readyLogger(name);
        return ready == null || ready.isEnabledForLevel(level);
    }

    @Override
    public boolean isTraceEnabled() {
        return enabledOnceReady(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabledOnceReady(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabledOnceReady(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabledBeforeReady(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabledBeforeReady(Level.ERROR);
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
