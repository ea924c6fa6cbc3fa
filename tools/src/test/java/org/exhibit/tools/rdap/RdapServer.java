package org.exhibit.tools.rdap;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An RDAP server on 127.0.0.1 for tests: answers {@code /rdap/<path>} with the JSON set for it (RFC 9083), 404
 * otherwise, counting every request; and writes IANA-style bootstrap files (RFC 9224) that point at it.
 */
public final class RdapServer implements AutoCloseable {
    public final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private volatile long delayMillis;

    public RdapServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            String path = x.getRequestURI().getPath();
            requests.add(path);
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String body = answers.get(path);
            byte[] bytes = (body == null ? "{\"errorCode\":404,\"title\":\"Not Found\"}" : body)
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/rdap+json");
            try {
                x.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
                x.getResponseBody().write(bytes);
            } catch (IOException e) {
                // the client gave up (a timeout test)
            }
            x.close();
        });
        server.setExecutor(pool);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/rdap/";
    }

    public RdapServer answer(String path, String json) {
        answers.put("/rdap/" + path, json);
        return this;
    }

    public RdapServer delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** dns.json for {@code tld}, ipv4.json for {@code block}, ipv6.json for 2001:db8::/32, all pointing here. */
    public Path bootstrap(Path dir, String tld, String block) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dns.json"), registry("[[[\"" + tld + "\"], [\"" + base() + "\"]]]"));
        Files.writeString(dir.resolve("ipv4.json"), registry("[[[\"" + block + "\"], [\"" + base() + "\"]]]"));
        Files.writeString(dir.resolve("ipv6.json"), registry("[[[\"2001:db8::/32\"], [\"" + base() + "\"]]]"));
        return dir;
    }

    private static String registry(String services) {
        return "{\"version\": \"1.0\", \"publication\": \"2026-11-01T00:00:00Z\", \"description\": \"test\", "
                + "\"services\": " + services + "}";
    }

    /** A domain object with a registrar entity and its abuse entity (RFC 9083 section 5.3, ICANN's profile). */
    public static String domain(String name, String registrar, String abuseEmail) {
        return """
                {"objectClassName": "domain", "ldhName": "%s", "rdapConformance": ["rdap_level_0"],
                 "entities": [
                   {"objectClassName": "entity", "roles": ["registrant"], "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "REDACTED"]]]},
                   {"objectClassName": "entity", "handle": "9999", "roles": ["registrar"],
                    "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "%s"]]],
                    "entities": [{"objectClassName": "entity", "roles": ["abuse"],
                      "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Abuse desk"],
                        ["tel", {"type": "voice"}, "uri", "tel:+1.5555550100"], ["email", {}, "text", "%s"]]]}]}]}
                """.formatted(name, registrar, abuseEmail);
    }

    /** An IP network object with a registrant and an abuse entity nested under it (as RIRs answer). */
    public static String network(String handle, String org, String abuseEmail) {
        return """
                {"objectClassName": "ip network", "handle": "%s", "startAddress": "192.0.2.0", "endAddress": "192.0.2.255",
                 "ipVersion": "v4", "name": "%s", "type": "ASSIGNED",
                 "entities": [{"objectClassName": "entity", "roles": ["registrant"],
                   "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "%s"], ["kind", {}, "text", "org"]]],
                   "entities": [{"objectClassName": "entity", "roles": ["abuse", "technical"],
                     "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "NOC"], ["email", {}, "text", "%s"]]]}]}]}
                """.formatted(handle, handle, org, abuseEmail);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
