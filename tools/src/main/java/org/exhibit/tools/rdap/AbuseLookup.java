package org.exhibit.tools.rdap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.exhibit.report.TakedownAddressee;

/**
 * A host's abuse contacts by RDAP: the registrar of its domain (the host, then each parent domain, until a
 * server knows the name) and the network of its IP address (the one the capture recorded; else the system
 * resolver's answer). Failures never stop the notice: they become its {@code failure} and a one-line warning.
 *
 * <pre>{@code
 * AbuseLookup lookup = new AbuseLookup(bootstrap, new RdapClient(Duration.ofSeconds(10)), System.err::println);
 * TakedownAddressee to = lookup.find("img.social.example", "203.0.113.7");
 * }</pre>
 */
public final class AbuseLookup implements TakedownAddressee.Lookup {
    private final Bootstrap bootstrap;
    private final RdapClient rdap;
    private final Consumer<String> warnings;

    public AbuseLookup(Bootstrap bootstrap, RdapClient rdap, Consumer<String> warnings) {
        this.bootstrap = bootstrap;
        this.rdap = rdap;
        this.warnings = warnings;
    }

    @Override
    public TakedownAddressee find(String shownHost, String recordedIp) {
        List<TakedownAddressee.Contact> contacts = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        String host = ascii(shownHost);
        boolean literal = isIpLiteral(host);
        if (!literal) {
            try {
                domain(host, contacts);
            } catch (IOException e) {
                failures.add("registrar of " + host + ": " + e.getMessage());
            }
        }
        try {
            String ip = literal ? host : recordedIp != null && isIpLiteral(recordedIp) ? recordedIp
                    : InetAddress.getByName(host).getHostAddress();
            network(ip, contacts);
        } catch (UnknownHostException e) {
            failures.add("no IP address for " + host + " (not recorded by the capture, and DNS does not know it)");
        } catch (IOException e) {
            failures.add("network of " + host + ": " + e.getMessage());
        }
        String failure = failures.isEmpty() ? null : String.join("; ", failures);
        if (contacts.isEmpty() && failure == null) {
            failure = "no abuse contact in the RDAP answers for " + host;
        }
        if (failure != null) {
            warnings.accept("abuse-contact lookup for " + host + ": " + failure
                    + (contacts.isEmpty() ? "; the notice is addressed to the host's abuse contact, to fill in" : ""));
        }
        return new TakedownAddressee(contacts, failure);
    }

    private void domain(String host, List<TakedownAddressee.Contact> contacts) throws IOException {
        URI base = bootstrap.forDomain(host);
        if (base == null) {
            throw new IOException("no RDAP server for its top-level domain in the bootstrap file");
        }
        String name = host;
        while (name.indexOf('.') > 0) {
            RdapClient.Found f = rdap.domain(base, name);
            if (f != null) {
                if (f.emails().isEmpty()) {
                    throw new IOException("the RDAP answer for " + name + " names no abuse e-mail address");
                }
                for (String mail : f.emails()) {
                    contacts.add(new TakedownAddressee.Contact(mail, f.provider(), "registrar of " + name));
                }
                return;
            }
            name = name.substring(name.indexOf('.') + 1);
        }
        throw new IOException("the RDAP server knows neither " + host + " nor a parent domain of it");
    }

    private void network(String ip, List<TakedownAddressee.Contact> contacts) throws IOException {
        InetAddress address = InetAddress.getByName(ip); // a literal: no DNS
        URI base = bootstrap.forIp(address);
        if (base == null) {
            throw new IOException("no RDAP server for " + ip + " in the bootstrap files");
        }
        RdapClient.Found f = rdap.ip(base, address.getHostAddress());
        if (f == null) {
            throw new IOException("the RDAP server does not know " + ip);
        }
        if (f.emails().isEmpty()) {
            throw new IOException("the RDAP answer for " + ip + " names no abuse e-mail address");
        }
        for (String mail : f.emails()) {
            contacts.add(new TakedownAddressee.Contact(mail, f.provider(), "network of " + ip));
        }
    }

    /** RDAP and DNS take a domain's A-labels ("xn--bcher-kva.example" for "bücher.example"). */
    private static String ascii(String host) {
        try {
            return java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return host;
        }
    }

    static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":") || host.startsWith("[");
    }
}
