package org.sunshinehub.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.text.ParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A date outside {@link SaneDates} in a JSON body or a {@code @DateTimeFormat} parameter is a 400 naming the field
 * (enums written as their index are refused by {@code spring.jackson.deserialization.fail-on-numbers-for-enums}).
 */
@Configuration(proxyBeanMethods = false)
class StrictInput implements WebMvcConfigurer {

    @Bean
    Module saneDatesInJson() {
        SimpleModule module = new SimpleModule("sane-dates");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return TemporalAccessor.class.isAssignableFrom(description.getBeanClass())
                        ? new SaneTemporal(deserializer) : deserializer;
            }
        });
        return module;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new SaneDateParameters());
    }

    /** Reads a date or time as before, then refuses one outside {@link SaneDates}. */
    private static final class SaneTemporal extends DelegatingDeserializer {
        SaneTemporal(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new SaneTemporal(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            Object value = super.deserialize(p, context);
            if (value instanceof TemporalAccessor t && !SaneDates.inRange(t)) {
                throw InvalidFormatException.from(p, SaneDates.RULE, p.getText(), handledType());
            }
            return value;
        }
    }

    /** {@code @DateTimeFormat} parameters as Spring reads them, then refused outside {@link SaneDates}. */
    private static final class SaneDateParameters implements AnnotationFormatterFactory<DateTimeFormat> {
        private final Jsr310DateTimeFormatAnnotationFormatterFactory standard =
                new Jsr310DateTimeFormatAnnotationFormatterFactory();

        @Override
        public Set<Class<?>> getFieldTypes() {
            return standard.getFieldTypes();
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return standard.getPrinter(annotation, fieldType);
        }

        @Override
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            Parser<?> parser = standard.getParser(annotation, fieldType);
            return (String text, Locale locale) -> {
                Object value = parser.parse(text, locale);
                if (value instanceof TemporalAccessor t && !SaneDates.inRange(t)) {
                    throw new ParseException(SaneDates.RULE, 0);
                }
                return value;
            };
        }
    }
}
