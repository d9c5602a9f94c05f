package org.sunshinehub.opiniontask;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.calendar.WorkingDayCalendar;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemApproved;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemLinks;
import org.sunshinehub.content.ItemRepository;

/**
 * 谁起草、谁解读: an approved document of a category that needs an interpretation
 * ({@code sunshine.interpretations.required-categories}) that still has none after
 * {@code sunshine.interpretations.max-lag-working-days} raises an opinion task for its drafting division. The
 * national rule is "at the same time" (国办发〔2016〕80号); a lag in days is a local rule, so it is off by default.
 */
@Component
class InterpretationWatch {

    static final String CHECK = "CHECK_INTERPRETATION";
    private static final Logger log = LoggerFactory.getLogger(InterpretationWatch.class);

    private final OpinionTaskStore store;
    private final ItemRepository items;
    private final ItemLinks links;
    private final WorkingDayCalendar calendar;
    private final Divisions divisions;
    private final org.sunshinehub.ingest.ItemIntake intake;
    private final List<String> categories;
    private final int lag;

    InterpretationWatch(OpinionTaskStore store, ItemRepository items, ItemLinks links, WorkingDayCalendar calendar,
                        Divisions divisions, org.sunshinehub.ingest.ItemIntake intake,
                        @Value("${sunshine.interpretations.required-categories:}") List<String> categories,
                        @Value("${sunshine.interpretations.max-lag-working-days:3}") int lag) {
        this.store = store;
        this.items = items;
        this.links = links;
        this.calendar = calendar;
        this.divisions = divisions;
        this.intake = intake;
        this.categories = categories;
        this.lag = lag;
    }

    @EventListener
    void onApproved(ItemApproved event) {
        items.findById(event.itemId()).filter(this::needsInterpretation).ifPresent(doc -> {
            LocalDate published = (doc.fields().publishedAt() != null ? doc.fields().publishedAt() : doc.receivedAt())
                    .atZone(SunshineHubApplication.ZONE).toLocalDate();
            LocalDate last = calendar.plusWorkingDays(published, lag);
            store.insertTimer(new Document("_id", doc.id() + ":interpretation").append("task", doc.id())
                    .append("kind", CHECK).append("dueAt", Date.from(last.plusDays(1).atStartOfDay(SunshineHubApplication.ZONE)
                            .toInstant())).append("state", "SCHEDULED"));
        });
    }

    private boolean needsInterpretation(ContentItem item) {
        return item.kind() == ItemKind.DISCLOSURE && item.fields().docNumber() != null
                && categories.contains(item.fields().category());
    }

    /** Fired by the timer job: raises the task when the document still has no interpretation. */
    String check(Document timer) {
        ContentItem doc = items.findById(timer.getString("task")).orElse(null);
        if (doc == null || !links.related(doc).isEmpty()) {
            return "SKIPPED";
        }
        String division = divisions.responsibleFor(doc.fields()).map(Division::id).orElse(null);
        intake.takeOpinionTask("interpretation-watch", doc.id(),
                "尚无政策解读：《" + doc.fields().title() + "》（" + doc.fields().docNumber() + "，谁起草、谁解读）", division);
        log.warn("Document {} 《{}》 has no interpretation after {} working days: task raised", doc.id(),
                doc.fields().title(), lag);
        return "DONE";
    }
}
