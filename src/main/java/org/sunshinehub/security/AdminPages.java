package org.sunshinehub.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 系统: accounts and roles (ADMIN changes, AUDITOR reads) and the audit log. */
@Controller
@ConsolePage
class AdminPages {

    private static final int AUDIT_PAGE = 50;

    private final StaffAccounts accounts;
    private final Staff staff;
    private final AuditLog audit;

    AdminPages(StaffAccounts accounts, Staff staff, AuditLog audit) {
        this.accounts = accounts;
        this.staff = staff;
        this.audit = audit;
    }

    @GetMapping("/admin")
    String accounts(Model model) {
        staff.require(Role.ADMIN, Role.AUDITOR);
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("roles", Role.values());
        return "admin";
    }

    @PostMapping("/admin/accounts")
    String create(@RequestParam String username, @RequestParam String displayName,
                  @RequestParam(required = false) String division, @RequestParam(required = false) List<Role> roles,
                  @RequestParam(required = false) String reviewLevels, @RequestParam(required = false) String reviewCategories,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) String wechatOpenId,
                  RedirectAttributes redirect) {
        staff.require(Role.ADMIN);
        Set<Role> granted = roles == null ? Set.of() : EnumSet.copyOf(roles);
        try {
            String password = accounts.create(new StaffAccounts.NewAccount(username.strip(), displayName, division, granted,
                    words(reviewLevels), words(reviewCategories), phone, wechatOpenId));
            audit.record(AuditAction.ACCOUNT_CREATE, "account:" + username.strip(), granted.toString());
            redirect.addFlashAttribute("notice", "已创建账号 " + username.strip() + "，一次性密码：" + password
                    + "（仅显示这一次，首次登录须修改）");
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("problem", e.getReason());
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        StaffAccount me = staff.require(Role.ADMIN);
        if (me.username().equals(username) && !enabled) {
            redirect.addFlashAttribute("problem", "不能停用自己的账号");
            return "redirect:/admin";
        }
        accounts.setEnabled(username, enabled);
        audit.record(enabled ? AuditAction.ACCOUNT_ENABLE : AuditAction.ACCOUNT_DISABLE, "account:" + username, null);
        redirect.addFlashAttribute("notice", (enabled ? "已启用 " : "已停用 ") + username);
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts/{username}/password")
    String reset(@PathVariable String username, RedirectAttributes redirect) {
        staff.require(Role.ADMIN);
        String password = accounts.resetPassword(username);
        audit.record(AuditAction.PASSWORD_RESET, "account:" + username, null);
        redirect.addFlashAttribute("notice", username + " 的新一次性密码：" + password + "（仅显示这一次，登录后须修改）");
        return "redirect:/admin";
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String account, @RequestParam(defaultValue = "0") int page, Model model) {
        staff.require(Role.ADMIN, Role.AUDITOR);
        model.addAttribute("log", audit.page(account, Math.max(page, 0), AUDIT_PAGE));
        return "audit";
    }

    private static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
