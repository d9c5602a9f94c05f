/**
 * Push plans (推送计划): what to send, to whom, on which channels, when. A plan is a MongoDB document; Quartz fires
 * it at {@code sendAt} and every scheduled plan is re-armed at start, so a plan due while the hub was down fires
 * once when it comes back. A plan moves on with its pushes (SCHEDULED → FANNING_OUT → SENDING → COMPLETED) and
 * reads their progress from the dispatcher. It uses only the dispatcher's {@code api}, never what channels
 * implement ({@code spi}).
 */
@ApplicationModule(allowedDependencies = {"dispatch :: api", "audience", "content", "channelkind", "security", "storage",
        "web"})
package org.sunshinehub.plan;

import org.springframework.modulith.ApplicationModule;
