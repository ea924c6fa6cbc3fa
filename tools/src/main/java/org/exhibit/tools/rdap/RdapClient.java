package org.exhibit.tools.rdap;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.json.Json;

/**
 * Asks RDAP servers (RFC 9082) for a domain's registrar and an IP network, and reads their abuse contacts from the
 * answers (RFC 9083): the entity with role {@code registrar} and its {@code abuse} entity, the network's entities
 * with role {@code abuse}.
 *
 * <pre>{@code
 * RdapClient rdap = new RdapClient(Duration.ofSeconds(10));
 * Found registrar = rdap.domain(URI.create("https://rdap.example/"), "social.example");   // null on 404
 * }</pre>
 */
public final class RdapClient {
    /** Answers larger than this are not an RDAP object worth reading. */
    static final int MAX_ANSWER = 4 << 20;

    private final HttpClient http;
    private final Duration timeout;

    public RdapClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * What an answer says.
     *
     * @param provider the registrar's or the network's name, or null
     * @param emails   the abuse e-mail addresses, possibly none
     */
    public record Found(String provider, List<String> emails) {
        public Found {
            emails = List.copyOf(emails);
        }
    }

    /** The registrar of {@code domain} and its abuse addresses; null when the server does not know the name (404). */
    public Found domain(URI base, String domain) throws IOException {
        JsonNode answer = get(base.resolve("domain/" + domain));
        if (answer == null) {
            return null;
        }
        for (JsonNode e : entities(answer)) {
            if (hasRole(e, "registrar")) {
                List<String> emails = abuseEmails(e);
                return new Found(JCard.of(e.get("vcardArray")).name(), emails.isEmpty() ? abuseEmails(answer) : emails);
            }
        }
        return new Found(null, abuseEmails(answer));
    }

    /** The network {@code address} is in, by its registrant's name (or its own), and its abuse addresses; null on 404. */
    public Found ip(URI base, String address) throws IOException {
        JsonNode answer = get(base.resolve("ip/" + address));
        if (answer == null) {
            return null;
        }
        String provider = null;
        for (JsonNode e : entities(answer)) {
            if (hasRole(e, "registrant")) {
                provider = JCard.of(e.get("vcardArray")).name();
                break;
            }
        }
        if (provider == null && answer.path("name").isTextual()) {
            provider = answer.get("name").asText();
        }
        return new Found(provider, abuseEmails(answer));
    }

    /** GETs an RDAP object; null for 404. */
    private JsonNode get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/rdap+json, application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException(uri.getHost() + " timed out after " + timeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new IOException(uri.getHost() + " could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + uri.getHost(), e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_ANSWER + 1);
        } catch (HttpTimeoutException e) {
            throw new IOException(uri.getHost() + " timed out after " + timeout.toSeconds() + " s", e);
        }
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered HTTP " + response.statusCode());
        }
        if (body.length > MAX_ANSWER) {
            throw new IOException(uri + " answered more than " + (MAX_ANSWER >> 20) + " MB");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IOException(uri + " answered malformed JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        if (node == null || !node.isObject()) {
            throw new IOException(uri + " answered no RDAP object");
        }
        return node;
    }

    private static List<JsonNode> entities(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode es = node.get("entities");
        if (es != null && es.isArray()) {
            es.forEach(e -> {
                if (e.isObject()) {
                    out.add(e);
                }
            });
        }
        return out;
    }

    private static boolean hasRole(JsonNode entity, String role) {
        JsonNode roles = entity.get("roles");
        if (roles != null && roles.isArray()) {
            for (JsonNode r : roles) {
                if (role.equalsIgnoreCase(r.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The e-mail addresses of every entity with role abuse under {@code node}, at any depth. */
    private static List<String> abuseEmails(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out, 0);
        return out;
    }

    private static void collect(JsonNode node, List<String> out, int depth) {
        if (depth > 8) {
            return;
        }
        for (JsonNode e : entities(node)) {
            if (hasRole(e, "abuse")) {
                JCard.of(e.get("vcardArray")).emails().stream().filter(m -> !out.contains(m)).forEach(out::add);
            }
            collect(e, out, depth + 1);
        }
    }
}
