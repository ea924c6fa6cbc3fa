package org.exhibit.tools.rdap;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exhibit.format.json.Json;

/**
 * The IANA RDAP bootstrap registries (RFC 9224) read from a folder: {@code dns.json} maps top-level domains,
 * {@code ipv4.json} and {@code ipv6.json} map address blocks, to RDAP base URLs.
 *
 * <pre>{@code
 * Bootstrap b = Bootstrap.read(Path.of("~/.exhibit/rdap"));
 * URI base = b.forDomain("social.example");       // the base URL serving ".example", or null
 * }</pre>
 */
public final class Bootstrap {
    /** The three registries, by file name. */
    public static final List<String> FILES = List.of("dns.json", "ipv4.json", "ipv6.json");

    private final List<Service> dns;
    private final List<Service> ip;

    record Service(List<String> keys, URI base) {
    }

    private Bootstrap(List<Service> dns, List<Service> ip) {
        this.dns = dns;
        this.ip = ip;
    }

    /**
     * Reads the registries in {@code dir}; a missing one maps nothing.
     *
     * @throws IOException a file is not a bootstrap registry (names it)
     */
    public static Bootstrap read(Path dir) throws IOException {
        List<Service> ip = new ArrayList<>();
        ip.addAll(services(dir.resolve("ipv4.json")));
        ip.addAll(services(dir.resolve("ipv6.json")));
        return new Bootstrap(services(dir.resolve("dns.json")), ip);
    }

    static List<Service> services(Path file) throws IOException {
        List<Service> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("expected an RDAP bootstrap registry (RFC 9224) in " + file + ", got unreadable JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        JsonNode services = root == null ? null : root.get("services");
        if (services == null || !services.isArray()) {
            throw new IOException("expected an RDAP bootstrap registry (RFC 9224) in " + file + ", got no \"services\"");
        }
        for (JsonNode s : services) {
            if (!s.isArray() || s.size() < 2 || !s.get(0).isArray() || !s.get(1).isArray()) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            s.get(0).forEach(k -> keys.add(k.asText().toLowerCase(Locale.ROOT)));
            URI base = null;
            for (JsonNode u : s.get(1)) {
                URI candidate = base(u.asText());
                if (candidate != null && (base == null || "https".equals(candidate.getScheme()))) {
                    base = candidate;
                }
            }
            if (base != null) {
                out.add(new Service(keys, base));
            }
        }
        return out;
    }

    private static URI base(String text) {
        try {
            URI u = URI.create(text.endsWith("/") ? text : text + "/");
            return "https".equals(u.getScheme()) || "http".equals(u.getScheme()) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The base URL serving {@code domain}'s top-level domain (the longest matching label suffix), or null. */
    public URI forDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        URI best = null;
        int bestLength = -1;
        for (Service s : dns) {
            for (String k : s.keys()) {
                if ((d.equals(k) || d.endsWith("." + k)) && k.length() > bestLength) {
                    best = s.base();
                    bestLength = k.length();
                }
            }
        }
        return best;
    }

    /** The base URL serving the block {@code address} is in (the longest matching prefix), or null. */
    public URI forIp(InetAddress address) {
        byte[] bytes = address.getAddress();
        URI best = null;
        int bestLength = -1;
        for (Service s : ip) {
            for (String k : s.keys()) {
                int slash = k.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                try {
                    byte[] net = InetAddress.getByName(k.substring(0, slash)).getAddress();
                    int prefix = Integer.parseInt(k.substring(slash + 1));
                    if (net.length == bytes.length && prefix > bestLength && prefix <= bytes.length * 8
                            && sameBits(net, bytes, prefix)) {
                        best = s.base();
                        bestLength = prefix;
                    }
                } catch (UnknownHostException | NumberFormatException e) {
                    // not a block: skip it
                }
            }
        }
        return best;
    }

    private static boolean sameBits(byte[] a, byte[] b, int prefix) {
        int shift = a.length * 8 - prefix;
        return new BigInteger(1, a).shiftRight(shift).equals(new BigInteger(1, b).shiftRight(shift));
    }
}
