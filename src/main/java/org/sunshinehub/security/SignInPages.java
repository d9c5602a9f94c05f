package org.sunshinehub.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@ConsolePage
class SignInPages {

    private final Staff staff;
    private final StaffAccounts accounts;
    private final AuditLog audit;

    SignInPages(Staff staff, StaffAccounts accounts, AuditLog audit) {
        this.staff = staff;
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping(ConsoleSecurity.LOGIN)
    String login() {
        return "login";
    }

    @GetMapping(ConsoleSecurity.PASSWORD)
    String password() {
        return "password";
    }

    @PostMapping(ConsoleSecurity.PASSWORD)
    String changePassword(@RequestParam String current, @RequestParam String next, @RequestParam String repeat,
                          Model model, RedirectAttributes redirect) {
        StaffAccount me = staff.current().orElseThrow(() -> Staff.forbidden("请先登录"));
        try {
            if (!next.equals(repeat)) {
                throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "两次输入的新密码不一致");
            }
            accounts.changePassword(me.username(), current, next);
        } catch (ResponseStatusException e) {
            model.addAttribute("problem", e.getReason());
            model.addAttribute("me", staff.current());
            return "password";
        }
        audit.record(AuditAction.PASSWORD_CHANGE, "account:" + me.username(), null);
        redirect.addFlashAttribute("notice", "密码已修改");
        return "redirect:/";
    }
}
