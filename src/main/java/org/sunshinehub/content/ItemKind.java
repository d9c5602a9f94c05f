package org.sunshinehub.content;

/** The glossary's content kinds. */
public enum ItemKind {
    DISCLOSURE, CONSULTATION, INTERPRETATION, OPINION_TASK
}
