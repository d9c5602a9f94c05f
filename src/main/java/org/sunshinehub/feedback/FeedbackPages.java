package org.sunshinehub.feedback;

import java.time.Clock;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunshinehub.security.AuditAction;
import org.sunshinehub.security.AuditLog;
import org.sunshinehub.security.ConsolePage;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;

/** 反馈: the inbox by item, channel and answered or not; answering goes through {@link FeedbackController}. */
@Controller
@ConsolePage
class FeedbackPages {

    private static final int PAGE_SIZE = 20;

    private final FeedbackInbox inbox;
    private final FeedbackController api;
    private final Staff staff;
    private final AuditLog audit;
    private final Clock clock;

    FeedbackPages(FeedbackInbox inbox, FeedbackController api, Staff staff, AuditLog audit, Clock clock) {
        this.inbox = inbox;
        this.api = api;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/feedback")
    String inbox(@RequestParam(required = false) String itemId, @RequestParam(required = false) String channel,
                 @RequestParam(required = false) Boolean answered, @RequestParam(defaultValue = "0") int page, Model model) {
        staff.require(Role.RESPONDER, Role.ADMIN, Role.AUDITOR);
        Bson filter = FeedbackInbox.answered(FeedbackInbox.filter(blankToNull(itemId), blankToNull(channel), null), answered);
        model.addAttribute("entries", inbox.entries(filter, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("total", inbox.count(filter));
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", PAGE_SIZE);
        return "feedback";
    }

    @PostMapping("/feedback/{id}/answer")
    String answer(@PathVariable String id, @RequestParam String text, RedirectAttributes redirect) {
        staff.require(Role.RESPONDER);
        try {
            api.answer(id, new FeedbackController.AnswerRequest(text));
            redirect.addFlashAttribute("notice", "答复已发出");
        } catch (ResponseStatusException e) {
            if (e.getStatusCode() != HttpStatus.CONFLICT && e.getStatusCode() != HttpStatus.BAD_REQUEST
                    && e.getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE) {
                throw e;
            }
            redirect.addFlashAttribute("problem", "未能答复：" + e.getReason());
        }
        return "redirect:/feedback?answered=false";
    }

    @PostMapping("/feedback/{id}/handled")
    String handled(@PathVariable String id, RedirectAttributes redirect) {
        staff.require(Role.RESPONDER);
        inbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条反馈"));
        inbox.markHandled(id, clock.instant());
        audit.record(AuditAction.FEEDBACK_HANDLED, "feedback:" + id, null);
        redirect.addFlashAttribute("notice", "已标记为已处理");
        return "redirect:/feedback?answered=false";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
