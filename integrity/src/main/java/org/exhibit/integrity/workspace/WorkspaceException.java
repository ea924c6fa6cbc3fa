package org.exhibit.integrity.workspace;

/** The directory is not a usable case workspace, or a value given for it is invalid; one line for the user. */
public final class WorkspaceException extends Exception {
    public WorkspaceException(String message) {
        super(message);
    }
}
