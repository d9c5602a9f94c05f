package org.sunshinehub.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemRepository.Insertion;
import org.sunshinehub.web.InvalidInputException;

/**
 * One exchange → one item, through the same intake as REST. The body is a JSON string, a {@code Map} or a POJO;
 * the kind is the endpoint's {@code kind}, else the {@value #KIND} header, else the item's {@code kind} field. The
 * outcome goes into headers so a route can branch on it; a refused item goes to {@link IntakeRejects} and the
 * exchange carries on, because one bad record must not stop a source. Only a fault of the hub itself (e.g. the
 * database down) fails the exchange, so the source is read again rather than lost.
 */
@Component
class RouteIntake {

    static final String KIND = "SunshineKind";
    /** {@code created}, {@code existing} or {@code refused}. */
    static final String OUTCOME = "SunshineOutcome";
    static final String ITEM_ID = "SunshineItemId";
    static final String ITEM_STATE = "SunshineItemState";
    /** Field → reason, when refused. */
    static final String ERRORS = "SunshineErrors";
    static final String REJECT_ID = "SunshineRejectId";

    private static final Logger log = LoggerFactory.getLogger(RouteIntake.class);

    private final IntakeService intake;
    private final IntakeRejects rejects;
    private final SourceHealth health;
    private final ObjectMapper json;

    RouteIntake(IntakeService intake, IntakeRejects rejects, SourceHealth health, ObjectMapper json) {
        this.intake = intake;
        this.rejects = rejects;
        this.health = health;
        this.json = json.copy().registerModule(new SimpleModule().addSerializer(Timestamp.class, new LocalTimestamp()));
    }

    void take(Exchange exchange, ItemKind endpointKind) {
        String route = Objects.requireNonNullElse(exchange.getFromRouteId(), "unknown");
        Message message = exchange.getMessage();
        Object body = message.getBody();
        String raw = raw(body, message);
        JsonNode item = null;
        ItemKind kind = null;
        try {
            item = parse(body, raw);
            kind = kind(endpointKind, message.getHeader(KIND, String.class), item);
            Insertion insertion = intake.accept(kind, ItemDraftParser.parse(kind, item, Set.of("kind")), false);
            message.setHeader(OUTCOME, insertion.created() ? "created" : "existing");
            message.setHeader(ITEM_ID, insertion.item().id());
            message.setHeader(ITEM_STATE, insertion.item().state().name());
            health.taken(route);
        } catch (InvalidInputException e) {
            String source = item != null && item.path("source").isTextual() ? item.get("source").asText() : null;
            IntakeReject reject = rejects.add(route, source, kind, raw, e.fieldErrors());
            message.setHeader(OUTCOME, "refused");
            message.setHeader(ERRORS, e.fieldErrors());
            message.setHeader(REJECT_ID, reject.id());
            health.refused(route);
            log.warn("Route {} sent an item the intake refused (reject {}): {}", route, reject.id(),
                    String.join(", ", e.fieldErrors().keySet()));
        }
    }

    /** The payload as text, for the reject record: what the route sent, not our reading of it. */
    private String raw(Object body, Message message) {
        if (body == null || body instanceof String || body instanceof byte[] || body instanceof java.io.InputStream) {
            return body == null ? "" : message.getBody(String.class);
        }
        try {
            return json.writeValueAsString(body instanceof JsonNode ? body : json.valueToTree(body));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return String.valueOf(body);
        }
    }

    private JsonNode parse(Object body, String raw) {
        if (body instanceof JsonNode node) {
            return node;
        }
        if (body == null || raw.isBlank()) {
            throw new InvalidItemException(Map.of("$", "没有内容"));
        }
        try {
            return body instanceof String || body instanceof byte[] || body instanceof java.io.InputStream
                    ? json.readTree(raw) : json.valueToTree(body);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidItemException(Map.of("$", "不是有效的 JSON"));
        }
    }

    static ItemKind kind(ItemKind endpointKind, String header, JsonNode item) {
        if (endpointKind != null) {
            return endpointKind;
        }
        String text = header != null ? header : item.path("kind").isTextual() ? item.get("kind").asText() : null;
        if (text == null || text.isBlank()) {
            throw new InvalidItemException(Map.of("kind", "必填（端点参数 kind、消息头 " + KIND + " 或字段 kind）"));
        }
        try {
            return ItemKinds.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidItemException(Map.of("kind", e.getMessage()));
        }
    }

    /** A database's {@code timestamp} column holds the office's wall-clock time: written as such, read as Beijing. */
    private static final class LocalTimestamp extends JsonSerializer<Timestamp> {
        @Override
        public void serialize(Timestamp value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.toLocalDateTime().toString());
        }
    }
}
