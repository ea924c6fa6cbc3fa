package org.exhibit.metadata.email;

import java.util.Locale;

/** Which addresses can name a machine on the internet (and so an origin), and which are local or private. */
public final class IpAddresses {
    private IpAddresses() {
    }

    /**
     * False for loopback, private (RFC 1918), carrier-grade NAT (100.64/10), link-local, unspecified,
     * multicast, and IPv6 loopback, link-local and unique-local addresses; true otherwise.
     */
    public static boolean isExternal(String ip) {
        if (ip == null) {
            return false;
        }
        String s = ip.toLowerCase(Locale.ROOT);
        if (s.startsWith("ipv6:")) {
            s = s.substring(5);
        }
        if (s.contains(":")) {
            if (s.startsWith("::ffff:") && s.contains(".")) {
                return isExternal(s.substring(7));
            }
            return !(s.equals("::1") || s.equals("::") || s.startsWith("fe8") || s.startsWith("fe9")
                    || s.startsWith("fea") || s.startsWith("feb") || s.startsWith("fc") || s.startsWith("fd")
                    || s.startsWith("ff"));
        }
        String[] p = s.split("\\.");
        if (p.length != 4) {
            return false;
        }
        int a;
        int b;
        try {
            a = Integer.parseInt(p[0]);
            b = Integer.parseInt(p[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        return !(a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 100 && b >= 64 && b <= 127)
                || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168));
    }
}
