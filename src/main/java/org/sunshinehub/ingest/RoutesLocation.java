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
 * and reloads a file when it changes ({@link GuardedRouteReload} watches the folder named by {@value #WATCHED_DIR});
 * without that folder it uses the copies in the jar. Sub-folders such as {@code routes/examples/} are not loaded.
 * An explicit {@code camel.main.routes-include-pattern} wins.
 */
class RoutesLocation implements EnvironmentPostProcessor {

    static final String WATCHED_DIR = "sunshine.routes-watched-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("camel.main.routes-include-pattern")) {
            return;
        }
        Path dir = Path.of(environment.getProperty("sunshine.routes-dir", "routes")).toAbsolutePath().normalize();
        Map<String, Object> camel = Files.isDirectory(dir)
                ? Map.of("camel.main.routes-include-pattern", "file:" + dir + "/*.yaml",
                        WATCHED_DIR, dir.toString())
                : Map.of("camel.main.routes-include-pattern", "classpath:defaults/routes/*.yaml");
        environment.getPropertySources().addLast(new MapPropertySource("sunshineRoutes", camel));
    }
}
