package org.sunshinehub.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.sunshinehub.consultation.CommentPeriodRule;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemApproved;
import org.sunshinehub.content.ItemFields;
import org.sunshinehub.content.ItemReceived;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.ItemRepository.Insertion;
import org.sunshinehub.content.ItemState;
import org.sunshinehub.content.Withholding;
import org.sunshinehub.review.NegativeList;
import org.sunshinehub.review.ReviewLevels;

/** normalise → de-duplicate → negative-list gate → store, the same for every source. */
@Service
class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final ItemRepository items;
    private final NegativeList negativeList;
    private final ReviewLevels reviewLevels;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CommentPeriodRule commentPeriod;
    private final IntakeMeters meters;

    IntakeService(ItemRepository items, NegativeList negativeList, ReviewLevels reviewLevels, Clock clock,
                  ApplicationEventPublisher events, CommentPeriodRule commentPeriod, IntakeMeters meters) {
        this.meters = meters;
        this.commentPeriod = commentPeriod;
        this.items = items;
        this.negativeList = negativeList;
        this.reviewLevels = reviewLevels;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @param preApproved the source is already public (e.g. a website column marked pre-approved)
     * @return the stored item; {@code created} is false when source+sourceId was already known
     */
    Insertion accept(ItemKind kind, ItemFields fields, boolean preApproved) {
        Optional<ContentItem> known = items.findBySource(fields.source(), fields.sourceId());
        if (known.isPresent()) {
            meters.duplicate(fields.source());
            return new Insertion(known.get(), false);
        }
        if (kind == ItemKind.CONSULTATION) {
            commentPeriod.violation(fields, fields.shortPeriodReason())
                    .ifPresent(v -> { throw new InvalidItemException(Map.of("closesAt", v)); });
        }
        Insertion insertion = items.insertIfAbsent(gate(kind, fields, preApproved));
        if (!insertion.created()) {
            meters.duplicate(fields.source());
        } else {
            meters.stored(fields.source(), insertion.item().state());
            logArrival(insertion.item());
            events.publishEvent(new ItemReceived(insertion.item().id(), kind));
            if (insertion.item().state() == ItemState.APPROVED) {
                events.publishEvent(new ItemApproved(insertion.item().id(), fields.category(), true));
            }
        }
        return insertion;
    }

    private ContentItem gate(ItemKind kind, ItemFields fields, boolean preApproved) {
        if (kind == ItemKind.OPINION_TASK) {
            return item(kind, fields, ItemState.RECEIVED, null, List.of());
        }
        Optional<Withholding> withheld = negativeList.check(fields);
        if (withheld.isPresent()) {
            return item(kind, fields, ItemState.WITHHELD, withheld.get(), List.of());
        }
        if (preApproved || reviewLevels.isPreApproved(fields.source())) {
            return item(kind, fields, ItemState.APPROVED, null, List.of());
        }
        return item(kind, fields, ItemState.PENDING_REVIEW, null, reviewLevels.levelsFor(fields.category()));
    }

    private ContentItem item(ItemKind kind, ItemFields fields, ItemState state, Withholding withheld,
                             List<String> levels) {
        return new ContentItem(ItemRepository.newId(), kind, state, fields, clock.instant(), withheld, levels,
                List.of(), null, 0);
    }

    private static void logArrival(ContentItem item) {
        String what = item.kind() + " 《" + item.fields().title() + "》 from " + item.fields().source() + "/"
                + item.fields().sourceId() + " (id " + item.id() + ")";
        switch (item.state()) {
            case WITHHELD -> log.warn("Withheld {}: negative-list rule '{}' ({}): {}", what,
                    item.withheld().ruleId(), item.withheld().ground(), item.withheld().matched());
            case PENDING_REVIEW -> log.info("Received {} → waiting for review {}", what, item.requiredLevels());
            default -> log.info("Received {} → {}", what, item.state());
        }
    }
}
