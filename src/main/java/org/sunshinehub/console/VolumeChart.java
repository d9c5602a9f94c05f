package org.sunshinehub.console;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.dispatch.Dispatcher.DailyVolume;

/**
 * One channel's last days as an inline SVG bar chart, laid out here so the page only draws rectangles: per day
 * three bars (sent, delivered, failed) scaled to the channel's busiest day.
 */
record VolumeChart(String channel, long sent, long delivered, long failed, List<Bar> bars, List<Label> labels) {

    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    private static final int AXIS = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d");

    record Bar(double x, double y, double width, double height, String kind, String title) {
    }

    record Label(double x, String text) {
    }

    static List<VolumeChart> of(List<DailyVolume> volumes, LocalDate today, int days) {
        Map<ChannelKind, List<DailyVolume>> byChannel = volumes.stream()
                .collect(Collectors.groupingBy(DailyVolume::channel, TreeMap::new, Collectors.toList()));
        List<VolumeChart> charts = new ArrayList<>();
        byChannel.forEach((channel, rows) -> charts.add(chart(channel.code(), rows, today.minusDays(days - 1L), days)));
        return charts;
    }

    private static VolumeChart chart(String channel, List<DailyVolume> rows, LocalDate first, int days) {
        Map<LocalDate, DailyVolume> byDay = rows.stream().collect(Collectors.toMap(DailyVolume::day, v -> v));
        long max = Math.max(1, rows.stream().mapToLong(DailyVolume::sent).max().orElse(1));
        double slot = (double) WIDTH / days;
        double bar = slot / 4;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            DailyVolume v = byDay.get(day);
            double x = i * slot + bar / 2;
            if (v != null) {
                bars.add(bar(x, bar, v.sent(), max, "sent", day + " 发送 " + v.sent()));
                bars.add(bar(x + bar, bar, v.delivered(), max, "delivered", day + " 送达 " + v.delivered()));
                bars.add(bar(x + 2 * bar, bar, v.failed(), max, "failed", day + " 失败 " + v.failed()));
            }
            if (i % 5 == 0 || i == days - 1) {
                labels.add(new Label(x, DAY.format(day)));
            }
        }
        return new VolumeChart(channel, rows.stream().mapToLong(DailyVolume::sent).sum(),
                rows.stream().mapToLong(DailyVolume::delivered).sum(), rows.stream().mapToLong(DailyVolume::failed).sum(),
                bars, labels);
    }

    private static Bar bar(double x, double width, long n, long max, String kind, String title) {
        double h = (double) (HEIGHT - AXIS) * n / max;
        return new Bar(x, HEIGHT - AXIS - h, width, h, kind, title);
    }
}
