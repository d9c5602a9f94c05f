/**
 * Intake from the source systems: Camel routes in {@code routes/*.yaml} (website RSS/Atom columns, the OA drop
 * folder) call the beans here by name; the REST intake API and the opinion-monitor webhook call the same
 * {@code IntakeService}. Every path normalises, de-duplicates by source and sourceId, passes the negative-list
 * gate and stores before it acknowledges.
 */
package org.sunshinehub.ingest;
