package org.sunshinehub.publicpages;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunshinehub.channel.wechat.WechatWebAuthorization;
import org.sunshinehub.consultation.PublishedReports;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemLinks;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.PublicLinks;
import org.sunshinehub.feedback.Feedback;
import org.sunshinehub.feedback.FeedbackInbox;

/**
 * An item's public page by its short link; for a consultation also the period, the opinion form (for a verified
 * phone, or anyone when the office allows anonymous opinions) and, once published, the adoption report.
 */
@Controller
@PublicPage
class ItemPages {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Crockford's base 32: no I, L, O, U, so a receipt number read out over the phone is not misheard. */
    private static final String RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final ItemRepository items;
    private final ItemLinks links;
    private final PublishedReports reports;
    private final FeedbackInbox feedback;
    private final PublicPageProperties properties;
    private final PublicLimits limits;
    private final WechatWebAuthorization wechat;
    private final Clock clock;

    ItemPages(ItemRepository items, ItemLinks links, PublishedReports reports, FeedbackInbox feedback,
              PublicPageProperties properties, PublicLimits limits, WechatWebAuthorization wechat,
              Clock clock) {
        this.wechat = wechat;
        this.limits = limits;
        this.items = items;
        this.links = links;
        this.reports = reports;
        this.feedback = feedback;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(PublicLinks.ROOT + "/{code}")
    String item(@PathVariable String code, HttpServletRequest request, Model model) {
        ContentItem item = shown(code);
        model.addAttribute("item", PublicItem.of(item, links.related(item), clock.instant()));
        if (item.kind() == ItemKind.CONSULTATION) {
            reports.of(item.id()).ifPresent(r -> {
                model.addAttribute("report", r);
                model.addAttribute("reportDate", PublicItem.date(r.publishedAt()));
            });
            model.addAttribute("citizen", CitizenSession.current(request).map(CitizenSession.Identity::masked).orElse(null));
            model.addAttribute("wechat", wechat.available());
            model.addAttribute("anonymous", properties.anonymousOpinions());
            model.addAttribute("maxLength", properties.maxOpinionLength());
            model.addAttribute("receiptToken", newReceipt());
        }
        return "public/item";
    }

    @PostMapping(PublicLinks.ROOT + "/{code}/opinions")
    String opinion(@PathVariable String code, @RequestParam(required = false) String text,
                   @RequestParam(required = false) String receiptToken, HttpServletRequest request,
                   RedirectAttributes redirect) {
        ContentItem item = shown(code);
        limits.byAddress(PublicLimits.Action.OPINION, request);
        Optional<CitizenSession.Identity> citizen = CitizenSession.current(request);
        Optional<String> problem = citizen.isEmpty() && !properties.anonymousOpinions()
                ? Optional.of("请先验证手机号") : OpinionText.problem(text, properties.maxOpinionLength());
        if (problem.isEmpty() && (receiptToken == null || !receiptToken.matches("[" + RECEIPT_ALPHABET + "]{10}"))) {
            problem = Optional.of("页面已过期，请刷新后再提交");
        }
        if (problem.isPresent() || item.kind() != ItemKind.CONSULTATION) {
            redirect.addFlashAttribute("problem", problem.orElse("这条信息不接受在线意见"));
            redirect.addFlashAttribute("draft", text);
            return "redirect:" + PublicLinks.path(item.id()) + "#opinion";
        }
        citizen.ifPresent(c -> limits.byCitizen(PublicLimits.Action.OPINION, c.address()));
        // The identity is part of the key: a double click is one opinion, another citizen's number is no key to it.
        String key = "public:" + receiptToken + ":" + citizen.map(c -> Integer.toHexString(c.address().hashCode())).orElse("anonymous");
        FeedbackInbox.Recorded recorded = feedback.record(new Feedback(key, item.id(), "web", null, citizen.map(CitizenSession.Identity::address).orElse(null),
                OpinionText.clean(text), null, clock.instant()));
        if (recorded.outcome() == FeedbackInbox.Outcome.REFUSED) {
            redirect.addFlashAttribute("problem", recorded.reason());
        } else {
            redirect.addFlashAttribute("receipt", "YJ" + receiptToken);
        }
        return "redirect:" + PublicLinks.path(item.id()) + "#opinion";
    }

    private ContentItem shown(String code) {
        return PublicLinks.itemId(code).flatMap(items::findById).filter(PublicItem::shown)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到这条信息，链接可能有误或信息已撤回"));
    }

    private static String newReceipt() {
        StringBuilder token = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            token.append(RECEIPT_ALPHABET.charAt(RANDOM.nextInt(RECEIPT_ALPHABET.length())));
        }
        return token.toString();
    }
}
