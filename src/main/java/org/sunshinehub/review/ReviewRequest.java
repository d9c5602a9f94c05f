package org.sunshinehub.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sunshinehub.content.ReviewRecord.Decision;

/**
 * The body of {@code POST /api/items/{id}/reviews}. There is no {@code reviewer}: the reviewer is the signed-in
 * account, and a body naming one is refused as an unknown field (400).
 */
record ReviewRequest(@NotBlank @Size(max = 20) String level, @NotNull Decision decision,
                     @Size(max = 2000) String comment) {
}
