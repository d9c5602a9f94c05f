package org.sunshinehub.review;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemQuery;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.ItemState;
import org.sunshinehub.content.ReviewRecord.Decision;
import org.sunshinehub.security.ConsolePage;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;
import org.sunshinehub.security.StaffAccount;

/** 信息: the items list, an item's detail with its review trail, and signing at the member's own level. */
@Controller
@ConsolePage
class ReviewPages {

    private static final int PAGE_SIZE = 20;

    private final ItemRepository items;
    private final ReviewService reviews;
    private final Staff staff;

    ReviewPages(ItemRepository items, ReviewService reviews, Staff staff) {
        this.items = items;
        this.reviews = reviews;
        this.staff = staff;
    }

    @GetMapping("/items")
    String list(@RequestParam(required = false) ItemKind kind, @RequestParam(required = false) ItemState state,
                @RequestParam(required = false) String category, @RequestParam(required = false) String source,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        StaffAccount me = staff.require(Role.ADMIN, Role.REVIEWER, Role.PUBLISHER, Role.RESPONDER, Role.AUDITOR);
        model.addAttribute("page", items.find(new ItemQuery(kind, state, category, source, q, Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("kinds", ItemKind.values());
        model.addAttribute("states", ItemState.values());
        model.addAttribute("signable", (java.util.function.Predicate<ContentItem>) i -> signable(me, i));
        return "items";
    }

    @GetMapping("/items/{id}")
    String detail(@PathVariable String id, Model model) {
        StaffAccount me = staff.require(Role.ADMIN, Role.REVIEWER, Role.PUBLISHER, Role.RESPONDER, Role.AUDITOR);
        ContentItem item = item(id);
        model.addAttribute("item", item);
        model.addAttribute("mySign", signable(me, item));
        return "item";
    }

    @PostMapping("/items/{id}/review")
    String sign(@PathVariable String id, @RequestParam Decision decision, @RequestParam(required = false) String comment,
                RedirectAttributes redirect) {
        ContentItem item = item(id);
        String level = item.pendingLevels().isEmpty() ? "" : item.pendingLevels().get(0);
        reviews.sign(id, new ReviewRequest(level, decision, blankToNull(comment)));
        redirect.addFlashAttribute("notice", "已签署「" + level + "」：" + (decision == Decision.APPROVE ? "通过" : "驳回"));
        return "redirect:/items/" + id;
    }

    /** Approves the checked items at the member's level; each refusal is reported, the rest still signed. */
    @PostMapping("/items/bulk-approve")
    String bulkApprove(@RequestParam(name = "ids", required = false) List<String> ids, RedirectAttributes redirect) {
        staff.require(Role.REVIEWER);
        List<String> refused = new ArrayList<>();
        int signed = 0;
        for (String id : ids == null ? List.<String>of() : ids) {
            try {
                ContentItem item = item(id);
                reviews.sign(id, new ReviewRequest(item.pendingLevels().isEmpty() ? "" : item.pendingLevels().get(0),
                        Decision.APPROVE, "批量通过"));
                signed++;
            } catch (ResponseStatusException e) {
                refused.add(id + "：" + e.getReason());
            }
        }
        redirect.addFlashAttribute("notice", "批量通过 " + signed + " 条");
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("problem", "未能签署：" + String.join("；", refused));
        }
        return "redirect:/items?state=PENDING_REVIEW";
    }

    private ContentItem item(String id) {
        return items.findById(id).orElseThrow(() ->
                new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "没有 id 为 " + id + " 的信息"));
    }

    private static boolean signable(StaffAccount me, ContentItem item) {
        return !item.pendingLevels().isEmpty() && me.maySign(item.pendingLevels().get(0), item.fields().category())
                && item.reviews().stream().noneMatch(r -> me.username().equals(r.reviewer()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
