package org.sunshinehub.publicpages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemFields;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.PublicLinks;

/** What an item's public page shows, read from a stored item that may be shown (approved, not an internal task). */
record PublicItem(String id, String path, ItemKind kind, String kindLabel, String title, String issuer,
                  String docNumber, String date, String summary, String body, String url, List<Related> related,
                  Period period) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA)
            .withZone(SunshineHubApplication.ZONE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA)
            .withZone(SunshineHubApplication.ZONE);

    record Related(String title, String path, String kindLabel) {
    }

    /** A consultation's period as of now: {@code daysLeft} counts calendar days to the closing day. */
    record Period(String opens, String closes, boolean open, boolean closed, long daysLeft) {
    }

    static PublicItem of(ContentItem item, List<ContentItem> related, Instant now) {
        ItemFields f = item.fields();
        return new PublicItem(item.id(), PublicLinks.path(item.id()), item.kind(), label(item.kind()), f.title(),
                f.issuer(), f.docNumber(), format(DATE, f.publishedAt() != null ? f.publishedAt() : item.receivedAt()),
                f.summary(), f.body(), f.url(), related.stream().map(r -> new Related(r.fields().title(),
                        PublicLinks.path(r.id()), label(r.kind()))).toList(),
                item.kind() == ItemKind.CONSULTATION ? period(f, now) : null);
    }

    /** Items a citizen may open: the approved ones, but never an opinion task (those are the office's own work). */
    static boolean shown(ContentItem item) {
        return item.state() == org.sunshinehub.content.ItemState.APPROVED && item.kind() != ItemKind.OPINION_TASK;
    }

    static String label(ItemKind kind) {
        return switch (kind) {
            case DISCLOSURE -> "政府信息公开";
            case CONSULTATION -> "意见征集";
            case INTERPRETATION -> "政策解读";
            case OPINION_TASK -> "舆情回应";
        };
    }

    private static Period period(ItemFields f, Instant now) {
        boolean notYet = f.opensAt() != null && now.isBefore(f.opensAt());
        boolean closed = f.closesAt() != null && now.isAfter(f.closesAt());
        long daysLeft = f.closesAt() == null ? -1 : Math.max(0, ChronoUnit.DAYS.between(
                LocalDate.ofInstant(now, SunshineHubApplication.ZONE), LocalDate.ofInstant(f.closesAt(), SunshineHubApplication.ZONE)));
        return new Period(format(DATE, f.opensAt()), format(DATE_TIME, f.closesAt()), !notYet && !closed, closed, daysLeft);
    }

    static String date(Instant at) {
        return format(DATE, at);
    }

    private static String format(DateTimeFormatter formatter, Instant at) {
        return at == null ? null : formatter.format(at);
    }
}
