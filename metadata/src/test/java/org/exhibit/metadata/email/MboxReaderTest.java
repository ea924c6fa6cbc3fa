package org.exhibit.metadata.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MboxReaderTest {
    /** The note as its author wrote it: lines that an mbox writer must quote, and look-alikes it must not. */
    private static final String NOTE = String.join("\n",
            "From the first day he wrote to me.",
            ">From his second account too.",
            ">>From a third one, quoted twice.",
            "> From with a space: not a separator.",
            ">Fromage is not a separator either.",
            "From ",
            "");

    @Test
    void mboxrdQuotedFromLinesLoseOneQuoteMark(@TempDir Path dir) throws IOException {
        String quoted = String.join("\n",
                ">From the first day he wrote to me.",
                ">>From his second account too.",
                ">>>From a third one, quoted twice.",
                "> From with a space: not a separator.",
                ">Fromage is not a separator either.",
                ">From ",
                "");
        Path mbox = Files.writeString(dir.resolve("export.mbox"), String.join("\n",
                "From victim@example.com Sat Jun 14 19:37:07 2025",
                "From: Victim <victim@example.com>",
                "Subject: notes",
                "Message-ID: <notes@example.com>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"b\"",
                "",
                "--b",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "See the attachment.",
                "--b",
                "Content-Type: text/plain; charset=UTF-8; name=\"note.txt\"",
                "Content-Disposition: attachment; filename=\"note.txt\"",
                "Content-Transfer-Encoding: 7bit",
                "",
                quoted + "--b--",
                "",
                "From other@example.com Sun Jun 15 08:00:00 2025",
                "From: Other <other@example.com>",
                "Subject: second",
                "Message-ID: <second@example.com>",
                "",
                ">From a body line, quoted.",
                ""), StandardCharsets.UTF_8);
        List<Path> tempBefore = mboxTemporaries();

        List<Email> mails = new MboxReader().read(mbox, dir.resolve("att"));

        assertThat(mails).extracting(Email::messageId).containsExactly("<notes@example.com>", "<second@example.com>");
        assertThat(mails.get(0).attachments()).hasSize(1);
        assertThat(Files.readString(mails.get(0).attachments().get(0).file(), StandardCharsets.UTF_8))
                .isEqualTo(NOTE.substring(0, NOTE.length() - 1)); // the part ends before the boundary's line break
        assertThat(mboxTemporaries()).isEqualTo(tempBefore);
    }

    @Test
    void unquotingStreamsAnyLineAndLeavesOtherLinesAlone() throws IOException {
        String in = ">From a\r\n>>>>From b\n>From\n>\n\n>From ";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FromQuoting.unquote(new ByteArrayInputStream(in.getBytes(StandardCharsets.US_ASCII)), out);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("From a\r\n>>>From b\n>From\n>\n\nFrom ");
    }

    @Test
    void messagesWithoutQuotedLinesAreParsedInPlace(@TempDir Path dir) throws IOException {
        Path mbox = Files.writeString(dir.resolve("plain.mbox"), "From a@example.com Sat Jun 14 19:37:07 2025\n"
                + "Message-ID: <plain@example.com>\n\nFromage, not quoted.\n");
        assertThat(MboxReader.spans(mbox)).singleElement().satisfies(s -> assertThat(s[2]).isZero());
        assertThat(new MboxReader().read(mbox, null)).extracting(Email::messageId)
                .containsExactly("<plain@example.com>");
    }

    private static List<Path> mboxTemporaries() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("exhibit-mbox-")).sorted().toList();
        }
    }
}
