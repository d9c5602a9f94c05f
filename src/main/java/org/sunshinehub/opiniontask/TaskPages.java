package org.sunshinehub.opiniontask;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunshinehub.security.ConsolePage;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;

/**
 * 舆情任务: the board by state with a countdown to every open deadline; assigning, acknowledging and responding go
 * through {@link OpinionTaskController}, which keeps a division's account to its own division's tasks and audits.
 */
@Controller
@ConsolePage
class TaskPages {

    private final OpinionTaskController api;
    private final Divisions divisions;
    private final Staff staff;

    TaskPages(OpinionTaskController api, Divisions divisions, Staff staff) {
        this.api = api;
        this.divisions = divisions;
        this.staff = staff;
    }

    @GetMapping("/tasks")
    String board(Model model) {
        staff.require(Role.RESPONDER, Role.DIVISION, Role.AUDITOR, Role.ADMIN, Role.PUBLISHER);
        Map<String, List<Document>> byState = api.list(null).stream()
                .collect(Collectors.groupingBy(t -> t.getString("state"), TreeMap::new, Collectors.toList()));
        model.addAttribute("byState", byState);
        model.addAttribute("divisions", divisions.all().stream().collect(Collectors.toMap(Division::id, Division::name,
                (a, b) -> a, TreeMap::new)));
        return "tasks";
    }

    @PostMapping("/tasks/{id}/assign")
    String assign(@PathVariable String id, @RequestParam String division, RedirectAttributes redirect) {
        staff.require(Role.RESPONDER, Role.ADMIN);
        api.assign(id, new OpinionTaskController.Assignment(division));
        redirect.addFlashAttribute("notice", "已分派");
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/ack")
    String acknowledge(@PathVariable String id, RedirectAttributes redirect) {
        staff.require(Role.RESPONDER, Role.DIVISION);
        api.acknowledge(id, new OpinionTaskController.Acknowledgement(null));
        redirect.addFlashAttribute("notice", "已签收");
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/respond")
    String respond(@PathVariable String id, @RequestParam String text, @RequestParam(required = false) String link,
                   RedirectAttributes redirect) {
        staff.require(Role.RESPONDER, Role.DIVISION);
        api.respond(id, new OpinionTaskController.Response(text, link == null || link.isBlank() ? null : link, null, null, false));
        redirect.addFlashAttribute("notice", "已回应");
        return "redirect:/tasks";
    }
}
