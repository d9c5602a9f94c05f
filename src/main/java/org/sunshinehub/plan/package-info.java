/**
 * Push plans (推送计划): what to send, to whom, on which channels, when. A plan is a MongoDB document; Quartz fires
 * it at {@code sendAt} and every scheduled plan is re-armed at start, so a plan due while the hub was down fires
 * once when it comes back.
 */
package org.sunshinehub.plan;
