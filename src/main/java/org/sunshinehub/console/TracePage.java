package org.sunshinehub.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sunshinehub.audience.PhoneNumbers;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.security.ConsolePage;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;
import org.sunshinehub.web.Masking;

/** 投递查询: every delivery to one phone or openid (masked on screen), newest first. */
@Controller
@ConsolePage
class TracePage {

    private static final int LIMIT = 100;

    private final Dispatcher dispatcher;
    private final Staff staff;

    TracePage(Dispatcher dispatcher, Staff staff) {
        this.dispatcher = dispatcher;
        this.staff = staff;
    }

    @GetMapping("/trace")
    String trace(@RequestParam(required = false) String address, Model model) {
        staff.require(Role.PUBLISHER, Role.RESPONDER, Role.ADMIN, Role.AUDITOR);
        if (address != null && !address.isBlank()) {
            String normalised = PhoneNumbers.normalise(address).orElse(address.strip());
            model.addAttribute("masked", Masking.mask(normalised));
            model.addAttribute("deliveries", dispatcher.trace(normalised, LIMIT));
        }
        return "trace";
    }
}
