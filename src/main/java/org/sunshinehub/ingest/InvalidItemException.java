package org.sunshinehub.ingest;

import java.util.Map;
import org.sunshinehub.web.InvalidInputException;

/** An item that cannot be taken in, with a reason per bad field. */
class InvalidItemException extends InvalidInputException {

    InvalidItemException(Map<String, String> fieldErrors) {
        super("信息内容有误", fieldErrors);
    }
}
