package org.sunshinehub.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} with each exception's message masked and kept on one line, the stack frames as they
 * are: an exception that quotes a request URL or a field cannot carry a token or a forged line into the log.
 */
public class SafeThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return super.throwableProxyToString(SafeThrowable.of(proxy));
    }
}
