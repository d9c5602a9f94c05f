package org.sunshinehub.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Projections;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.bson.Document;

/**
 * Provider callbacks at the hub from N concurrent senders for a given time, each one unique and validly signed
 * (Aliyun SMS up-messages on the secret path, or WeChat text messages signed and encrypted in safe mode). Counts
 * what was answered 200 and how fast, then checks in MongoDB that every answered callback is stored. Run by
 * {@code bench/callbacks.sh}, which starts the store and the hub (and may kill -9 the store mid-run); prints one
 * JSON line.
 *
 * <p>Arguments: kind ({@code sms-up} or {@code wechat}), concurrency, seconds, hub base URL, SMS callback token,
 * WeChat token, AES key, app id, MongoDB URI, hub pid, store pid file, API key (for the hub's heap metrics).
 */
public final class CallbackBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 5));
    /**
     * Callbacks answered before the measured window opens (besides the warm-up time): the hub's JIT compiles by
     * invocation counts, so on a loaded machine a warm-up by time alone measures a colder hub, and its compilers'
     * CPU, the slower the machine is.
     */
    private static final long WARM_UP_CALLBACKS = Long.getLong("bench.warmUpCallbacks", 0);
    /** Up-messages per SmsUp push: Aliyun pushes a JSON array, "single or batch not distinguished". */
    private static final int PER_PUSH = Integer.getInteger("bench.perPush", 1);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String kind;
    private final String hub;
    private final String[] secrets;
    private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L);
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    /** The measured window, open once the warm-up is over; the senders stop at its end. */
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    private CallbackBenchmark(String kind, String hub, String[] secrets) {
        this.kind = kind;
        this.hub = hub;
        this.secrets = secrets;
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        if (!kind.equals("sms-up") && !kind.equals("wechat")) {
            throw new IllegalArgumentException("kind must be sms-up or wechat");
        }
        if (PER_PUSH < 1 || (PER_PUSH > 1 && kind.equals("wechat"))) {
            throw new IllegalArgumentException("PER_PUSH must be 1 or more, and 1 for wechat (one message per push)");
        }
        int concurrency = Integer.parseInt(args[1]);
        Duration measured = Duration.ofSeconds(Long.parseLong(args[2]));
        CallbackBenchmark bench = new CallbackBenchmark(kind, args[3], Arrays.copyOfRange(args, 4, 8));

        Sender[] senders = new Sender[concurrency];
        HeapWatch heap = new HeapWatch(args[3], args[11]);
        heap.start();
        Thread[] threads = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++) {
            senders[i] = bench.new Sender();
            threads[i] = new Thread(senders[i], "sender-" + i);
            threads[i].start();
        }
        long warmEnd = bench.warmUp(System.nanoTime() + WARM_UP.toNanos(), measured);
        CpuWatch cpu = new CpuWatch(args[9], Path.of(args[10]), warmEnd, warmEnd + measured.toNanos());
        cpu.start();
        for (Thread t : threads) {
            t.join();
        }
        long[] latencies = Arrays.stream(senders).flatMapToLong(s -> Arrays.stream(s.latencies())).sorted().toArray();
        long messages = Arrays.stream(senders).mapToLong(s -> s.messages).sum();
        Map<Integer, Long> errors = new TreeMap<>();
        for (Sender s : senders) {
            s.errors.forEach((status, n) -> errors.merge(status, n, Long::sum));
        }
        List<String> acknowledged = new ArrayList<>();
        for (Sender s : senders) {
            acknowledged.addAll(s.acknowledged);
        }
        cpu.join();
        long missing = missing(args[8], kind, acknowledged);
        System.out.println(String.format(Locale.ROOT,
                "{\"kind\":\"%s\",\"concurrency\":%d,\"seconds\":%d,\"perPush\":%d,\"callbacksPerSecond\":%.0f,"
                        + "\"pushesPerSecond\":%.0f,\"p50Millis\":%.1f,"
                        + "\"p99Millis\":%.1f,\"maxMillis\":%.1f,\"errors\":%d,\"errorsByStatus\":\"%s\",\"acknowledged\":%d,\"missing\":%d,"
                        + "\"hubCpuMillisPerCallback\":%.2f,\"storeCpuMillisPerCallback\":%.2f,\"clientCpuMillisPerCallback\":%.2f,"
                        + "\"hubPeakHeapMiB\":%.0f,\"hubPeakRssMiB\":%d,\"storePeakRssMiB\":%d,\"hubCpuMillisByThread\":\"%s\"}",
                kind, concurrency, measured.toSeconds(), PER_PUSH, messages / (double) measured.toSeconds(),
                latencies.length / (double) measured.toSeconds(),
                percentile(latencies, 0.50), percentile(latencies, 0.99), percentile(latencies, 1.0),
                errors.values().stream().mapToLong(Long::longValue).sum(), errors,
                acknowledged.size(), missing, cpu.hub / (double) messages, cpu.store / (double) messages,
                cpu.client / (double) messages,
                heap.peak / (1 << 20), peakRssMiB(args[9]), peakRssMiB(Files.readString(Path.of(args[10])).strip()), cpu.busiestHubThreads()));
        System.exit(missing == 0 ? 0 : 1);
    }

    /** @return when the measured window opened: after the warm-up time and callbacks, both */
    private long warmUp(long notBefore, Duration measured) throws InterruptedException {
        while (System.nanoTime() < notBefore || answered.get() < WARM_UP_CALLBACKS) {
            Thread.sleep(50);
        }
        long start = System.nanoTime();
        windowEnd = start + measured.toNanos();
        windowStart = start;
        return start;
    }

    /** One sender: one push at a time, as fast as the hub answers, until the end. */
    private final class Sender implements Runnable {

        private final List<String> acknowledged = new ArrayList<>();
        private long[] latencies = new long[1024];
        private int count;
        private final Map<Integer, Long> errors = new TreeMap<>();
        /** Callbacks answered in the measured window (a push may carry several). */
        private long messages;

        @Override
        public void run() {
            for (long started = System.nanoTime(); started < windowEnd; started = System.nanoTime()) {
                long n = sequence.getAndAdd(PER_PUSH) + 1;
                Callback callback = kind.equals("sms-up") ? smsUp(n) : wechat(n);
                int status = send(callback.request());
                boolean ok = status == 200;
                long took = System.nanoTime() - started;
                if (ok) {
                    acknowledged.addAll(callback.storedIds());
                    answered.addAndGet(callback.storedIds().size());
                }
                if (started >= windowStart) {
                    record(took, status);
                    messages += ok ? callback.storedIds().size() : 0;
                }
            }
        }

        private void record(long nanos, int status) {
            if (status != 200) {
                errors.merge(status, 1L, Long::sum);
                return;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        long[] latencies() {
            return Arrays.copyOf(latencies, count);
        }
    }

    /** The hub's peak heap, from its Prometheus endpoint once a second. */
    private static final class HeapWatch extends Thread {

        private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E]+)");

        private final HttpRequest request;
        private volatile double peak;

        HeapWatch(String hub, String apiKey) {
            this.request = HttpRequest.newBuilder(URI.create(hub + "/actuator/prometheus")).header("X-Api-Key", apiKey)
                    .timeout(TIMEOUT).build();
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                try {
                    Thread.sleep(1000);
                    Matcher m = HEAP.matcher(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
                    double used = 0;
                    while (m.find()) {
                        used += Double.parseDouble(m.group(1));
                    }
                    peak = Math.max(peak, used);
                } catch (IOException e) {
                    // the hub is busy or its store is down: try again at the next tick
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * CPU time the hub and the store spent during the measured window, in ms (from /proc: the machine is shared, so
     * CPU per callback says more than wall time). The store's is -1 when it was restarted in the window.
     */
    private static final class CpuWatch extends Thread {

        private final String hubPid;
        private final Path storePidFile;
        private final long from;
        private final long to;
        private volatile double hub = -1;
        private volatile double store = -1;
        /** This process's: the senders share the hub's cores. */
        private volatile double client = -1;
        private final Map<String, Long> hubThreads = new java.util.concurrent.ConcurrentHashMap<>();

        CpuWatch(String hubPid, Path storePidFile, long from, long to) {
            this.hubPid = hubPid;
            this.storePidFile = storePidFile;
            this.from = from;
            this.to = to;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                LockSupport.parkNanos(from - System.nanoTime());
                String storePid = Files.readString(storePidFile).strip();
                long hub0 = cpuMillis(hubPid);
                long client0 = cpuMillis("self");
                long store0 = cpuMillis(storePid);
                Map<String, Long> threads0 = threadCpuMillis(hubPid);
                LockSupport.parkNanos(to - System.nanoTime());
                hub = cpuMillis(hubPid) - hub0;
                client = cpuMillis("self") - client0;
                threadCpuMillis(hubPid).forEach((name, ms) -> hubThreads.put(name, ms - threads0.getOrDefault(name, 0L)));
                store = storePid.equals(Files.readString(storePidFile).strip()) ? cpuMillis(storePid) - store0 : -1;
            } catch (IOException e) {
                // a process gone: its figure stays -1
            }
        }

        private static long cpuMillis(String pid) throws IOException {
            return statCpuMillis(Path.of("/proc/" + pid + "/stat"));
        }

        private static long statCpuMillis(Path stat) throws IOException {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // utime + stime, 100 ticks/s
        }

        /** CPU ms by thread kind (the name without its number: all Tomcat workers as one, the JIT compilers...). */
        private static Map<String, Long> threadCpuMillis(String pid) throws IOException {
            Map<String, Long> byKind = new TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String kind = Files.readString(task.resolve("comm")).strip().replaceAll("[-#]?[0-9]+$", "");
                        byKind.merge(kind, statCpuMillis(task.resolve("stat")), Long::sum);
                    } catch (IOException e) {
                        // the thread ended meanwhile: its time is no longer counted, in either snapshot
                    }
                }
            }
            return byKind;
        }

        /** The hub's busiest thread kinds in the window, e.g. {@code http-nio-auto=4200 C2 CompilerThre=900}. */
        String busiestHubThreads() {
            return hubThreads.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        }
    }

    private record Callback(HttpRequest request, List<String> storedIds) {
    }

    /** Aliyun's SmsUp push of PER_PUSH citizens' replies, numbered from n; each stored as {@code sms:phone:sequence}. */
    private Callback smsUp(long n) {
        List<String> replies = new ArrayList<>(PER_PUSH);
        List<String> ids = new ArrayList<>(PER_PUSH);
        for (long i = n; i < n + PER_PUSH; i++) {
            String phone = "139" + String.format("%08d", i % 100_000_000L);
            String sequenceId = runId + i;
            replies.add("""
                    {"phone_number":"%s","send_time":"2026-11-23 10:00:00","content":"建议延长办事大厅周末开放时间（%d）",\
                    "sign_name":"阳光政务","dest_code":"","sequence_id":%s}""".formatted(phone, i, sequenceId));
            ids.add("sms:" + phone + ":" + sequenceId);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub + "/callbacks/aliyun-sms/" + secrets[0] + "/up"))
                .timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", replies) + "]")).build();
        return new Callback(request, ids);
    }

    /** WeChat's push of a follower's text message in safe mode; the hub keeps it in wechatCallbacks. */
    private Callback wechat(long n) {
        String msgId = runId + String.format("%09d", n);
        String openId = "oBench" + runId + "x" + (n % 10_000);
        long now = System.currentTimeMillis() / 1000;
        String plain = "<xml><ToUserName><![CDATA[gh_sunshine]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[请问低保申请需要哪些材料？（" + n + "）]]></Content><MsgId>" + msgId + "</MsgId></xml>";
        String token = secrets[1];
        String timestamp = Long.toString(now);
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        String encrypt = new WxCryptUtil(token, secrets[2], secrets[3]).encrypt(
                Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE), plain);
        String query = "signature=" + sha1(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&openid=" + URLEncoder.encode(openId, StandardCharsets.UTF_8) + "&encrypt_type=aes&msg_signature="
                + sha1(token, timestamp, nonce, encrypt);
        String body = "<xml><ToUserName><![CDATA[gh_sunshine]]></ToUserName><Encrypt><![CDATA[" + encrypt
                + "]]></Encrypt></xml>";
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub + "/callbacks/wechat/gov?" + query))
                .timeout(TIMEOUT).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return new Callback(request, List.of("gov:msg:" + msgId));
    }

    /** Only a 200 is an acknowledgement: the provider pushes again after anything else (0: no answer). */
    private static int send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** How many acknowledged callbacks the store does not hold (reading every stored id once). */
    private static long missing(String mongoUri, String kind, List<String> acknowledged) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            String collection = kind.equals("sms-up") ? "feedback" : "wechatCallbacks";
            Set<String> stored = new HashSet<>();
            for (Document d : client.getDatabase("sunshine").getCollection(collection).find()
                    .projection(Projections.include("_id"))) {
                stored.add(d.getString("_id"));
            }
            return acknowledged.stream().filter(id -> !stored.contains(id)).count();
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static long peakRssMiB(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static String sha1(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
