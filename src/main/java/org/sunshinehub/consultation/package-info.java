/**
 * Drafts open for public comment (意见征集): the legal minimum comment period, the push when a draft opens,
 * citizens' opinions (which close with the period), staff's adoption marks and the published
 * {@code AdoptionReport} (采纳情况), pushed back to everyone who gave an opinion.
 */
package org.sunshinehub.consultation;
