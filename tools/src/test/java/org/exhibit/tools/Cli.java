package org.exhibit.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs {@code exhibit} in-process with {@code exhibit.home} (and a passphrase) set, capturing stdout and stderr. */
record Cli(int exit, String out, String err) {
    static Cli run(Path home, String passphrase, String... args) {
        String oldHome = System.getProperty(ExhibitHome.PROPERTY);
        String oldPass = System.getProperty(Passphrase.PROPERTY);
        System.setProperty(ExhibitHome.PROPERTY, home.toString());
        if (passphrase != null) {
            System.setProperty(Passphrase.PROPERTY, passphrase);
        } else {
            System.clearProperty(Passphrase.PROPERTY);
        }
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Exhibit.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Cli(exit, out.toString(), err.toString());
        } finally {
            restore(ExhibitHome.PROPERTY, oldHome);
            restore(Passphrase.PROPERTY, oldPass);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
