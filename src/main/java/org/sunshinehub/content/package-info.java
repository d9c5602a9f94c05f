/**
 * Government content items ({@code Disclosure}, {@code Consultation}, {@code Interpretation},
 * {@code OpinionTask}) as stored in the {@code items} collection, and the staff read API over them.
 * Public surface: {@link org.sunshinehub.content.ContentItem} and its parts, {@link org.sunshinehub.content.ItemRepository}.
 */
package org.sunshinehub.content;
