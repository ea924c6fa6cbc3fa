package org.exhibit.metadata.email;

import java.nio.file.Path;

/**
 * An attachment written out of a message, decoded (base64, quoted-printable) to its original bytes.
 *
 * @param name      the file name the message gives it (RFC 2047/2231 decoded), or a generated one
 * @param mediaType the type the message declares (the inspector detects the real one from content)
 * @param file      where it was written
 * @param size      bytes written
 */
public record Attachment(String name, String mediaType, Path file, long size) {
}
