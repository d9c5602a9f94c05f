package org.sunshinehub.audience;

import java.util.Map;
import org.sunshinehub.web.InvalidInputException;

/** A registration that cannot be taken, with a reason per field. */
class InvalidSubscriberException extends InvalidInputException {

    InvalidSubscriberException(Map<String, String> fieldErrors) {
        super("订阅信息有误", fieldErrors);
    }
}
