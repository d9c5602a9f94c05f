package org.sunshinehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupervisionMailUnitTests {

    @Test
    void workingDaysAreReadInDigitsOrChineseNumerals() {
        assertThat(SupervisionMail.workingDays("督办函（5个工作日）")).isEqualTo(5);
        assertThat(SupervisionMail.workingDays("请于 15 个工作日内反馈")).isEqualTo(15);
        assertThat(SupervisionMail.workingDays("请于五个工作日内办结")).isEqualTo(5);
        assertThat(SupervisionMail.workingDays("限十个工作日")).isEqualTo(10);
        assertThat(SupervisionMail.workingDays("限十五个工作日")).isEqualTo(15);
        assertThat(SupervisionMail.workingDays("限二十个工作日")).isEqualTo(20);
        assertThat(SupervisionMail.workingDays("限两个工作日")).isEqualTo(2);
        assertThat(SupervisionMail.workingDays("三十五个工作日")).isEqualTo(35);
    }

    @Test
    void noPeriodInTheTextGivesNone() {
        assertThat(SupervisionMail.workingDays("请尽快办理")).isNull();
        assertThat(SupervisionMail.workingDays("5日内")).isNull();
    }
}
