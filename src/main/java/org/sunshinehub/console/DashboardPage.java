package org.sunshinehub.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.sunshinehub.security.ConsolePage;

/** 工作台: what needs the signed-in member now. */
@Controller
@ConsolePage
class DashboardPage {

    @GetMapping("/")
    String dashboard() {
        return "dashboard";
    }
}
