package org.sunshinehub.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sunshinehub.SunshineHubApplication;

/** Instants go out as ISO-8601 with the +08:00 offset, which is what staff and source systems read. */
@Configuration(proxyBeanMethods = false)
class BeijingTimeJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer beijingInstants() {
        return builder -> builder.serializerByType(Instant.class, new InstantSerializer());
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {
        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(SunshineHubApplication.ZONE)));
        }
    }
}
