package org.exhibit.integrity.timestamp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 whose answer to each POST the test decides: a TSA that behaves or not. */
final class LoopbackServer implements AutoCloseable {
    record Reply(int status, String contentType, byte[] body) {
        static Reply tsr(byte[] body) {
            return new Reply(200, "application/timestamp-reply", body);
        }
    }

    interface Handler {
        Reply answer(byte[] query) throws Exception;
    }

    private final HttpServer http;
    private final AtomicInteger requests = new AtomicInteger();

    LoopbackServer(Handler handler) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                Reply reply;
                try {
                    reply = handler.answer(exchange.getRequestBody().readAllBytes());
                } catch (Exception e) {
                    reply = new Reply(500, "text/plain", String.valueOf(e).getBytes());
                }
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
                exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        });
        http.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/tsa");
    }

    TsaEndpoint endpoint(String name) {
        return new TsaEndpoint(name, url());
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
