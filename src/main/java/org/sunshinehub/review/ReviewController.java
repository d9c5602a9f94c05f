package org.sunshinehub.review;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunshinehub.content.ContentItem;

@RestController
class ReviewController {

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    /** Signs as the signed-in staff account (HTTP Basic on the API); an API key alone cannot sign (403). */
    @Operation(summary = "审核签批信息（四级审核之一）")
    @PostMapping("/api/items/{id}/reviews")
    ContentItem sign(@PathVariable String id, @Valid @RequestBody ReviewRequest request) {
        return reviews.sign(id, request);
    }
}
