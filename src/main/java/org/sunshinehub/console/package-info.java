/**
 * What the press office watches: {@code GET /api/overview} gathers open consultations, opinion tasks and their
 * deadlines, what is overdue and what feedback waits for an answer — the data a console page will show.
 */
package org.sunshinehub.console;
