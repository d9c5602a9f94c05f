package org.sunshinehub.sandbox;

import java.time.Instant;

/** One message the sandbox accepted, as a test or the demo may inspect it. */
record SentSms(String phone, String signName, String templateCode, String text, String outId, String bizId,
               String extendCode, Instant at) {
}
