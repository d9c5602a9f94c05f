package org.sunshinehub.ingest;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sources}: each source route's health and the route files whose last reload failed. */
@RestController
class SourcesController {

    private final SourceStatus status;

    SourcesController(SourceStatus status) {
        this.status = status;
    }

    @Operation(summary = "查看信息来源的接收状态")
    @GetMapping("/api/sources")
    SourceStatus.Sources sources() {
        return status.read();
    }
}
