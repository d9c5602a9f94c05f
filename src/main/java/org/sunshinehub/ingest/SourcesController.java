package org.sunshinehub.ingest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sources}: each source route's health and the route files whose last reload failed. */
@RestController
class SourcesController {

    private final SourceStatus status;

    SourcesController(SourceStatus status) {
        this.status = status;
    }

    @GetMapping("/api/sources")
    SourceStatus.Sources sources() {
        return status.read();
    }
}
