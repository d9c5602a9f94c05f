package org.sunshinehub.plan;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemQuery;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.ItemState;
import org.sunshinehub.dispatch.DeliveryState;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.dispatch.SendOutcome;
import org.sunshinehub.security.AuditAction;
import org.sunshinehub.security.AuditLog;
import org.sunshinehub.security.ConsolePage;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;
import org.sunshinehub.security.StaffAccount;

/**
 * 推送: creating a plan with a preview of each channel's message and a test send to oneself; a plan's page with
 * its progress, polled every 2 s; cancelling behind a confirmation. Creating and cancelling go through
 * {@link PlanController}, so the console and the API validate and audit alike.
 */
@Controller
@ConsolePage
class PlanPages {

    private final PlanController api;
    private final PlanService plans;
    private final PlanStore store;
    private final ItemRepository items;
    private final SubscriberDirectory subscribers;
    private final Dispatcher dispatcher;
    private final Staff staff;
    private final AuditLog audit;
    private final String smsSignature;

    PlanPages(PlanController api, PlanService plans, PlanStore store, ItemRepository items,
              SubscriberDirectory subscribers, Dispatcher dispatcher, Staff staff, AuditLog audit,
              @Value("${sunshine.sms.aliyun.sign-name:}") String smsSignature) {
        this.api = api;
        this.plans = plans;
        this.store = store;
        this.items = items;
        this.subscribers = subscribers;
        this.dispatcher = dispatcher;
        this.staff = staff;
        this.audit = audit;
        this.smsSignature = smsSignature;
    }

