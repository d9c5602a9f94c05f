package org.sunshinehub.review;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemApproved;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.ItemState;
import org.sunshinehub.content.ReviewRecord;
import org.sunshinehub.content.ReviewRecord.Decision;
import org.sunshinehub.security.AuditAction;
import org.sunshinehub.security.AuditLog;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;
import org.sunshinehub.security.StaffAccount;

/**
 * Signs review levels strictly in order, as the signed-in account: only the levels (and categories) the account
 * holds, and never two levels of one item, so each level has a different person or body. The last approval makes
 * the item APPROVED, any rejection ends it.
 */
@Service
class ReviewService {

    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    private final ItemRepository items;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Staff staff;
    private final AuditLog audit;

    ReviewService(ItemRepository items, Clock clock, ApplicationEventPublisher events, Staff staff, AuditLog audit) {
        this.items = items;
        this.clock = clock;
        this.events = events;
        this.staff = staff;
        this.audit = audit;
    }

    ContentItem sign(String itemId, ReviewRequest request) {
        StaffAccount reviewer = staff.require(Role.REVIEWER);
        ContentItem item = items.findById(itemId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有 id 为 " + itemId + " 的信息"));
        if (!reviewer.maySign(request.level(), item.fields().category())) {
            throw Staff.forbidden("账号 " + reviewer.username() + " 不能签署「" + request.level() + "」：其可签级别为 "
                    + reviewer.reviewLevels() + (reviewer.reviewCategories().isEmpty() ? ""
                    : "，限于类别 " + reviewer.reviewCategories()));
        }
        item.reviews().stream().filter(r -> reviewer.username().equals(r.reviewer())).findFirst().ifPresent(r -> {
            throw Staff.forbidden("同一账号不能签署同一信息的两个级别：" + reviewer.username() + " 已签署「" + r.level()
                    + "」，「" + request.level() + "」须由另一人签署");
        });
        String next = nextLevel(item);
        if (!next.equals(request.level())) {
            throw conflict("须按顺序签署：下一级为「" + next + "」，不是「" + request.level() + "」（全部级别 "
                    + item.requiredLevels() + "）");
        }
        ReviewRecord record = new ReviewRecord(request.level(), request.decision(), reviewer.username(),
                reviewer.displayName(), request.comment(), clock.instant());
        ContentItem signed = item.withReview(record, stateAfter(item, request.decision()));
        if (!items.replaceIfUnchanged(signed)) {
            throw conflict("该信息刚被他人修改，请刷新后重试");
        }
        audit.record(AuditAction.REVIEW, "item:" + item.id(), record.level() + " "
                + (record.decision() == Decision.APPROVE ? "通过" : "驳回")
                + (record.comment() == null ? "" : "：" + record.comment()));
        log.info("Review {} {} by {} on {} 《{}》 → {}", record.level(), record.decision(), record.reviewer(),
                item.id(), item.fields().title(), signed.state());
        if (signed.state() == ItemState.APPROVED) {
            events.publishEvent(new ItemApproved(signed.id(), signed.fields().category(), false));
        }
        return signed;
    }

    private static String nextLevel(ContentItem item) {
        List<String> pending = item.pendingLevels();
        if (!pending.isEmpty()) {
            return pending.get(0);
        }
        throw conflict(switch (item.state()) {
            case WITHHELD -> "该信息已被负面清单规则「" + item.withheld().ruleId() + "」扣留（" + item.withheld().ground()
                    + "），不能审核通过或推送";
            case APPROVED -> "该信息已审定通过，无需再审";
            case REJECTED -> "该信息已被驳回";
            case RECALLED -> "该信息已撤回";
            default -> "该信息（" + item.kind() + "）不走审核流程";
        });
    }

    private static ItemState stateAfter(ContentItem item, Decision decision) {
        if (decision == Decision.REJECT) {
            return ItemState.REJECTED;
        }
        return item.pendingLevels().size() == 1 ? ItemState.APPROVED : ItemState.PENDING_REVIEW;
    }

    private static ResponseStatusException conflict(String reason) {
        return new ResponseStatusException(HttpStatus.CONFLICT, reason);
    }
}
