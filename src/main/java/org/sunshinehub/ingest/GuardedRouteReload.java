package org.sunshinehub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's route-file watcher, one file at a time: a changed file replaces only its own routes, so the other files'
 * routes never stop; and a file that does not load gets its last working text back (Camel's own watcher removes
 * every route first and has nothing to go back to). The failure shows in {@code GET /api/sources} until the file
 * loads.
 */
class GuardedRouteReload extends RouteWatcherReloadStrategy {

    private static final Logger log = LoggerFactory.getLogger(GuardedRouteReload.class);

    private final SourceHealth health;
    /** location → the text that loaded last. */
    private final Map<String, String> working = new ConcurrentHashMap<>();

    GuardedRouteReload(Path dir, SourceHealth health) {
        super(dir.toString(), false);
        setPattern("*.yaml");
        this.health = health;
    }

    /** The files Camel loaded at start (the same {@code *.yaml} of the folder). */
    void rememberStartingSet() {
        try (Stream<Path> files = Files.list(Path.of(getFolder()))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).toList()) {
                Resource resource = ResourceHelper.resolveResource(getCamelContext(), "file:" + file);
                working.put(resource.getLocation(), text(resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected synchronized void onRouteReload(Collection<Resource> changes, boolean removeEverything) {
        if (changes != null) {
            changes.forEach(this::reload);
        }
    }

    private void reload(Resource changed) {
        String file = changed.getLocation();
        try {
            String text = changed.exists() ? text(changed) : null;
            if (text != null && (text.isBlank() || text.equals(working.get(file)))) {
                return; // being written, or a second event for the same change
            }
            replace(file, text);
            if (text == null) {
                working.remove(file);
            } else {
                working.put(file, text);
            }
            health.reloaded(file);
            log.info("Route file {} reloaded: {} routes running", file, getCamelContext().getRoutes().size());
        } catch (Exception e) {
            health.reloadFailed(file, e);
            log.error("Route file {} does not load ({}); it keeps its last working routes, the others run on", file,
                    SourceHealth.reason(e));
            restore(file);
        }
    }

    private void restore(String file) {
        try {
            replace(file, working.get(file));
        } catch (Exception e) {
            log.error("The last working routes of {} did not start again: {}", file, SourceHealth.reason(e));
        }
    }

    /** Removes the routes loaded from {@code file}, then loads {@code text} (none when the file is gone). */
    private void replace(String file, String text) throws Exception {
        CamelContext camel = getCamelContext();
        for (Route route : List.copyOf(camel.getRoutes())) {
            if (route.getSourceResource() != null && file.equals(route.getSourceResource().getLocation())) {
                camel.getRouteController().stopRoute(route.getRouteId());
                camel.removeRoute(route.getRouteId());
            }
        }
        if (text != null) {
            PluginHelper.getRoutesLoader(camel).updateRoutes(List.of(ResourceHelper.fromString(file, text)));
        }
    }

    private static String text(Resource resource) throws IOException {
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