    /** The plan form as posted (and as re-shown with a preview). */
    record PlanForm(String itemId, List<String> channels, String fallback, String topics, Boolean all, String when,
                    String sendAt, Boolean urgent, String overCap) {

        PlanForm {
            channels = channels == null ? List.of() : channels;
            all = Boolean.TRUE.equals(all);
            urgent = Boolean.TRUE.equals(urgent);
        }

        boolean isFallback() {
            return fallback != null && !fallback.isBlank();
        }

        List<String> fallbackOrder() {
            return isFallback() ? Arrays.stream(fallback.split("[,，\\s>]+")).filter(s -> !s.isBlank()).toList() : List.of();
        }

        List<String> topicList() {
            return topics == null ? List.of() : Arrays.stream(topics.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
        }

        AudienceSpec audience() {
            return new AudienceSpec(all ? List.of() : topicList(), all);
        }

        PlanRequest request() {
            OffsetDateTime at = "at".equals(when) && sendAt != null && !sendAt.isBlank()
                    ? LocalDateTime.parse(sendAt).atZone(SunshineHubApplication.ZONE).toOffsetDateTime() : null;
            return new PlanRequest(itemId, isFallback() ? null : channels, new PlanRequest.Audience(topicList(), all), at,
                    urgent, false, isFallback() ? fallbackOrder() : null, overCap == null || overCap.isBlank() ? null : overCap, false);
        }
    }

    @GetMapping("/plans")
    String list(Model model) {
        staff.require(Role.PUBLISHER, Role.ADMIN, Role.AUDITOR);
        model.addAttribute("plans", store.recent(50).stream().map(p -> new Row(p, title(p.itemId()), dispatcher.summary(p.id()))).toList());
        return "plans";
    }

    record Row(PushPlan plan, String title, Dispatcher.Progress progress) {
    }

    @GetMapping("/plans/new")
    String form(@RequestParam(required = false) String itemId, Model model) {
        staff.require(Role.PUBLISHER);
        model.addAttribute("form", new PlanForm(itemId, List.of("sms"), null, "", false, "now", null, false, "defer"));
        return formPage(model);
    }

    private String formPage(Model model) {
        model.addAttribute("approved", items.find(new ItemQuery(null, ItemState.APPROVED, null, 0, 50)).items());
        model.addAttribute("channelKinds", ChannelKind.values());
        return "plan-new";
    }

    @GetMapping("/plans/audience-size")
    String audienceSize(@ModelAttribute PlanForm form, Model model) {
        staff.require(Role.PUBLISHER);
        model.addAttribute("size", form.all() || !form.topicList().isEmpty() ? subscribers.audienceSize(form.audience()) : null);
        return "plan-fragments :: audience";
    }

    @GetMapping("/plans/preview")
    String preview(@ModelAttribute PlanForm form, Model model) {
        staff.require(Role.PUBLISHER);
        model.addAttribute("previews", previews(form));
        return "plan-fragments :: previews";
    }

    private List<ChannelPreview> previews(PlanForm form) {
        ContentItem item = form.itemId() == null || form.itemId().isBlank() ? null : items.findById(form.itemId()).orElse(null);
        if (item == null) {
            return List.of();
        }
        List<ChannelPreview> previews = new ArrayList<>();
        for (String code : form.isFallback() ? form.fallbackOrder() : form.channels()) {
            ChannelKind channel;
            try {
                channel = ChannelKind.of(code);
            } catch (IllegalArgumentException e) {
                previews.add(ChannelPreview.failed(null, e.getMessage()));
                continue;
            }
            try {
                previews.add(ChannelPreview.of(channel, dispatcher.preview(channel, item), smsSignature));
            } catch (IllegalStateException e) {
                previews.add(ChannelPreview.failed(channel, e.getMessage()));
            }
        }
        return previews;
    }

    /** One message to the member's own phone (SMS) or openid (WeChat), as the plan would send it. */
    @PostMapping("/plans/test-send")
    String testSend(@ModelAttribute PlanForm form, @RequestParam String channel, Model model) {
        StaffAccount me = staff.require(Role.PUBLISHER);
        ChannelKind kind = channelOf(channel);
        String address = switch (kind) {
            case SMS -> me.phone();
            case WECHAT -> me.wechatOpenId();
            default -> throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "测试发送只支持短信和微信");
        };
        if (address == null) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.CONFLICT,
                    "您的账号没有登记" + (kind == ChannelKind.SMS ? "手机号" : "微信 openid") + "，请联系系统管理员");
        }
        ContentItem item = items.findById(form.itemId()).orElseThrow(() ->
                new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "请先选择信息"));
        SendOutcome outcome = dispatcher.sendNotice(kind, address, item,
                item.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), Map.of(), "test-" + UUID.randomUUID());
        audit.record(AuditAction.TEST_SEND, "item:" + item.id(), kind.code() + " → 本人");
        model.addAttribute("form", form);
        model.addAttribute("previews", previews(form));
        model.addAttribute((outcome.kind() == SendOutcome.Kind.ACCEPTED) ? "notice" : "problem", (outcome.kind() == SendOutcome.Kind.ACCEPTED)
                ? "测试消息已发送到您本人的" + (kind == ChannelKind.SMS ? "手机" : "微信") : "测试发送失败：" + outcome.reason());
        return formPage(model);
    }

    @PostMapping("/plans")
    String create(@ModelAttribute PlanForm form, Model model) {
        staff.require(Role.PUBLISHER);
        PlanRequest request;
        try {
            request = form.request();
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("form", form);
            model.addAttribute("problem", "发送时间格式有误");
            return formPage(model);
        }
        try {
            return "redirect:/plans/" + api.create(request).id();
        } catch (ResponseStatusException | org.sunshinehub.web.InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("problem", e instanceof ResponseStatusException r ? r.getReason() : e.getMessage());
            return formPage(model);
        }
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable String id, Model model) {
        staff.require(Role.PUBLISHER, Role.ADMIN, Role.AUDITOR);
        PushPlan plan = plans.find(id);
        model.addAttribute("plan", plan);
        model.addAttribute("title", title(plan.itemId()));
        model.addAttribute("progress", dispatcher.summary(id));
        model.addAttribute("counts", countsOf(id));
        return "plan";
    }

    /** Deliveries per channel and state, as the plan's queues count them. */
    private Map<String, Map<DeliveryState, Long>> countsOf(String planId) {
        Map<String, Map<DeliveryState, Long>> counts = new LinkedHashMap<>();
        dispatcher.progress(planId).forEach(p -> counts.put(p.channel().code(), p.counts()));
        return counts;
    }

    /** The progress fragment htmx polls; it stops polling itself once the plan has finished. */
    @GetMapping("/plans/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        staff.require(Role.PUBLISHER, Role.ADMIN, Role.AUDITOR);
        model.addAttribute("plan", plans.find(id));
        model.addAttribute("progress", dispatcher.summary(id));
        model.addAttribute("counts", countsOf(id));
        return "plan-fragments :: progress";
    }

    @GetMapping("/plans/{id}/cancel")
    String confirmCancel(@PathVariable String id, Model model) {
        staff.require(Role.PUBLISHER);
        model.addAttribute("plan", plans.find(id));
        model.addAttribute("title", title(plans.find(id).itemId()));
        return "plan-cancel";
    }

    @PostMapping("/plans/{id}/cancel")
    String cancel(@PathVariable String id, RedirectAttributes redirect) {
        staff.require(Role.PUBLISHER);
        api.cancel(id);
        redirect.addFlashAttribute("notice", "推送计划已取消，尚未发出的消息不再发送");
        return "redirect:/plans/" + id;
    }

    private static ChannelKind channelOf(String code) {
        try {
            return ChannelKind.of(code);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private String title(String itemId) {
        return items.findById(itemId).map(i -> i.fields().title()).orElse(itemId);
    }
}
