package org.sunshinehub.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sunshinehub.content.ReviewRecord.Decision;

record ReviewRequest(@NotBlank @Size(max = 20) String level, @NotNull Decision decision,
                     @NotBlank @Size(max = 100) String reviewer, @Size(max = 2000) String comment) {
}
