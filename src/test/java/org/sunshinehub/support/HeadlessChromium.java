package org.sunshinehub.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Consumer;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven by its chromedriver on a free port (nothing downloaded), in a fresh profile. */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** @param options more arguments or settings, e.g. a window size or a phone's device metrics */
    public static ChromeDriver start(Consumer<ChromeOptions> options) {
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary("/usr/bin/chromium");
        try {
            chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.accept(chrome);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, chrome);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }
}
