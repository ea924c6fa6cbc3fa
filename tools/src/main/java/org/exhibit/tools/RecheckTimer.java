package org.exhibit.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code exhibit recheck --install-timer 6h} prints: a systemd user service and timer and an equivalent cron
 * line that run the same recheck every interval. Exhibit installs nothing and runs no daemon of its own.
 *
 * @param minutes the interval
 * @param command the exact command line, program first
 * @param workDir the folder it runs in (relative paths of the command hold there)
 * @param home    the Exhibit home the command uses
 * @param name    the unit name, {@code exhibit-recheck-<case id>}
 */
record RecheckTimer(long minutes, List<String> command, Path workDir, Path home, String name) {
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,5})(m|min|h|d)");

    /** Minutes in "30m", "6h", "1d"; a bad value is a {@link UsageException} naming it. */
    static long minutes(String interval) {
        Matcher m = INTERVAL.matcher(interval.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException("--install-timer: expected an interval like 30m, 6h or 1d, got \"" + interval + "\"");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> n * 60;
            case "d" -> n * 24 * 60;
            default -> n;
        };
    }

    /** The service and timer units and the cron line, with where each goes and how to turn it on. */
    String text() {
        String exec = String.join(" ", command.stream().map(RecheckTimer::systemdQuote).toList());
        List<String> out = new ArrayList<>();
        out.add("# Exhibit does not install this: copy the two units, then turn the timer on.");
        out.add("# ~/.config/systemd/user/" + name + ".service");
        out.add("[Unit]");
        out.add("Description=Exhibit: recheck the URLs of a case");
        out.add("");
        out.add("[Service]");
        out.add("Type=oneshot");
        out.add("WorkingDirectory=" + workDir);
        out.add("Environment=EXHIBIT_HOME=" + home);
        out.add("ExecStart=" + exec);
        out.add("");
        out.add("# ~/.config/systemd/user/" + name + ".timer");
        out.add("[Unit]");
        out.add("Description=Exhibit: recheck the URLs of a case every " + every());
        out.add("");
        out.add("[Timer]");
        out.add("OnBootSec=15min");
        out.add("OnUnitActiveSec=" + minutes + "min");
        out.add("");
        out.add("[Install]");
        out.add("WantedBy=timers.target");
        out.add("");
        out.add("# then: systemctl --user daemon-reload && systemctl --user enable --now " + name + ".timer");
        out.add("#       (and loginctl enable-linger $USER to run it while you are logged out)");
        out.add("");
        out.add("# or, with cron (crontab -e), the same every " + every() + ":");
        out.add(cron() + " cd " + shellQuote(workDir.toString()) + " && EXHIBIT_HOME=" + shellQuote(home.toString()) + " "
                + String.join(" ", command.stream().map(RecheckTimer::shellQuote).toList()) + " >> "
                + shellQuote(name + ".log") + " 2>&1");
        return String.join("\n", out) + "\n";
    }

    /** The cron schedule: every N minutes within an hour, every N hours within a day, or every N days. */
    String cron() {
        if (minutes < 60 && 60 % minutes == 0) {
            return "*/" + minutes + " * * * *";
        }
        if (minutes % 60 == 0 && minutes < 24 * 60 && (24 * 60) % minutes == 0) {
            return "0 */" + minutes / 60 + " * * *";
        }
        if (minutes % (24 * 60) == 0) {
            return "0 0 */" + minutes / (24 * 60) + " * *";
        }
        throw new UsageException("--install-timer: cron cannot run every " + every() + "; use minutes that divide an "
                + "hour (e.g. 15m), hours that divide a day (e.g. 6h) or whole days");
    }

    private String every() {
        return minutes % (24 * 60) == 0 ? minutes / (24 * 60) + "d" : minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    static String systemdQuote(String s) {
        String escaped = s.replace("%", "%%");
        return escaped.matches("[A-Za-z0-9_./:=@+,%-]+") ? escaped
                : "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
