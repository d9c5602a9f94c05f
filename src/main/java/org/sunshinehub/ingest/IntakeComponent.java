package org.sunshinehub.ingest;

import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;
import org.springframework.stereotype.Component;
import org.sunshinehub.content.ItemKind;

/**
 * The {@code sunshine:intake[?kind=...]} endpoint: a route sends it one item per exchange and finds the outcome in
 * the exchange's headers (see {@link RouteIntake}). A Spring bean named {@code sunshine} is what Camel resolves the
 * scheme to, so it outlives route reloads.
 */
@Component("sunshine")
class IntakeComponent extends DefaultComponent {

    private final RouteIntake intake;

    IntakeComponent(RouteIntake intake) {
        this.intake = intake;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        if (!"intake".equals(remaining)) {
            throw new IllegalArgumentException("sunshine: 只有 intake 端点（sunshine:intake），不是 " + remaining);
        }
        Object kind = parameters.remove("kind");
        return new IntakeEndpoint(uri, this, kind == null ? null : ItemKinds.parse(kind.toString()));
    }

    private final class IntakeEndpoint extends DefaultEndpoint {

        private final ItemKind kind;

        IntakeEndpoint(String uri, IntakeComponent component, ItemKind kind) {
            super(uri, component);
            this.kind = kind;
        }

        @Override
        public Producer createProducer() {
            return new DefaultProducer(this) {
                @Override
                public void process(Exchange exchange) {
                    intake.take(exchange, kind);
                }
            };
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException("sunshine:intake 只能作为 to: 的目标");
        }
    }
}
