package org.sunshinehub.consultation;

import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunshinehub.security.AuditAction;
import org.sunshinehub.security.AuditLog;
import org.sunshinehub.feedback.Feedback;
import org.sunshinehub.feedback.FeedbackInbox;
import org.sunshinehub.web.InvalidInputException;

@RestController
@RequestMapping("/api/consultations/{id}")
class ConsultationController {

    private final ConsultationService consultations;
    private final AuditLog audit;

    ConsultationController(ConsultationService consultations, AuditLog audit) {
        this.consultations = consultations;
        this.audit = audit;
    }

    /** The web form: 201, or 409 when the consultation is closed (or not yet open). */
    @Operation(summary = "提交征集意见")
    @PostMapping("/opinions")
    @ResponseStatus(HttpStatus.CREATED)
    Feedback opinion(@PathVariable String id, @RequestBody ConsultationService.WebOpinion opinion) {
        return consultations.opinionFromWebForm(id, opinion);
    }

    @Operation(summary = "标记意见是否采纳")
    @PutMapping("/opinions/{feedbackId}/adoption")
    void mark(@PathVariable String id, @PathVariable String feedbackId, @RequestBody Mark mark) {
        if (mark.adoption() == null) {
            throw new InvalidInputException("采纳标记有误", java.util.Map.of("adoption", "须为 ADOPTED、PARTLY 或 NOT_ADOPTED"));
        }
        consultations.mark(id, feedbackId, mark.adoption(), mark.reason());
        audit.record(AuditAction.ADOPTION_MARK, "feedback:" + feedbackId, mark.adoption()
                + (mark.reason() == null ? "" : "：" + mark.reason()));
    }

    @Operation(summary = "生成并发布意见采纳情况报告")
    @PostMapping("/report")
    @ResponseStatus(HttpStatus.CREATED)
    Document publish(@PathVariable String id, @RequestBody(required = false) Publish body) {
        Document report = consultations.publishReport(id, body == null ? null : body.summary());
        audit.record(AuditAction.REPORT_PUBLISH, "item:" + id, null);
        return report;
    }

    @Operation(summary = "查询意见采纳情况报告")
    @GetMapping("/report")
    Document report(@PathVariable String id) {
        return consultations.report(id);
    }

    @Operation(summary = "结束意见征集")
    @PostMapping("/close")
    Document close(@PathVariable String id) {
        Document closed = consultations.close(id);
        audit.record(AuditAction.CONSULTATION_CLOSE, "item:" + id, null);
        return closed;
    }

    record Mark(FeedbackInbox.Adoption adoption, String reason) {
    }

    record Publish(String summary) {
    }
}
