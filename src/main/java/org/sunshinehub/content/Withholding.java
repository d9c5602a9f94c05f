package org.sunshinehub.content;

/**
 * Why an item is WITHHELD by the negative list (负面清单).
 *
 * @param ruleId  the rule's id in {@code negative-list.yaml}
 * @param ground  the legal ground the rule cites, e.g. 《政府信息公开条例》第十四条
 * @param matched what matched, e.g. {@code keyword "机密" in title}
 */
public record Withholding(String ruleId, String ground, String matched) {
}
