package org.exhibit.integrity.bundle;

/**
 * One verification step's finding about one file of a bundle.
 *
 * @param name    the step, e.g. "bagit", "records", "signature" (see {@link BundleVerifier})
 * @param file    the path inside the bundle it concerns, or the bundle's own name for whole-bundle checks
 * @param status  pass, warn or fail
 * @param message one line for a person, e.g. {@code data/files/0003/chat.png: SHA-256 expected …, got …}
 * @param reason  why it warned or failed, for programs; on a pass, null or a note ({@link Reason#SELF_RUN_TSA})
 */
public record Check(String name, String file, Status status, String message, Reason reason) {
    /** How a check came out. A warning fails only under {@code --strict}. */
    public enum Status { PASS, WARN, FAIL }

    public static Check pass(String name, String file, String message) {
        return new Check(name, file, Status.PASS, message, null);
    }

    /** A pass that carries a note for programs, e.g. a token from a trusted self-run TSA. */
    public static Check pass(String name, Reason note, String file, String message) {
        return new Check(name, file, Status.PASS, message, note);
    }

    public static Check warn(String name, Reason reason, String file, String message) {
        return new Check(name, file, Status.WARN, message, reason);
    }

    public static Check fail(String name, Reason reason, String file, String message) {
        return new Check(name, file, Status.FAIL, message, reason);
    }

    /** {@code "FAIL records    data/files/0003/chat.png: SHA-256 expected …, got …"} */
    public String line() {
        return String.format("%-4s %-11s %s", status, name, message);
    }
}
