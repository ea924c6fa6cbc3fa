package org.exhibit.capture.proxy;

import java.util.Locale;

/** {@code scheme://host:port} of a URL, the unit of connections and of certificate records. */
record Origin(String scheme, String host, int port) {

    /** True for {@code localhost} names and loopback IP literals; never resolves a name. */
    boolean isLoopback() {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (!InterceptionCa.isIpLiteral(host)) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    boolean tls() {
        return scheme.equals("https");
    }

    /** The host as it goes in a URL: IPv6 literals in brackets. */
    String urlHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return scheme + "://" + urlHost() + ":" + port;
    }

    /** Parses {@code host:port} (a CONNECT target or a URL authority); userinfo is dropped. */
    static Origin parse(String scheme, String authority) {
        String a = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        String portText = null;
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("expected [IPv6]:port, got " + authority);
            }
            host = a.substring(1, close);
            if (a.length() > close + 1) {
                if (a.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("expected [IPv6]:port, got " + authority);
                }
                portText = a.substring(close + 2);
            }
        } else {
            int colon = a.lastIndexOf(':');
            host = colon >= 0 ? a.substring(0, colon) : a;
            portText = colon >= 0 ? a.substring(colon + 1) : null;
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw new IllegalArgumentException("expected a host name or address, got '" + HttpHead.abbreviate(authority) + "'");
        }
        int port = scheme.equals("https") ? 443 : 80;
        if (portText != null && !portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("expected a port 1-65535, got '" + HttpHead.abbreviate(portText) + "'");
            }
        }
        return new Origin(scheme, host.toLowerCase(Locale.ROOT), port);
    }

    /** The URL prefix, with the port only when it is not the scheme's default. */
    String urlPrefix() {
        boolean defaultPort = port == (tls() ? 443 : 80);
        return scheme + "://" + urlHost() + (defaultPort ? "" : ":" + port);
    }
}
