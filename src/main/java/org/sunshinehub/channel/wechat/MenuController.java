package org.sunshinehub.channel.wechat;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code POST /api/wechat/{account}/menu}: publishes the account's configured custom menu. */
@RestController
@RequestMapping("/api/wechat/{account}/menu")
class MenuController {

    private final WechatApi api;
    private final WechatProperties properties;

    MenuController(WechatApi api, WechatProperties properties) {
        this.api = api;
        this.properties = properties;
    }

    @Operation(summary = "发布微信公众号菜单")
    @PostMapping
    Map<String, Object> publish(@PathVariable String account) {
        WechatProperties.Account config = properties.accounts().get(account);
        WxMpService service = api.service(account).orElse(null);
        if (config == null || service == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "未知公众号");
        }
        if (config.menu().isEmpty() || config.menu().size() > 3) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "菜单须配置 1 至 3 个一级按钮");
        }
        WxMenu menu = new WxMenu();
        menu.setButtons(buttons(config.menu()));
        try {
            service.getMenuService().menuCreate(menu);
        } catch (WxErrorException e) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "微信拒绝了菜单（错误 " + e.getError().getErrorCode() + "）");
        }
        return Map.of("account", account, "buttons", config.menu().size());
    }

    static List<WxMenuButton> buttons(List<WechatProperties.MenuButton> configured) {
        return configured.stream().map(MenuController::button).toList();
    }

    private static WxMenuButton button(WechatProperties.MenuButton b) {
        WxMenuButton button = new WxMenuButton();
        button.setName(b.name());
        if (b.buttons() != null && !b.buttons().isEmpty()) {
            button.setSubButtons(buttons(b.buttons()));
        } else if (b.url() != null) {
            button.setType("view");
            button.setUrl(b.url());
        } else {
            button.setType("click");
            button.setKey(b.topic() != null ? TopicChoices.TOPIC_KEY_PREFIX + b.topic() : b.key());
        }
        return button;
    }
}
