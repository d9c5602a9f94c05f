package org.sunshinehub.consultation;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.calendar.WorkingDayCalendar;
import org.sunshinehub.content.ItemFields;

/**
 * The legal minimum comment period: 30 days for 重大行政决策, 规章 and 行政法规 drafts, 7 working days for
 * 行政规范性文件 (configurable). A shorter period needs a recorded reason.
 */
@Component
public class CommentPeriodRule {

    private final ConsultationProperties properties;
    private final WorkingDayCalendar calendar;

    CommentPeriodRule(ConsultationProperties properties, WorkingDayCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /** @return why the draft's period is too short, or empty when it is long enough or a reason is given */
    public Optional<String> violation(ItemFields consultation, String shortPeriodReason) {
        if (consultation.opensAt() == null || consultation.closesAt() == null) {
            return Optional.empty();
        }
        ConsultationProperties.Period period = properties.periodFor(consultation.consultationType());
        LocalDate opens = consultation.opensAt().atZone(SunshineHubApplication.ZONE).toLocalDate();
        LocalDate closes = consultation.closesAt().atZone(SunshineHubApplication.ZONE).toLocalDate();
        LocalDate earliest = period.workingDays() ? calendar.plusWorkingDays(opens, period.days())
                : calendar.endOfPeriod(opens, period.days());
        if (!closes.isBefore(earliest) || shortPeriodReason != null && !shortPeriodReason.isBlank()) {
            return Optional.empty();
        }
        return Optional.of("征求意见期限不足：" + (consultation.consultationType() == null ? "意见征集"
                : consultation.consultationType()) + "一般不少于 " + period.days() + (period.workingDays() ? " 个工作日" : " 日")
                + "（" + period.source() + "），截止日应不早于 " + earliest + "；确需缩短的，须在 shortPeriodReason 中说明理由");
    }
}
