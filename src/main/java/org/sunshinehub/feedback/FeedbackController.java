package org.sunshinehub.feedback;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.web.Paging;

@RestController
@RequestMapping("/api/feedback")
class FeedbackController {

    private static final List<String> CHANNELS = List.of("sms", "wechat", "app", "weibo", "web");

    private final FeedbackInbox inbox;

    FeedbackController(FeedbackInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    FeedbackPage list(@RequestParam(required = false) String itemId, @RequestParam(required = false) String channel,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        if (channel != null && !CHANNELS.contains(channel)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "channel 可选 " + CHANNELS);
        }
        Bson filter = FeedbackInbox.filter(itemId, channel, since == null ? null : Date.from(since.toInstant()));
        return new FeedbackPage(page, size, inbox.count(filter), inbox.find(filter, page, size));
    }

    record FeedbackPage(int page, int size, long total, List<Feedback> feedback) {
    }
}
