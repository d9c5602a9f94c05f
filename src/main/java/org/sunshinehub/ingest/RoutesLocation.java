package org.sunshinehub.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Routes are data: Camel loads {@code routes/*.yaml} from {@code sunshine.routes-dir} (default {@code ./routes})
 * and reloads a file when it changes; without that folder it uses the copies in the jar. An explicit
 * {@code camel.main.routes-include-pattern} wins.
 */
class RoutesLocation implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("camel.main.routes-include-pattern")) {
            return;
        }
        Path dir = Path.of(environment.getProperty("sunshine.routes-dir", "routes")).toAbsolutePath().normalize();
        Map<String, Object> camel = Files.isDirectory(dir)
                ? Map.of("camel.main.routes-include-pattern", "file:" + dir + "/*.yaml",
                        "camel.main.routes-reload-enabled", "true",
                        "camel.main.routes-reload-directory", dir.toString(),
                        "camel.main.routes-reload-pattern", "*.yaml")
                : Map.of("camel.main.routes-include-pattern", "classpath:defaults/routes/*.yaml");
        environment.getPropertySources().addLast(new MapPropertySource("sunshineRoutes", camel));
    }
}
