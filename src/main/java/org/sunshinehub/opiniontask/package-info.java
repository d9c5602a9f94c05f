/**
 * Hot-topic response tasks (舆情回应): deadlines from severity (国办发〔2016〕61号 and 80号: authoritative information
 * within 5 hours and a press conference within 24 hours for 重大突发; a response within 48 hours otherwise),
 * assignment to a responsible division, reminders before each deadline and escalation to the division's leader
 * when one passes. Timers are MongoDB documents, fired by a Quartz job on the hub's clock.
 */
package org.sunshinehub.opiniontask;
