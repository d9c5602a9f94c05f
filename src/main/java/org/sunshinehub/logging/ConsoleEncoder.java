package org.sunshinehub.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's encoder: the masked pattern of {@code logback-spring.xml}, or, when {@code logging.structured
 * .format.console} names a format ({@code ecs}, {@code logstash}, {@code gelf}), Spring Boot's JSON lines, whose
 * values {@link MaskedJson} masks. One appender either way, so the choice is one property.
 */
public class ConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private String pattern;
    private String format;
    private Charset charset;
    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    /** Blank: the pattern. */
    public void setFormat(String format) {
        this.format = format;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (format == null || format.isBlank()) {
            PatternLayoutEncoder lines = new PatternLayoutEncoder();
            lines.setPattern(pattern);
            lines.setCharset(charset);
            delegate = lines;
        } else {
            StructuredLogEncoder json = new StructuredLogEncoder();
            json.setFormat(format);
            json.setCharset(charset);
            delegate = json;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
