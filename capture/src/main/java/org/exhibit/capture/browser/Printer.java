package org.exhibit.capture.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The browser's print of the page ({@code Page.printToPDF}), streamed out in 1 MiB pieces. */
final class Printer {
    private static final int CHUNK = 1 << 20;

    private Printer() {
    }

    static void pdf(BrowserSession session, OutputStream out) throws IOException {
        Map<String, Object> printed = session.cdp("Page.printToPDF",
                Map.of("printBackground", true, "transferMode", "ReturnAsStream"));
        Object handle = printed.get("stream");
        if (handle == null) {
            out.write(PageSteps.base64(printed.get("data")));
            return;
        }
        try {
            while (true) {
                Map<String, Object> chunk = session.cdp("IO.read", Map.of("handle", handle, "size", CHUNK));
                String data = String.valueOf(chunk.getOrDefault("data", ""));
                out.write(Boolean.TRUE.equals(chunk.get("base64Encoded"))
                        ? PageSteps.base64(data) : data.getBytes(StandardCharsets.ISO_8859_1));
                if (Boolean.TRUE.equals(chunk.get("eof"))) {
                    return;
                }
            }
        } finally {
            session.cdp("IO.close", Map.of("handle", handle));
        }
    }
}
