package org.sunshinehub.consultation;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemQuery;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.feedback.FeedbackInbox;
import org.sunshinehub.security.ConsolePage;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;
import org.sunshinehub.web.InvalidInputException;

/** 意见征集: the opinions with their adoption marks, the report's preview, publishing and closing (through the API's controller). */
@Controller
@ConsolePage
class ConsultationPages {

    private final ItemRepository items;
    private final FeedbackInbox feedback;
    private final ConsultationService consultations;
    private final ConsultationController api;
    private final Staff staff;

    ConsultationPages(ItemRepository items, FeedbackInbox feedback, ConsultationService consultations,
                      ConsultationController api, Staff staff) {
        this.items = items;
        this.feedback = feedback;
        this.consultations = consultations;
        this.api = api;
        this.staff = staff;
    }

    @GetMapping("/consultations")
    String list(Model model) {
        staff.require(Role.RESPONDER, Role.ADMIN, Role.AUDITOR);
        model.addAttribute("consultations", items.find(new ItemQuery(ItemKind.CONSULTATION, null, null, 0, 100)).items());
        return "consultations";
    }

    @GetMapping("/consultations/{id}")
    String detail(@PathVariable String id, Model model) {
        staff.require(Role.RESPONDER, Role.ADMIN, Role.AUDITOR);
        model.addAttribute("item", items.findById(id).filter(i -> i.kind() == ItemKind.CONSULTATION).orElseThrow(() ->
                new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "没有这项意见征集")));
        List<Document> opinions = new ArrayList<>();
        feedback.ofItem(id).forEach(opinions::add);
        model.addAttribute("opinions", opinions);
        model.addAttribute("report", consultations.publishedReport(id).orElse(null));
        try {
            model.addAttribute("preview", consultations.publishedReport(id).isEmpty() ? consultations.previewReport(id, null) : null);
        } catch (ResponseStatusException e) {
            model.addAttribute("previewProblem", e.getReason());
        }
        return "consultation";
    }

    @PostMapping("/consultations/{id}/opinions/{feedbackId}/adoption")
    String mark(@PathVariable String id, @PathVariable String feedbackId, @RequestParam FeedbackInbox.Adoption adoption,
                @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        staff.require(Role.RESPONDER);
        try {
            api.mark(id, feedbackId, new ConsultationController.Mark(adoption, reason == null || reason.isBlank() ? null : reason));
            redirect.addFlashAttribute("notice", "已标记");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "未采纳或部分采纳须说明理由");
        }
        return "redirect:/consultations/" + id;
    }

    @PostMapping("/consultations/{id}/report")
    String publish(@PathVariable String id, @RequestParam(required = false) String summary, RedirectAttributes redirect) {
        staff.require(Role.RESPONDER);
        try {
            api.publish(id, new ConsultationController.Publish(summary));
            redirect.addFlashAttribute("notice", "采纳情况已发布，并已短信告知留有手机号的参与者");
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("problem", e.getReason());
        }
        return "redirect:/consultations/" + id;
    }

    @PostMapping("/consultations/{id}/close")
    String close(@PathVariable String id, RedirectAttributes redirect) {
        staff.require(Role.RESPONDER);
        try {
            api.close(id);
            redirect.addFlashAttribute("notice", "意见征集已办结");
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("problem", e.getReason());
        }
        return "redirect:/consultations/" + id;
    }
}
