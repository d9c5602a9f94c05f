package org.sunshinehub.publicpages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunshinehub.audience.PhoneNumbers;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.PublicLinks;

/**
 * 验证手机号: the phone, then the code it received. Where the citizen goes afterwards is derived from the item's
 * code (or the subscription page), never taken as a URL, so the page cannot be made to redirect elsewhere.
 */
@Controller
@PublicPage
class VerifyPages {

    static final String PATH = PublicLinks.ROOT + "/verify";

    private final PhoneVerification verification;
    private final ItemRepository items;
    private final PublicLimits limits;

    VerifyPages(PhoneVerification verification, ItemRepository items, PublicLimits limits) {
        this.verification = verification;
        this.items = items;
        this.limits = limits;
    }

    @GetMapping(PATH)
    String form(@RequestParam(defaultValue = "OPINION") Purpose purpose, @RequestParam(required = false) String item,
                Model model) {
        model.addAttribute("purpose", purpose);
        model.addAttribute("itemCode", about(purpose, item).map(i -> PublicLinks.code(i.id())).orElse(null));
        model.addAttribute("itemTitle", about(purpose, item).map(i -> i.fields().title()).orElse(null));
        return "public/verify";
    }

    @PostMapping(PATH + "/code")
    String send(@RequestParam(defaultValue = "OPINION") Purpose purpose, @RequestParam(required = false) String item,
                @RequestParam(required = false) String phone, HttpServletRequest request, RedirectAttributes redirect) {
        limits.byAddress(PublicLimits.Action.CODE, request);
        Optional<String> normalised = PhoneNumbers.normalise(phone == null ? "" : phone);
        redirect.addFlashAttribute("phone", phone);
        if (normalised.isEmpty()) {
            redirect.addFlashAttribute("problem", "请填写有效的 11 位手机号");
        } else {
            limits.byCitizen(PublicLimits.Action.CODE, normalised.get());
            try {
                verification.send(purpose, normalised.get(), about(purpose, item).orElse(null));
                redirect.addFlashAttribute("sent", true);
                redirect.addFlashAttribute("notice", "验证码已发送到 " + PhoneNumbers.mask(normalised.get()));
            } catch (PhoneVerification.Refused e) {
                redirect.addFlashAttribute("problem", e.getMessage());
                redirect.addFlashAttribute("sent", e.getMessage().startsWith("验证码已发送"));
            }
        }
        return "redirect:" + back(purpose, item);
    }

    @PostMapping(PATH)
    String verify(@RequestParam(defaultValue = "OPINION") Purpose purpose, @RequestParam(required = false) String item,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) String code,
                  HttpServletRequest request, RedirectAttributes redirect) {
        limits.byAddress(PublicLimits.Action.VERIFY, request);
        Optional<String> normalised = PhoneNumbers.normalise(phone == null ? "" : phone);
        redirect.addFlashAttribute("phone", phone);
        redirect.addFlashAttribute("sent", true);
        if (normalised.isEmpty() || code == null || !code.strip().matches("\\d{6}")) {
            redirect.addFlashAttribute("problem", "请填写手机号和收到的 6 位验证码");
            return "redirect:" + back(purpose, item);
        }
        try {
            verification.verify(purpose, normalised.get(), code.strip());
        } catch (PhoneVerification.Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:" + back(purpose, item);
        }
        CitizenSession.verified(request, new CitizenSession.Identity(org.sunshinehub.channelkind.ChannelKind.SMS, normalised.get()));
        redirect.addFlashAttribute("notice", "手机号已验证");
        Optional<ContentItem> target = about(purpose, item);
        return "redirect:" + target.map(i -> PublicLinks.path(i.id()) + "#opinion").orElse(SubscriptionPages.PATH);
    }

    private Optional<ContentItem> about(Purpose purpose, String itemCode) {
        return purpose == Purpose.OPINION
                ? PublicLinks.itemId(itemCode).flatMap(items::findById).filter(PublicItem::shown) : Optional.empty();
    }

    private String back(Purpose purpose, String itemCode) {
        return PATH + "?purpose=" + purpose + about(purpose, itemCode).map(i -> "&item=" + PublicLinks.code(i.id())).orElse("");
    }
}
