package org.sunshinehub.plan;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
 * its progress and state, polled every 2 s; cancelling, resending what failed and recalling the item, each behind a
 * confirmation. These go through {@link PlanController} and {@link ItemRecalls}, so the console and the API
 * validate and audit alike.
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
    private final ItemRecalls recalls;
    private final String smsSignature;

    PlanPages(PlanController api, PlanService plans, PlanStore store, ItemRepository items,
              SubscriberDirectory subscribers, Dispatcher dispatcher, Staff staff, AuditLog audit, ItemRecalls recalls,
              @Value("${sunshine.sms.aliyun.sign-name:}") String smsSignature) {
        this.recalls = recalls;
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
        PushPlan plan = progressOf(id, model);
        model.addAttribute("title", title(plan.itemId()));
        return "plan";
    }

    /** One channel's deliveries in one state, as the plan's queues count them. */
    record StateCount(String channel, DeliveryState state, String label, long count) {
    }

    /**
     * What the progress fragment shows: the plan, with its state badge and the actions it allows (so neither goes
     * stale while the fragment is polled), and its counts.
     */
    private PushPlan progressOf(String planId, Model model) {
        PushPlan plan = plans.find(planId);
        List<StateCount> counts = new ArrayList<>();
        dispatcher.progress(planId).forEach(p -> p.counts().forEach((state, n) -> {
            if (n != 0) {
                counts.add(new StateCount(p.channel().code(), state, DELIVERY_STATES.get(state), n));
            }
        }));
        model.addAttribute("plan", plan);
        model.addAttribute("recalled", items.findById(plan.itemId()).map(i -> i.state() == ItemState.RECALLED).orElse(false));
        model.addAttribute("stateLabel", PLAN_STATES.get(plan.state()));
        model.addAttribute("progress", dispatcher.summary(planId));
        model.addAttribute("counts", counts);
        return plan;
    }

    private static final Map<PushPlan.State, String> PLAN_STATES = Map.of(PushPlan.State.SCHEDULED, "待发送",
            PushPlan.State.FANNING_OUT, "生成投递中", PushPlan.State.SENDING, "发送中", PushPlan.State.COMPLETED, "已完成",
            PushPlan.State.CANCELLED, "已取消");
    private static final Map<DeliveryState, String> DELIVERY_STATES = Map.of(DeliveryState.PENDING, "待发送",
            DeliveryState.SENT, "已发出", DeliveryState.DELIVERED, "已送达", DeliveryState.UNDELIVERED, "未送达",
            DeliveryState.REFUSED, "用户拒收", DeliveryState.FAILED, "发送失败", DeliveryState.SUPPRESSED, "已退订不发",
            DeliveryState.CANCELLED, "已取消", DeliveryState.DIGESTED, "并入次日摘要");

    /** The progress fragment htmx polls; it stops polling itself once the plan has finished. */
    @GetMapping("/plans/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        staff.require(Role.PUBLISHER, Role.ADMIN, Role.AUDITOR);
        progressOf(id, model);
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

    @GetMapping("/plans/{id}/resend-failed")
    String confirmResend(@PathVariable String id, Model model) {
        staff.require(Role.PUBLISHER);
        PushPlan plan = progressOf(id, model);
        model.addAttribute("title", title(plan.itemId()));
        return "plan-resend";
    }

    @PostMapping("/plans/{id}/resend-failed")
    String resend(@PathVariable String id, RedirectAttributes redirect) {
        staff.require(Role.PUBLISHER);
        try {
            long requeued = api.resendFailed(id).requeued();
            redirect.addFlashAttribute("notice", requeued == 0 ? "没有可重发的失败投递"
                    : "已将 " + requeued + " 条失败投递重新排队发送（已退订的不发）");
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("problem", e.getReason());
        }
        return "redirect:/plans/" + id;
    }

    @GetMapping("/plans/{id}/recall")
    String confirmRecall(@PathVariable String id, Model model) {
        staff.require(Role.PUBLISHER);
        return recallForm(plans.find(id), model);
    }

    private String recallForm(PushPlan plan, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("title", title(plan.itemId()));
        model.addAttribute("maxText", ItemRecalls.MAX_TEXT);
        return "plan-recall";
    }

    /** Recalls the plan's item: every plan of it stops, and what went out is taken back (see {@link ItemRecalls}). */
    @PostMapping("/plans/{id}/recall")
    String recall(@PathVariable String id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String correction, Model model, RedirectAttributes redirect) {
        staff.require(Role.PUBLISHER);
        PushPlan plan = plans.find(id);
        try {
            ItemRecalls.RecallView done = recalls.recall(plan.itemId(), new ItemRecalls.RecallRequest(reason, correction));
            redirect.addFlashAttribute("notice", "信息已撤回：已取消 " + done.cancelledPlans().size() + " 个推送计划"
                    + done.channels().stream().map(c -> "；" + c.channel().code() + " 撤回 " + c.withdrawn()
                    + (c.corrected() > 0 ? "、更正 " + c.corrected() + " 人" : "")
                    + (c.failed() > 0 ? "、失败 " + c.failed() + "（可再次撤回重试）" : "")).reduce("", String::concat));
            return "redirect:/plans/" + id;
        } catch (org.sunshinehub.web.InvalidInputException | ResponseStatusException e) {
            model.addAttribute("reason", reason);
            model.addAttribute("correction", correction);
            model.addAttribute("problem", e instanceof org.sunshinehub.web.InvalidInputException i
                    ? String.join("；", i.fieldErrors().values()) : ((ResponseStatusException) e).getReason());
            return recallForm(plan, model);
        }
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
