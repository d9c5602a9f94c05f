package org.sunshinehub.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;
import org.sunshinehub.text.PlainText;

/** An exception as logged: its message, its causes' and suppressed ones' masked and with control characters escaped. */
record SafeThrowable(IThrowableProxy proxy) implements IThrowableProxy {

    static IThrowableProxy of(IThrowableProxy proxy) {
        return proxy == null ? null : new SafeThrowable(proxy);
    }

    @Override
    public String getMessage() {
        return PlainText.escaped(LogMasks.mask(proxy.getMessage()));
    }

    @Override
    public String getOverridingMessage() {
        return PlainText.escaped(LogMasks.mask(proxy.getOverridingMessage()));
    }

    @Override
    public String getClassName() {
        return proxy.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return proxy.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return proxy.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
        return of(proxy.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        IThrowableProxy[] suppressed = proxy.getSuppressed();
        return suppressed == null ? null : Arrays.stream(suppressed).map(SafeThrowable::of)
                .toArray(IThrowableProxy[]::new);
    }

    @Override
    public boolean isCyclic() {
        return proxy.isCyclic();
    }
}
