package org.sunshinehub.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.stereotype.Component;

/**
 * Arms Quartz triggers for plans. Quartz keeps only in-memory triggers here: the plan document is the truth and
 * {@link PlanService} re-arms every scheduled plan at start. A trigger in the past fires at once. A repeating
 * job fires, on every instance, the plans that are due but were armed on an instance that is down; firing is a
 * compare-and-set on the plan, so a plan fires once however many instances try.
 */
@Component
class PlanScheduler {

    private static final String GROUP = "push-plans";
    private static final String SWEEP_GROUP = "push-plan-sweep";

    private final Scheduler scheduler;
    private final Clock clock;

    PlanScheduler(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** @param at on the hub's clock; Quartz counts wall-clock time, so the trigger gets the same distance */
    void arm(String planId, Instant at) {
        Instant wallClock = Instant.now().plus(Duration.between(clock.instant(), at));
        JobKey key = JobKey.jobKey(planId, GROUP);
        try {
            scheduler.deleteJob(key);
            scheduler.scheduleJob(JobBuilder.newJob(FirePlanJob.class).withIdentity(key)
                            .usingJobData("planId", planId).build(),
                    TriggerBuilder.newTrigger().withIdentity(planId, GROUP).startAt(Date.from(wallClock))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                            .build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule plan " + planId, e);
        }
    }

    void sweepEvery(Duration interval) {
        String name = "due-plans";
        try {
            scheduler.scheduleJob(JobBuilder.newJob(DuePlansJob.class).withIdentity(name, SWEEP_GROUP).build(),
                    Set.of(TriggerBuilder.newTrigger().withIdentity(name, SWEEP_GROUP)
                            .startAt(Date.from(Instant.now().plus(interval)))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount()).build()), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule the due-plan sweep", e);
        }
    }

    void disarm(String planId) {
        try {
            scheduler.deleteJob(JobKey.jobKey(planId, GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unschedule plan " + planId, e);
        }
    }

    /** Quartz instantiates this per firing; Spring's job factory injects the service. */
    static class FirePlanJob extends QuartzJobBean {

        @Autowired
        private PlanService plans;

        @Override
        protected void executeInternal(JobExecutionContext context) {
            plans.fire(context.getMergedJobDataMap().getString("planId"));
        }
    }

    @DisallowConcurrentExecution
    static class DuePlansJob extends QuartzJobBean {

        @Autowired
        private PlanService plans;

        @Override
        protected void executeInternal(JobExecutionContext context) {
            plans.fireDue();
        }
    }
}
