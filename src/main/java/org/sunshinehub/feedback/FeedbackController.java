package org.sunshinehub.feedback;

import io.swagger.v3.oas.annotations.Operation;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunshinehub.security.AuditAction;
import org.sunshinehub.security.AuditLog;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.web.Paging;

@RestController
@RequestMapping("/api/feedback")
class FeedbackController {

    private static final List<String> CHANNELS = List.of("sms", "wechat", "app", "weibo", "web");

    private final FeedbackInbox inbox;
    private final List<AnswerChannel> answerChannels;
    private final java.time.Clock clock;
    private final AuditLog audit;

    FeedbackController(FeedbackInbox inbox, List<AnswerChannel> answerChannels, java.time.Clock clock, AuditLog audit) {
        this.inbox = inbox;
        this.answerChannels = answerChannels;
        this.clock = clock;
        this.audit = audit;
    }

    /** Staff answer one piece of feedback; it goes back on the channel it came from, and is recorded. */
    @Operation(summary = "答复市民留言")
    @PostMapping("/{id}/answer")
    Answered answer(@PathVariable String id, @RequestBody AnswerRequest request) {
        if (request.text() == null || request.text().isBlank() || request.text().length() > 600) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "text 不能为空且不超过 600 字");
        }
        Feedback feedback = inbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条反馈"));
        AnswerChannel channel = answerChannels.stream().filter(c -> c.channel().equals(feedback.channel())).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                        "渠道 " + feedback.channel() + " 暂不支持直接回复，请另行联系"));
        try {
            channel.answer(feedback, request.text().strip());
        } catch (AnswerChannel.AnswerRefusedException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        } catch (RuntimeException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "回复暂未发出，请稍后重试");
        }
        java.time.Instant at = clock.instant();
        inbox.recordAnswer(id, request.text().strip(), at);
        audit.record(AuditAction.FEEDBACK_ANSWER, "feedback:" + id, request.text().strip());
        return new Answered(id, feedback.channel(), request.text().strip(), at);
    }

    record AnswerRequest(String text) {
    }

    record Answered(String feedbackId, String channel, String answer, java.time.Instant answeredAt) {
    }

    @Operation(summary = "列出市民留言")
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
