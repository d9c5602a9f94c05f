package org.sunshinehub.opiniontask;

import java.util.List;

/** A responsible division (处室 / 责任单位) from {@code config/divisions.yaml}. */
record Division(String id, String name, List<Contact> contacts, Contact leader, List<String> keywords,
                List<String> categories) {

    record Contact(String name, String phone) {
    }

    boolean matches(String text) {
        return text != null && keywords.stream().anyMatch(text::contains);
    }
}
