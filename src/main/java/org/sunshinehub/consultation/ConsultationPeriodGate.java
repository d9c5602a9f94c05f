package org.sunshinehub.consultation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.feedback.FeedbackGate;

/** Opinions on a consultation are taken only between {@code opensAt} and {@code closesAt}, from every channel. */
@Component
class ConsultationPeriodGate implements FeedbackGate {

    private static final DateTimeFormatter CLOSES = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA)
            .withZone(SunshineHubApplication.ZONE);

    private final ItemRepository items;

    ConsultationPeriodGate(ItemRepository items) {
        this.items = items;
    }

    @Override
    public Optional<String> refusal(String itemId, Instant at) {
        return items.findById(itemId).filter(i -> i.kind() == ItemKind.CONSULTATION).flatMap(c -> closedReason(c, at));
    }

    static Optional<String> closedReason(ContentItem c, Instant at) {
        if (c.fields().closesAt() != null && at.isAfter(c.fields().closesAt())) {
            return Optional.of("《" + c.fields().title() + "》意见征集已于" + CLOSES.format(c.fields().closesAt()) + "截止，感谢关注");
        }
        if (c.fields().opensAt() != null && at.isBefore(c.fields().opensAt())) {
            return Optional.of("《" + c.fields().title() + "》意见征集尚未开始");
        }
        return Optional.empty();
    }
}
