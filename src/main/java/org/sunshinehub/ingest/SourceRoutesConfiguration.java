package org.sunshinehub.ingest;

import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Hooks the source routes' health and the guarded reload into Camel. */
@Configuration(proxyBeanMethods = false)
class SourceRoutesConfiguration {

    @Bean
    CamelContextConfiguration sourceRoutesHooks(SourceHealth health, Environment environment) {
        String watched = environment.getProperty(RoutesLocation.WATCHED_DIR);
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                routeHealthChecks(camel);
                if (!camel.getManagementStrategy().getEventNotifiers().contains(health)) {
                    camel.getManagementStrategy().addEventNotifier(health);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                if (watched != null) {
                    GuardedRouteReload reload = new GuardedRouteReload(Path.of(watched), health);
                    reload.setCamelContext(camel);
                    reload.rememberStartingSet();
                    try {
                        camel.addService(reload, true, true);
                    } catch (Exception e) {
                        throw new IllegalStateException("route folder cannot be watched: " + watched, e);
                    }
                }
            }
        };
    }

    /**
     * Camel's route and consumer checks, for {@code GET /api/sources} only: its Spring health indicator is excluded
     * (application.yaml), so a source system being down does not take the hub's own health down.
     */
    private static void routeHealthChecks(CamelContext camel) {
        HealthCheckRegistry registry = camel.getCamelContextExtension().getContextPlugin(HealthCheckRegistry.class);
        if (registry != null) {
            registry.setEnabled(true);
            for (String repository : List.of("routes", "consumers")) {
                Object checks = registry.getRepository(repository).map(Object.class::cast)
                        .orElseGet(() -> registry.resolveById(repository));
                registry.register(checks);
            }
        }
    }
}
