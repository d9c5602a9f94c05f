package org.sunshinehub.opiniontask;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.stereotype.Component;

/**
 * The Quartz job that fires due reminders and escalations. The timers themselves are MongoDB documents, so they
 * survive restarts; a timer that fell due while the hub was down fires once at the first run after start.
 */
@DisallowConcurrentExecution
class TimerJob extends QuartzJobBean {

    @Autowired
    private OpinionTaskService tasks;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        tasks.fireDue();
    }

    @Component
    static class Schedule {

        private final Scheduler scheduler;
        private final OpinionTaskProperties properties;

        Schedule(Scheduler scheduler, OpinionTaskProperties properties) {
            this.scheduler = scheduler;
            this.properties = properties;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() throws SchedulerException {
            scheduler.scheduleJob(JobBuilder.newJob(TimerJob.class).withIdentity("opinion-task-timers").build(),
                    TriggerBuilder.newTrigger().withIdentity("opinion-task-timers").startNow()
                            .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(1)
                                    .withIntervalInMilliseconds(properties.timerInterval().toMillis())
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .build());
        }
    }
}
