package org.sunshinehub.content;

import java.time.Instant;

/**
 * What a source says about an item. Common fields first; the rest apply to one kind each
 * (consultation period, type and the reason recorded for a period shorter than the legal minimum; an opinion
 * task's working days to settle a 督办函 (SupervisionLetter) from a superior office; the document an interpretation explains; an opinion task's severity and
 * division). {@code formedAt} is when the document was formed (制作或获取, from the OA source): 条例第二十六条 gives 20
 * working days from then to publish it. Absent values are null.
 */
public record ItemFields(
        String source,
        String sourceId,
        String title,
        String docNumber,
        String issuer,
        String category,
        Instant publishedAt,
        String url,
        String summary,
        String body,
        Instant opensAt,
        Instant closesAt,
        String consultationType,
        String shortPeriodReason,
        String explainsDocNumber,
        String severity,
        String division,
        Integer supervisionWorkingDays,
        Instant formedAt) {
}
