/**
 * The public side (公开页面): what a citizen opens from a push, under {@code /p/**} with a security chain of its own
 * (no staff login, CSRF on, a small session holding the verified phone): an item's page by its short link, a
 * consultation's page with its opinion form and, after it closes, the published adoption report; the list of
 * consultations and an Atom feed of them and their reports; phone verification by a one-time SMS code.
 * Its page templates are under {@code console/public/}, apart from the message templates.
 */
package org.sunshinehub.publicpages;
